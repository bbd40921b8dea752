import { defineConfig, devices } from "@playwright/test";
import fs from "node:fs";
import { chromium } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);

/**
 * Playwright's own Chromium when it is installed (a developer's machine after `npx playwright install`);
 * otherwise Debian's /usr/bin/chromium, which is what CI installs because browser downloads are blocked there.
 */
function browserLaunchOptions() {
  const args = ["--disable-background-networking", "--disable-component-update", "--disable-sync"];
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && fs.existsSync(bundled)) return { args };
  const system = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
  if (!system) return { args };
  return { executablePath: system, args: [...args, "--no-sandbox"] };
}

export default defineConfig({
  testDir: "e2e",
  // One server and one database: tests make their own records so they can run side by side.
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: browserLaunchOptions(),
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // The production build on a fresh database seeded with the demo data set.
    command: "npx tsx scripts/e2e-server.ts",
    url: `http://localhost:${PORT}/api/health`,
    env: { PORT: String(PORT) },
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: "pipe",
  },
});
