import type { Locator, Page } from "@playwright/test";
import { addDays } from "../lib/domain/periods";
import type { FocusTag } from "../lib/domain/vocabulary";
import { accounts, demoCentre, expect, field, messagePattern, registerCentre, signIn, test, today, uniqueSuffix, zh, type RegisteredCentre } from "./fixtures";
import { CentrePage } from "./pages/centre-page";
import { duplicateFlagKey, FlagPage } from "./pages/flag-page";

// Each journey registers its own centres, in a Zhejiang city no demo centre and no other test uses, so
// its flags are its own: demo flags and the other tests' flags are never reviewed here. Every centre
// has a lead of its own, so a pair is amber (a shared lead would make it red).

const tags = (list: FocusTag[]) => list.map((tag) => zh.focusTags[tag]).join("、");

/** Two centres in one city whose focus tags overlap by 2/3: {x, y} and {x, y, z}. Registered by Zhejiang staff. */
async function registerPair(staff: Page, cityCode: string, [x, y, z]: [FocusTag, FocusTag, FocusTag]) {
  const suffix = uniqueSuffix();
  const a = await registerCentre(staff, { cityCode, focusTags: [x, y], leadInstitution: `端到端测试甲研究院 ${suffix}` });
  const b = await registerCentre(staff, { cityCode, focusTags: [x, y, z], leadInstitution: `端到端测试乙研究院 ${suffix}` });
  return { a, b, key: duplicateFlagKey(a.id, b.id) };
}

/** The rows of /flags (rule: duplicate construction) for this pair; `all` includes standing dismissals. */
async function listedPair(page: Page, a: RegisteredCentre, b: RegisteredCentre, show: "open" | "all" = "open"): Promise<Locator> {
  // The list holds every duplicate pair the whole suite made in the province, 100 to a page: look page by page.
  for (let n = 1; n <= 20; n++) {
    await page.goto(`/flags?code=duplicate_construction${show === "all" ? "&show=all" : ""}&page=${n}`);
    const main = page.getByRole("main");
    await expect(main.getByLabel(zh.risk.show, { exact: true })).toHaveValue(show);
    const row = main
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: a.name, exact: true }) })
      .filter({ has: page.getByRole("link", { name: b.name, exact: true }) });
    if ((await row.count()) > 0) return row;
    if ((await main.getByRole("link", { name: zh.audit.next, exact: true }).count()) === 0) return row;
  }
  throw new Error(`The pair ${a.name} / ${b.name} is on none of the first 20 pages`);
}

const stateCell = (row: Locator) => row.getByRole("cell").nth(4);

