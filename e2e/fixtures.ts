import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoId } from "../db/seed";
import { DEMO_CENTRES } from "../db/seed/demo-centres";
import { chinaToday } from "../lib/domain/china-time";
import { periodContaining, periodLabel } from "../lib/domain/periods";
import type { FocusTag } from "../lib/domain/vocabulary";
import zhMessages from "../lib/i18n/messages/zh.json";
import enMessages from "../lib/i18n/messages/en.json";
import { LoginPage } from "./pages/login-page";

/** The UI strings, straight from the message files the app renders. */
export const zh = zhMessages;
export const en = enMessages;

export interface Account {
  email: string;
  password: string;
  name: string;
  role: "admin" | "reviewer" | "staff";
  provinceCode: string | null;
}

function demoAccount(email: string): Account {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!account) throw new Error(`No demo account ${email}`);
  return { email: account.email, password: DEMO_PASSWORD, name: account.name, role: account.role, provinceCode: account.provinceCode };
}

export const accounts = {
  admin: demoAccount("admin@demo.gov.cn"),
  reviewer: demoAccount("reviewer@demo.gov.cn"),
  reviewerZj: demoAccount("reviewer.zj@demo.gov.cn"),
  staffZj: demoAccount("staff.zj@demo.gov.cn"),
  staffGd: demoAccount("staff.gd@demo.gov.cn"),
  staffBj: demoAccount("staff.bj@demo.gov.cn"),
};

/** A demo centre by its seed key: its stable id and the values the seed gave it. */
export function demoCentre(key: string) {
  const centre = DEMO_CENTRES.find((c) => c.key === key);
  if (!centre) throw new Error(`No demo centre ${key}`);
  return { id: demoId("centre", key), name: centre.name, provinceCode: centre.provinceCode, plannedBudgetYuan: centre.plannedBudgetYuan };
}

/** Unique per call, so tests running side by side on one database never collide. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** Today in Beijing, as the app sees it (reporting dates follow the officials' calendar). */
export const today = chinaToday();

/** The reporting period running today under the default quarterly calendar, e.g. "2026-Q4": open for drafting. */
export const openPeriod = periodContaining(today, "quarterly").code;

/** A period as the UI names it: "2026年第4季度" / "2026-Q4". */
export function periodName(code: string, locale: "zh" | "en" = "zh"): string {
  return periodLabel(code, locale);
}

