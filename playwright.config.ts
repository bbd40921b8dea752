import { defineConfig, devices } from "@playwright/test";
import fs from "node:fs";
import { chromium } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
/** The second server, for e2e/two-factor.spec.ts only: two-factor sign-in required as in production. */
const TWO_FACTOR_PORT = PORT + 1;
const TWO_FACTOR_SPEC = /two-factor\.spec\.ts$/;

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

/**
 * `npm run test:e2e` gives the test processes the react-server condition, so the specs and the scripts
 * they run may import db/ (whose files import "server-only"). The servers must not inherit it: Next
 * chooses its React builds itself, and the server script sets the condition on its own command line.
 */
const SERVER_ENV = { NODE_OPTIONS: "" };

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
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: TWO_FACTOR_SPEC },
    { name: "two-factor", use: { ...devices["Desktop Chrome"], baseURL: `http://localhost:${TWO_FACTOR_PORT}` }, testMatch: TWO_FACTOR_SPEC },
  ],
  // Started one after the other, so only the first builds the app (scripts/build-freshness.ts).
  webServer: [
    {
      // The production build on a fresh database seeded with the demo data set. Two-factor sign-in is
      // required of nobody here: the suite signs the demo reviewers and admins in some 170 times, and
      // TOTP replay protection accepts each 30-second step once per account, so a code per sign-in
      // would make the suite wait for the clock. The two-factor project below covers the real setting.
      command: "npx tsx --conditions=react-server scripts/e2e-server.ts",
      url: `http://localhost:${PORT}/api/health`,
      env: { ...SERVER_ENV, PORT: String(PORT), TWO_FACTOR_REQUIRED_ROLES: "" },
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "pipe",
    },
    {
      // The same build on its own fresh database, with the production default: reviewers and admins must enrol.
      command: "npx tsx --conditions=react-server scripts/e2e-server.ts",
      url: `http://localhost:${TWO_FACTOR_PORT}/api/health`,
      env: { ...SERVER_ENV, PORT: String(TWO_FACTOR_PORT), E2E_DATA_DIR: ".e2e-data-2fa", TWO_FACTOR_REQUIRED_ROLES: "reviewer,admin" },
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "pipe",
    },
  ],
});
