import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { DEMO_PERIOD } from "../db/seed/demo-updates";
import { accounts, demoCentre, expect, openPeriod, test, type Account } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { duplicateFlagKey, FlagPage } from "./pages/flag-page";

// An axe-core scan of every page, in Chinese and in English, failing on any violation axe rates
// serious or critical. Each page is scanned as it is once loaded: charts drawn (ECharts loads in the
// browser), every <details> data table opened so its table is checked too.

const PAST = "2026-09-30";
const hzA = demoCentre("zj-hz-llm-1");
const hzB = demoCentre("zj-hz-llm-2");
/** Submitted in the demo's 2026-Q3 round and never reviewed by a test: its page has the review form. */
const chip = demoCentre("zj-sx-chip-1");

type Who = keyof typeof accounts | null;
const PAGES: { name: string; path: string; as: Who }[] = [
  { name: "login", path: "/login", as: null },
  { name: "overview", path: "/overview", as: "reviewer" },
  { name: "overview as of", path: `/overview?asOf=${PAST}`, as: "reviewer" },
  { name: "overview by red flags", path: "/overview?measure=red_flags&sort=red_flags&dir=desc", as: "reviewer" },
  { name: "provinces", path: "/provinces", as: "reviewer" },
  { name: "province", path: "/provinces/330000", as: "reviewer" },
  { name: "province as of", path: `/provinces/330000?asOf=${PAST}`, as: "reviewer" },
  { name: "centre", path: `/centres/${hzA.id}`, as: "reviewer" },
  { name: "centre as of", path: `/centres/${hzA.id}?asOf=${PAST}`, as: "reviewer" },
  { name: "flags", path: "/flags", as: "reviewer" },
  { name: "flag", path: FlagPage.path(duplicateFlagKey(hzA.id, hzB.id)), as: "reviewer" },
  { name: "reporting", path: "/reporting", as: "staffZj" },
  { name: "reporting discipline", path: "/reporting/discipline", as: "reviewer" },
  { name: "reviews", path: "/reviews", as: "reviewer" },
  { name: "notifications", path: "/notifications", as: "reviewer" },
  { name: "audit", path: "/audit", as: "admin" },
  { name: "admin users", path: "/admin/users", as: "admin" },
  { name: "admin new user", path: "/admin/users/new", as: "admin" },
  { name: "admin targets", path: "/admin/targets", as: "admin" },
  { name: "admin calendars", path: "/admin/calendars", as: "admin" },
  { name: "admin calendar", path: "/admin/calendars/330000", as: "admin" },
  { name: "admin thresholds", path: "/admin/thresholds", as: "admin" },
  { name: "admin mail", path: "/admin/mail", as: "admin" },
  { name: "admin security log", path: "/admin/security", as: "admin" },
  { name: "notification settings", path: "/settings/notifications", as: "staffZj" },
  { name: "change password", path: "/settings/password", as: "staffZj" },
  { name: "sessions", path: "/settings/sessions", as: "staffZj" },
  { name: "two-factor settings", path: "/settings/two-factor", as: "staffZj" },
  { name: "new centre form", path: "/centres/new?province=330000", as: "staffZj" },
  { name: "import", path: "/import", as: "staffZj" },
  { name: "update form", path: `/centres/${hzA.id}/updates/${openPeriod}`, as: "staffZj" },
  { name: "update in review", path: `/centres/${chip.id}/updates/${DEMO_PERIOD}`, as: "reviewer" },
];

const LANGUAGE = { zh: { button: "中文", lang: "zh-CN" }, en: { button: "English", lang: "en" } } as const;

/** Chooses the language on the login page (a cookie, so the demo accounts' own setting is left alone), then signs in. */
async function open(page: Page, account: Account | null, language: keyof typeof LANGUAGE) {
  const login = new LoginPage(page);
  await login.goto();
  await page.getByRole("button", { name: LANGUAGE[language].button, exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", LANGUAGE[language].lang);
  if (account) {
    await login.fillAndSubmit(account.email, account.password);
    await page.waitForURL((url) => url.pathname !== "/login");
  }
}

/** The page as a user reads it: loaded, charts drawn, data tables unfolded. */
async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await expect(page.locator(".echart:not(:has(svg))")).toHaveCount(0);
  await page.locator("details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
}

for (const language of ["zh", "en"] as const) {
  test.describe(`accessibility (${language})`, () => {
    for (const { name, path, as } of PAGES) {
      test(`${name}: no serious or critical axe violations`, async ({ page }, testInfo) => {
        await open(page, as ? accounts[as] : null, language);
        const response = await page.goto(path);
        // A refusal or an error page would be scanned instead of the page itself.
        expect(response?.status(), `${path} answered ${response?.status()}`).toBeLessThan(400);
        await expect(page.locator("html")).toHaveAttribute("lang", LANGUAGE[language].lang);
        await settle(page);

        const { violations } = await new AxeBuilder({ page }).analyze();
        // Every finding, minor and moderate included, for the report.
        if (violations.length > 0) {
          const findings = violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })) }));
          await testInfo.attach("axe-violations.json", { body: JSON.stringify(findings, null, 2), contentType: "application/json" });
        }
        const blocking = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        const report = blocking
          .map((v) => [`${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`, ...v.nodes.map((n) => `  at ${n.target.join(" ")}\n    ${n.html}\n    ${n.failureSummary?.replace(/\n/g, "\n    ") ?? ""}`)].join("\n"))
          .join("\n");
        expect(blocking.map((v) => v.id), `${language} ${path}:\n${report}`).toEqual([]);
      });
    }
  });
}