/** A message with its `{placeholders}` as wildcards, matching the whole text: "共 {count} 条" → /^共 (.+?) 条$/. */
export function messagePattern(message: string): RegExp {
  const escaped = message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escaped.replace(/\\\{\w+\\\}/g, "(.+?)")}$`);
}

/**
 * A form control by its label text, exactly. Required fields' labels end in an aria-hidden " *" and
 * checkbox labels start with a space, which getByLabel's exact match would otherwise need.
 */
export function field(scope: Page | Locator, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return scope.getByLabel(new RegExp(`^\\s*${escaped}( \\*)?\\s*$`));
}

export async function signIn(page: Page, account: Pick<Account, "email" | "password">): Promise<void> {
  await new LoginPage(page).signIn(account.email, account.password);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^(退出登录|Sign out)$/ }).click();
  await page.waitForURL("**/login");
}

export interface NewUser {
  role?: Account["role"];
  provinceCode?: string | null;
  name?: string;
}

export interface NewMilestone {
  title: string;
  evidenceRequired?: boolean;
  plannedDate?: string;
}

export interface RegisteredCentre {
  id: string;
  name: string;
}

export interface NewCentre {
  milestones?: NewMilestone[];
  budgetYuan?: number;
  /** A Zhejiang city; Hangzhou unless told. */
  cityCode?: string;
  focusTags?: FocusTag[];
  /** The same lead for every centre unless told: two centres sharing a lead and a city are a red duplicate pair. */
  leadInstitution?: string;
  startDate?: string;
}

/**
 * Registers a Zhejiang centre with these milestones through the UI, as a page signed in as Zhejiang staff
 * (or an admin). Reporting tests each work on a centre of their own: a centre has one update per period,
 * so a test that drives an update through the workflow cannot share its centre with another test or with
 * its own repeats. Risk tests pass their own city, tags and lead, since those decide the duplicate flags.
 */
export async function registerCentre(
  page: Page,
  {
    milestones = [],
    budgetYuan = 200_000_000,
    cityCode = "330100",
    focusTags = ["large_models"],
    leadInstitution = "端到端测试研究院（示例）",
    startDate = "2026-01-01",
  }: NewCentre = {},
): Promise<RegisteredCentre> {
  const name = `端到端填报测试中心 ${uniqueSuffix()}`;
  await page.goto("/centres/new?province=330000");
  const form = page.getByRole("main").locator("form");
  await field(form, zh.centres.name).fill(name);
  await field(form, zh.centres.city).selectOption(cityCode);
  await field(form, zh.centres.leadInstitution).fill(leadInstitution);
  const tags = form.getByRole("group", { name: zh.centres.focusTags });
  for (const tag of focusTags) await field(tags, zh.focusTags[tag]).check();
  await field(form, zh.centres.plannedBudgetYuan).fill(String(budgetYuan));
  await field(form, zh.centres.startDate).fill(startDate);
  await field(form, zh.centres.plannedCompletion).fill("2027-12-31");
  await field(form, zh.centres.status).selectOption("under_construction");
  await form.getByRole("button", { name: zh.common.save }).click();
  await expect(page).toHaveURL(/\/centres\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).pathname.split("/").pop()!;

  for (const milestone of milestones) {
    await page.goto(`/centres/${id}/milestones/new`);
    const milestoneForm = page.getByRole("main").locator("form");
    await field(milestoneForm, zh.milestones.name).fill(milestone.title);
    await field(milestoneForm, zh.milestones.category).selectOption("platform");
    await field(milestoneForm, zh.milestones.weight).fill("3");
    await field(milestoneForm, zh.milestones.plannedDate).fill(milestone.plannedDate ?? "2026-12-31");
    if (milestone.evidenceRequired) await field(milestoneForm, zh.milestones.evidenceRequired).check();
    await milestoneForm.getByRole("button", { name: zh.common.save }).click();
    await expect(page).toHaveURL(`/centres/${id}`);
  }
  return { id, name };
}

type Fixtures = {
  loginPage: LoginPage;
  /** A page in a new browser context (own cookies), already signed in as `account`. */
  signedInPage: (account: Pick<Account, "email" | "password">) => Promise<Page>;
  /** Creates an account through the admin UI (in its own context) and returns its credentials. */
  createUser: (user?: NewUser) => Promise<Account>;
};

async function openContext(browser: Browser, contexts: BrowserContext[]): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

// The fixture callback is named `provide`, not `use`, so the React hooks lint rule leaves it alone.
export const test = base.extend<Fixtures>({
  loginPage: async ({ page }, provide) => {
    await provide(new LoginPage(page));
  },

  signedInPage: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (account) => {
      const page = await openContext(browser, contexts);
      await signIn(page, account);
      return page;
    });
    await Promise.all(contexts.map((c) => c.close()));
  },

  createUser: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async ({ role = "staff", provinceCode = "330000", name } = {}) => {
      const suffix = uniqueSuffix();
      const account: Account = {
        email: `e2e-${suffix}@example.gov.cn`,
        password: `pass-${suffix}`,
        name: name ?? `测试用户 ${suffix}`,
        role,
        provinceCode,
      };
      const admin = await openContext(browser, contexts);
      await signIn(admin, accounts.admin);
      await admin.goto("/admin/users/new");
      const form = admin.getByRole("main").locator("form");
      await field(form, zh.users.email).fill(account.email);
      await field(form, zh.users.name).fill(account.name);
      await field(form, zh.users.password).fill(account.password);
      await field(form, zh.users.role).selectOption(role);
      await field(form, zh.users.province).selectOption(provinceCode ?? "");
      await form.getByRole("button", { name: zh.common.save }).click();
      await admin.waitForURL("**/admin/users");
      await expect(admin.getByRole("link", { name: account.email })).toBeVisible();
      await admin.context().close();
      return account;
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
});

export { expect };