test("the Zhejiang reviewer compares a duplicate pair, judges it justified, and reopens it", async ({ page, signedInPage }) => {
  test.setTimeout(90_000);
  const staff = await signedInPage(accounts.staffZj);
  const { a, b, key } = await registerPair(staff, "330900", ["ai_for_science", "finance", "education"]);
  const justification = `（测试）两中心分别面向科研与金融应用，定位不同。${uniqueSuffix()}`;

  await signIn(page, accounts.reviewerZj);
  // The flag is there at once: flags are computed from the data on every request.
  const open = await listedPair(page, a, b);
  await expect(stateCell(open)).toHaveText(zh.risk.states.open);
  await open.getByRole("link", { name: zh.risk.codes.duplicate_construction }).click();
  await expect(page).toHaveURL(FlagPage.path(key));

  const flag = new FlagPage(page);
  await expect(flag.heading).toContainText(zh.risk.codes.duplicate_construction);
  await expect(flag.heading).toContainText(zh.risk.severity.amber);
  await expect(flag.state()).toHaveText(zh.risk.states.open);
  await expect(flag.row.getByRole("cell").nth(3)).toHaveText(
    `两家中心位于同一地级市舟山市（330900），关注领域 Jaccard 重合度 0.67（共同 2 项：${tags(["ai_for_science", "finance"])}；合计 3 项），达到 0.5 的阈值。`,
  );

  // Side by side: both centres, their shared tags marked, the city marked as the same, the leads not.
  const compareRow = (label: string) => flag.comparison.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${label}`) }) });
  // The columns follow the centres' ids, as the flag's subject does.
  const columns = [
    { ...a, tags: tags(["ai_for_science", "finance"]) },
    { ...b, tags: tags(["ai_for_science", "finance", "education"]) },
  ].sort((x, y) => (x.id < y.id ? -1 : 1));
  await expect(compareRow(zh.centres.name).getByRole("cell")).toHaveText(columns.map((c) => c.name));
  await expect(compareRow(zh.centres.focusTags).getByRole("cell")).toHaveText(columns.map((c) => c.tags));
  await expect(compareRow(zh.centres.focusTags).locator("mark")).toHaveText([zh.focusTags.ai_for_science, zh.focusTags.finance, zh.focusTags.ai_for_science, zh.focusTags.finance]);
  await expect(compareRow(zh.centres.city).getByRole("rowheader")).toHaveText(`${zh.centres.city}${zh.risk.compare.same}`);
  await expect(compareRow(zh.centres.leadInstitution).getByRole("rowheader")).toHaveText(zh.centres.leadInstitution);
  const figure = (name: string) => flag.figures.locator(".figure").filter({ has: page.locator("code", { hasText: new RegExp(`^${name}$`) }) }).locator("dd");
  await expect(figure("jaccard")).toHaveText("0.6667");
  await expect(figure("sharedTagCount")).toHaveText("2");
  await expect(figure("unionTagCount")).toHaveText("3");
  await expect(flag.noHistory).toBeVisible();
  await expect(flag.actions).toHaveText(flag.actionLabels(["acknowledged", "dismissed", "justified", "merge_planned", "confirmed_duplicate"]));

  // 1. A dismissal needs an expiry date: refused beside that field, nothing recorded.
  await flag.review("dismissed", justification);
  await expect(flag.formError).toHaveText(zh.errors.invalidForm);
  await expect(flag.expiresOn).toHaveAttribute("aria-invalid", "true");
  await expect(flag.expiresOn).toHaveAccessibleDescription(new RegExp(`${zh.validation.expiryRequired}$`));
  await expect(page).toHaveURL(FlagPage.path(key));
  await expect(flag.state()).toHaveText(zh.risk.states.open);
  await expect(flag.noHistory).toBeVisible();

  // 2. Judged justified, with the reason: recorded under the reviewer's name.
  await flag.review("justified", justification);
  await flag.expectDone(key, "justified");
  await expect(flag.state()).toHaveText(zh.risk.states.justified);
  await expect(flag.historyRows).toHaveCount(1);
  await expect(flag.historyRows.getByRole("cell")).toHaveText([
    /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    zh.risk.review.actions.justified,
    zh.risk.severity.amber,
    justification,
    "—",
    accounts.reviewerZj.name,
  ]);

  // Out of the default list (which says how many it leaves out), still there with show=all.
  const hidden = await listedPair(page, a, b);
  await expect(hidden).toHaveCount(0);
  await expect(page.getByRole("main").getByText(messagePattern(zh.risk.suppressedHidden))).toBeVisible();
  const shown = await listedPair(page, a, b, "all");
  await expect(stateCell(shown)).toHaveText(zh.risk.states.justified);

  // 3. Reopened: open again, and back in the default list.
  await flag.goto(key);
  // A standing justification can be acknowledged, turned into another outcome or reopened; not dismissed.
  await expect(flag.actions).toHaveText(flag.actionLabels(["acknowledged", "merge_planned", "confirmed_duplicate", "reopened"]));
  await flag.review("reopened", `（测试）需结合现场核查再判断。${uniqueSuffix()}`);
  await flag.expectDone(key, "reopened");
  await expect(flag.state()).toHaveText(zh.risk.states.open);
  await expect(flag.historyRows).toHaveCount(2);
  await expect(flag.historyRows.first().getByRole("cell").nth(1)).toHaveText(zh.risk.review.actions.reopened);
  await expect(flag.historyRows.last().getByRole("cell").nth(1)).toHaveText(zh.risk.review.actions.justified);
  await expect(stateCell(await listedPair(page, a, b))).toHaveText(zh.risk.states.open);

  // The province's staff see the state, but no form to change it.
  const staffFlag = new FlagPage(staff);
  await staffFlag.goto(key);
  await expect(staffFlag.state()).toHaveText(zh.risk.states.open);
  await expect(staffFlag.historyRows).toHaveCount(2);
  await expect(staffFlag.reviewForm).toHaveCount(0);
});

// React resets the form after the action: the radio chosen before a refusal must still be the one sent next.
test("the chosen action survives a refused review", async ({ page, signedInPage }) => {
  const staff = await signedInPage(accounts.staffZj);
  const { key } = await registerPair(staff, "330500", ["ai_chips", "embodied_ai", "education"]);
  const reason = `（测试）定位不同。${uniqueSuffix()}`;

  await signIn(page, accounts.reviewerZj);
  const flag = new FlagPage(page);
  await flag.goto(key);
  await flag.review("justified", "");
  await expect(flag.comment).toHaveAccessibleDescription(zh.validation.required);
  await expect(flag.reviewForm.getByRole("radio", { name: zh.risk.review.actions.justified })).toBeChecked();

  await flag.comment.fill(reason);
  await flag.reviewForm.getByRole("button", { name: zh.risk.review.submit }).click();
  await flag.expectDone(key, "justified");
  await expect(flag.historyRows.getByRole("cell").nth(1)).toHaveText(zh.risk.review.actions.justified);
});

test("an acknowledged flag stays in the list, marked as known", async ({ page, signedInPage }) => {
  const staff = await signedInPage(accounts.staffZj);
  const { a, b, key } = await registerPair(staff, "331000", ["smart_city", "healthcare", "finance"]);
  const note = `（测试）已知悉，下季度现场核查。${uniqueSuffix()}`;

  await signIn(page, accounts.reviewerZj);
  const flag = new FlagPage(page);
  await flag.goto(key);
  await flag.review("acknowledged", note);
  await flag.expectDone(key, "acknowledged");
  await expect(flag.state()).toHaveText(zh.risk.states.acknowledged);
  await expect(flag.historyRows.getByRole("cell").nth(3)).toHaveText(note);
  // Acknowledged once is enough; it can still be dismissed, judged, or reopened.
  await expect(flag.actions).toHaveText(flag.actionLabels(["dismissed", "justified", "merge_planned", "confirmed_duplicate", "reopened"]));

  await expect(stateCell(await listedPair(page, a, b))).toHaveText(zh.risk.states.acknowledged);
  // On both centres' pages as well.
  const centre = new CentrePage(page);
  await centre.goto(a.id);
  await expect(stateCell(centre.flag("duplicate_construction", [b.name]))).toHaveText(zh.risk.states.acknowledged);
});

test("a dismissed duplicate flag comes back when the two centres' tags converge", async ({ page, signedInPage }) => {
  test.setTimeout(90_000);
  const staff = await signedInPage(accounts.staffZj);
  // {智慧城市, 医疗健康} and {智慧城市, 医疗健康, 教育}: Jaccard 2/3, at or above 0.5.
  const { a, b, key } = await registerPair(staff, "331100", ["smart_city", "healthcare", "education"]);
  const until = addDays(today, 30);

  await signIn(page, accounts.reviewerZj);
  const flag = new FlagPage(page);
  await flag.goto(key);

  // An expiry must lie after today.
  await flag.review("dismissed", `（测试）规划调整中。${uniqueSuffix()}`, today);
  await expect(flag.expiresOn).toHaveAccessibleDescription(new RegExp(`${zh.validation.expiryInPast}$`));
  await expect(flag.noHistory).toBeVisible();

  await flag.review("dismissed", `（测试）规划调整中，待省级统筹。${uniqueSuffix()}`, until);
  await flag.expectDone(key, "dismissed");
  const dismissedUntil = zh.risk.states.suppressedUntil.replace("{state}", zh.risk.states.dismissed).replace("{date}", until);
  await expect(flag.state()).toHaveText(dismissedUntil);
  await expect(flag.historyRows.getByRole("cell").nth(4)).toHaveText(until);
  await expect(await listedPair(page, a, b)).toHaveCount(0);

  // Staff give the first centre the second one's third tag: the same three tags, Jaccard 1.
  await staff.goto(`/centres/${a.id}/edit`);
  const form = staff.getByRole("main").locator("form");
  await field(form.getByRole("group", { name: zh.centres.focusTags }), zh.focusTags.education).check();
  await form.getByRole("button", { name: zh.common.save }).click();
  await expect(staff).toHaveURL(`/centres/${a.id}`);
  await expect(staff.getByRole("main").locator("dl.details")).toContainText(tags(["smart_city", "healthcare", "education"]));

  // Worse than when it was dismissed: back, and saying why, before its expiry.
  await flag.goto(key);
  const worsened = zh.risk.states.returned.replace("{because}", zh.risk.returnedBecause.worsened);
  await expect(flag.state()).toHaveText(worsened);
  await expect(flag.row.getByRole("cell").nth(3)).toContainText(`Jaccard 重合度 1（共同 3 项：${tags(["smart_city", "healthcare", "education"])}；合计 3 项）`);
  await expect(flag.historyRows).toHaveCount(1);
  // Returned is open again: it may be dismissed again (against the new figures), and there is nothing to reopen.
  await expect(flag.actions).toHaveText(flag.actionLabels(["acknowledged", "dismissed", "justified", "merge_planned", "confirmed_duplicate"]));
  await expect(stateCell(await listedPair(page, a, b))).toHaveText(worsened);
});

test("a reviewer's delivery-confidence rating stands beside the computed level", async ({ page, signedInPage }) => {
  const staff = await signedInPage(accounts.staffZj);
  // Starting next year: no period is due yet, so no flag makes it red.
  const centre = await registerCentre(staff, { cityCode: "330800", focusTags: ["education"], leadInstitution: `端到端测试丙研究院 ${uniqueSuffix()}`, startDate: "2027-01-01" });
  const narrative = `（测试）现场核查发现主体工程停工，交付信心低。${uniqueSuffix()}`;

  await signIn(page, accounts.reviewerZj);
  const view = new CentrePage(page);
  await view.goto(centre.id);
  await expect(view.completion).toHaveText("0%");
  const computed = await view.level();
  expect(computed).not.toBe("red");
  await expect(view.latestRating).toHaveText(zh.confidence.none);
  await expect(view.confidence.getByText(zh.confidence.noHistory)).toBeVisible();

  // A rating needs its narrative.
  await view.rate("red", "");
  await expect(view.formError).toHaveText(zh.errors.invalidForm);
  await expect(view.narrative).toHaveAttribute("aria-invalid", "true");
  await expect(view.narrative).toHaveAccessibleDescription(new RegExp(`${zh.validation.required}$`));
  await expect(view.rating).toHaveValue("red");
  await expect(view.latestRating).toHaveText(zh.confidence.none);
  await expect(view.ratingHistory).toHaveCount(0);

  await view.rate("red", narrative);
  await expect(view.latestRating).toHaveText(`${zh.risk.level.red}${zh.confidence.differs}`);
  await expect(view.computedLevel).toHaveText(zh.risk.level[computed]);
  await expect(view.ratingHistory).toHaveCount(1);
  await expect(view.ratingHistory.getByRole("cell")).toHaveText([
    /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    zh.risk.level.red,
    `${zh.risk.level[computed]} 0%`,
    narrative,
    accounts.reviewerZj.name,
  ]);

  // Staff read the rating, but cannot record one.
  const staffView = new CentrePage(staff);
  await staffView.goto(centre.id);
  await expect(staffView.latestRating).toContainText(zh.risk.level.red);
  await expect(staffView.ratingHistory).toHaveCount(1);
  await expect(staffView.ratingForm).toHaveCount(0);
});

test("the review and rating actions refuse a Guangdong flag or centre posted from a Zhejiang form", async ({ page, signedInPage }) => {
  const hzA = demoCentre("zj-hz-llm-1");
  const hzB = demoCentre("zj-hz-llm-2");
  const szA = demoCentre("gd-sz-llm-1");
  const szB = demoCentre("gd-sz-llm-2");
  const shenzhenPair = duplicateFlagKey(szA.id, szB.id);
  await signIn(page, accounts.reviewerZj);

  // The Zhejiang reviewer's own flag form, its hidden key changed to a Guangdong flag's in the browser.
  const flag = new FlagPage(page);
  await flag.goto(duplicateFlagKey(hzA.id, hzB.id));
  await flag.reviewForm.locator('input[name="flagKey"]').evaluate((el, key) => ((el as HTMLInputElement).value = key), shenzhenPair);
  await flag.review("acknowledged", `（测试）越权处理。${uniqueSuffix()}`);
  // Another province's flag is answered as one that does not exist.
  await expect(flag.formError).toHaveText(zh.errors.notFound);

  // The same with a rating form and a Guangdong centre.
  const centre = new CentrePage(page);
  await centre.goto(hzA.id);
  await centre.ratingForm.locator('input[name="centreId"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), szA.id);
  await centre.rate("green", `（测试）越权评级。${uniqueSuffix()}`);
  // Another province's centre is answered as if it did not exist.
  await expect(centre.formError).toHaveText(zh.errors.notFound);

  // Nothing was recorded on either.
  const national = await signedInPage(accounts.reviewer);
  const shenzhen = new FlagPage(national);
  await shenzhen.goto(shenzhenPair);
  await expect(shenzhen.noHistory).toBeVisible();
  const guangdongCentre = new CentrePage(national);
  await guangdongCentre.goto(szA.id);
  await expect(guangdongCentre.latestRating).toHaveText(zh.confidence.none);
});
