import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Page } from "@playwright/test";
import { accounts, en, expect, field, messagePattern, periodName, signIn, test, zh } from "./fixtures";

// Reminders end to end: the job (`npm run reminders`, run here against the suite's database) puts
// overdue reminders and escalations in the right people's notifications, once; everyone sets their own
// mail settings; only administrators see the mail outbox. The suite's server has no SMTP server, so the
// reminders stay in the app.

const DEMO_PERIOD = periodName("2026-Q3");

function runReminderJob(): string {
  return execFileSync("npx", ["tsx", "scripts/reminders.ts"], {
    // The demo's reporting rounds are dated 2026: the longest window the settings allow (ten years) keeps
    // its Q3 overdue, and so reminded, in this test until 2036 rather than only until mid-December 2026.
    env: { ...process.env, DATABASE_PATH: path.resolve(".e2e-data", "tracker.db"), REMINDER_OVERDUE_WINDOW_DAYS: "3650" },
    encoding: "utf8",
  });
}

/** Reminder entries of one category on the notifications page, as sentences. */
async function reminderTexts(page: Page): Promise<string[]> {
  await page.goto("/notifications");
  const list = page.getByRole("region", { name: zh.reminders.listTitle }).getByTestId("reminder-list");
  return list.getByRole("link").allTextContents();
}

const matching = (texts: string[], message: string) => texts.filter((text) => messagePattern(message).test(text) && text.includes(DEMO_PERIOD));

test("the job reminds staff of a missed update, escalates to reviewers, and never repeats itself", async ({ signedInPage }) => {
  // 2026-Q3 was due on 2026-10-15 (5 grace days): the demo centres that never reported it are long past
  // both escalation thresholds (7 and 14 days overdue).
  expect(runReminderJob()).toMatch(/^reminders: \d+ new, 0 mail queued/m);

  const staff = await signedInPage(accounts.staffZj);
  const staffOverdue = matching(await reminderTexts(staff), zh.reminders.items.overdue);
  expect(staffOverdue.length).toBeGreaterThan(0);

  const provincial = await signedInPage(accounts.reviewerZj);
  const escalated = matching(await reminderTexts(provincial), zh.reminders.items.escalation_province);
  // The same Zhejiang centres the staff were reminded of, escalated to the province's reviewer.
  expect(escalated).toHaveLength(staffOverdue.length);

  const national = await signedInPage(accounts.reviewer);
  expect(matching(await reminderTexts(national), zh.reminders.items.escalation_national).length).toBeGreaterThanOrEqual(escalated.length);

  // Another run repeats nothing: each person and stage is recorded once. (Centres that tests running
  // alongside register meanwhile may bring new reminders, so the check is per reminder, not a total.)
  expect(runReminderJob()).toMatch(/^reminders: \d+ new/m);
  const after = await reminderTexts(staff);
  for (const text of staffOverdue) expect(after.filter((t) => t === text)).toHaveLength(1);
});

test("staff choose their own mail settings; escalations cannot be muted", async ({ createUser, page }) => {
  const account = await createUser({ role: "staff", provinceCode: "330000" });
  await signIn(page, account);
  await page.getByRole("navigation", { name: zh.nav.label }).getByRole("link", { name: zh.reminders.nav }).click();
  await expect(page).toHaveURL("/settings/notifications");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.reminders.settings.title);
  await expect(page.getByText(zh.reminders.settings.mailOff)).toBeVisible();

  const form = page.getByRole("form", { name: zh.reminders.settings.title });
  const mode = field(form, zh.reminders.settings.mode);
  await expect(mode).toHaveValue("digest");
  await expect(field(form, zh.reminders.categories.escalation_province)).toHaveCount(0);
  await expect(field(form, zh.reminders.categories.escalation_national)).toHaveCount(0);

  await mode.selectOption("immediate");
  await field(form, zh.reminders.categories.due_soon).check();
  await field(form, zh.reminders.categories.flag_red).check();
  await form.getByRole("button", { name: zh.reminders.settings.save }).click();
  await expect(form.getByRole("status")).toHaveText(zh.common.saved);

  await page.reload();
  await expect(field(form, zh.reminders.settings.mode)).toHaveValue("immediate");
  await expect(field(form, zh.reminders.categories.due_soon)).toBeChecked();
  await expect(field(form, zh.reminders.categories.flag_red)).toBeChecked();
  await expect(field(form, zh.reminders.categories.overdue)).not.toBeChecked();
});

test("staff and reviewers are refused the mail outbox", async ({ signedInPage }) => {
  for (const account of [accounts.staffZj, accounts.reviewer]) {
    const page = await signedInPage(account);
    const response = await page.goto("/admin/mail");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: zh.errors.forbiddenTitle })).toBeVisible();
    await expect(page.getByRole("navigation", { name: zh.nav.label }).getByRole("link", { name: zh.reminders.adminNav })).toHaveCount(0);
  }
});

test("administrators see the mail outbox, in both languages", async ({ createUser, page }) => {
  // A new administrator: switching language saves it to the account, which the demo admin must keep.
  await signIn(page, await createUser({ role: "admin", provinceCode: null }));
  await page.getByRole("navigation", { name: zh.nav.label }).getByRole("link", { name: zh.reminders.adminNav }).click();
  await expect(page).toHaveURL("/admin/mail");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.reminders.admin.title);
  await expect(page.getByText(zh.reminders.admin.mailOff)).toBeVisible();
  await expect(page.getByTestId("mail-counts")).toHaveText(messagePattern(zh.reminders.admin.counts));
  await expect(page.getByText(zh.reminders.admin.empty)).toBeVisible();

  await page.getByRole("button", { name: "English", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.reminders.admin.title);
  await expect(page.getByText(en.reminders.admin.mailOff)).toBeVisible();
});
