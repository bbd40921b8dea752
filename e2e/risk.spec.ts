import type { Locator, Page } from "@playwright/test";
import { accounts, demoCentre, en, expect, messagePattern, signIn, test, zh } from "./fixtures";
import { CentrePage } from "./pages/centre-page";
import { duplicateFlagKey, FlagPage } from "./pages/flag-page";
import { LoginPage } from "./pages/login-page";

// Read-only journeys over the demo data. Other tests add centres and flags as they run, so counts are
// never asserted here, only figures of demo records no test changes (Beijing has no test centres).

const hzA = demoCentre("zj-hz-llm-1");
const hzB = demoCentre("zj-hz-llm-2");
const ai4s = demoCentre("bj-hd-ai4s-lab");
const szA = demoCentre("gd-sz-llm-1");
const szB = demoCentre("gd-sz-llm-2");
/** The seeded Hangzhou pair: same city and lead, tags {大模型, 智能制造} and {大模型, 智能制造, 数据要素} → 2/3. */
const hangzhouPair = duplicateFlagKey(hzA.id, hzB.id);
const hangzhouPairZh =
  "两家中心位于同一地级市杭州市（330100），关注领域 Jaccard 重合度 0.67（共同 2 项：大模型、智能制造；合计 3 项），达到 0.5 的阈值，且牵头单位相同（之江智算研究院（示例））。";
/** The seeded Shenzhen pair, in Guangdong: out of Zhejiang's reach. */
const shenzhenPair = duplicateFlagKey(szA.id, szB.id);

/** A pair's names as its flag lists them: in the order of the centres' ids. */
const pairNames = (...centres: { id: string; name: string }[]) => [...centres].sort((a, b) => (a.id < b.id ? -1 : 1)).map((c) => c.name).join(" / ");

/** A flag table's rows with this rule, linking to each of these subjects. */
function flagRow(page: Page, scope: Locator, code: keyof typeof zh.risk.codes, subjects: string[]): Locator {
  let rows = scope.getByRole("row").filter({ has: page.getByRole("link", { name: zh.risk.codes[code], exact: true }) });
  for (const subject of subjects) rows = rows.filter({ has: page.getByRole("link", { name: subject, exact: true }) });
  return rows;
}

const cells = (row: Locator) => row.getByRole("cell");

test("a national reviewer lands on the overview and follows a province to its targets and flags", async ({ page }) => {
  await signIn(page, accounts.reviewer);
  await expect(page).toHaveURL("/overview");
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1 })).toHaveText(zh.overview.title);

  // The national roll-up: a mean completion over every centre, the demo ones at least.
  const rollUp = main.getByTestId("roll-up");
  await expect(rollUp.getByTestId("mean-completion")).toHaveText(/^\d{1,3}(\.\d)?%$/);
  const counted = messagePattern(zh.progress.centresCounted);
  await expect(rollUp.getByText(counted)).toBeVisible();
  const centres = Number(counted.exec((await rollUp.getByText(counted).textContent()) ?? "")?.[1]);
  expect(centres).toBeGreaterThanOrEqual(32);

  // Each province's figures. Beijing's mean is over its five demo centres' weighted milestone progress:
  // (90.25 + 100 + 55.28 + 66.67 + 20) / 5 = 66.4.
  const provinces = main.getByTestId("province-roll-up");
  const beijing = provinces.getByRole("row").filter({ has: page.getByRole("link", { name: "北京市", exact: true }) });
  // Centres by status (one line each) add up to its five centres.
  const byStatus = (await cells(beijing).nth(0).textContent()) ?? "";
  expect([...byStatus.matchAll(/\d+/g)].reduce((sum, m) => sum + Number(m[0]), 0)).toBe(5);
  await expect(cells(beijing).nth(1)).toHaveText("66.4%");
  // Its open flags by severity, each count a link to the list (counts vary: a threshold test may run alongside).
  await expect(beijing.locator('a[href="/flags?province=110000&severity=red"]')).toHaveText(/^\d+$/);
  await expect(beijing.locator('a[href="/flags?province=110000&severity=amber"]')).toHaveText(/^\d+$/);

  // The open flags, most severe first.
  const top = main.getByRole("region", { name: messagePattern(zh.overview.topFlags) });
  await expect(top.getByRole("row").nth(1).getByRole("cell").first()).toHaveText(zh.risk.severity.red);
  await expect(top.getByRole("link", { name: zh.risk.allFlags })).toHaveAttribute("href", "/flags");

  // Through to Zhejiang: its flags with their explanations, and its targets' progress.
  await provinces.getByRole("link", { name: "浙江省", exact: true }).click();
  await expect(page).toHaveURL("/provinces/330000");
  await expect(main.getByRole("heading", { level: 1 })).toHaveText("浙江省 330000");
  const flags = main.getByRole("region", { name: zh.risk.title, exact: true });
  const pair = flagRow(page, flags, "duplicate_construction", [hzA.name, hzB.name]);
  await expect(pair).toHaveCount(1);
  await expect(cells(pair)).toHaveText([zh.risk.severity.red, zh.risk.codes.duplicate_construction, pairNames(hzA, hzB), hangzhouPairZh, zh.risk.states.open]);

  const targets = main.getByRole("region", { name: zh.province.targets, exact: true });
  const centreCount = targets.getByTestId("target-row").filter({ hasText: "到2027年人工智能创新中心数量达到10个" });
  await expect(centreCount).toContainText(zh.targetMeasures.centres_operational);
  await expect(cells(centreCount).nth(2)).toContainText("0 个");
  await expect(cells(centreCount).nth(4)).toContainText(zh.targetStandings.at_risk);
  await expect(cells(centreCount).nth(5).getByRole("link")).toContainText(`${zh.risk.severity.red} 进度指数 0（实际值/截至今日计划值），低于 0.75 的红色阈值。`);
  // A target without a measure still shows its plan, but no actual.
  const firms = targets.getByTestId("target-row").filter({ hasText: "到2027年人工智能企业数量达到3000家" });
  await expect(cells(firms).nth(2)).toHaveText(zh.progress.unmeasured.no_measure);
  await expect(cells(firms).nth(4)).toContainText(zh.targetStandings.unmeasured);

  // Centres with their completion and computed level: 2×100 + 5×100 + 4×100 + 3×60 + 2×70 + 4×0 over 20 = 71.
  const centreRow = main.getByRole("region", { name: zh.province.centres, exact: true }).getByRole("row").filter({ has: page.getByRole("link", { name: hzA.name, exact: true }) });
  // Columns: name, city, focus, budget, status, completion (with the planned share under it), schedule index, latest update, level.
  await expect(cells(centreRow).nth(5)).toHaveText(/^71%/);
  await expect(cells(centreRow).nth(8)).toHaveText(new RegExp(`^${zh.risk.level.red}`));

  // Beijing: many results, few converted. 6 of 180 is 3.3%; the Wilson upper bound 7.1% is still below 20%.
  await page.goto("/overview");
  await provinces.getByRole("link", { name: "北京市", exact: true }).click();
  await expect(page).toHaveURL("/provinces/110000");
  const lowConversion = flagRow(page, main.getByRole("region", { name: zh.risk.title, exact: true }), "low_conversion", [ai4s.name]);
  await expect(cells(lowConversion).nth(0)).toHaveText(zh.risk.severity.red);
  await expect(cells(lowConversion).nth(3)).toHaveText("转化率 3.3%（6/180），低于 20% 的阈值，95% 置信上限 7.1% 仍低于阈值。");
  await expect(main.getByRole("region", { name: zh.province.targets, exact: true }).getByTestId("target-row")).toHaveCount(4);

  // The flag's own page: the figures behind the explanation, and a review form for this reviewer.
  await lowConversion.getByRole("link", { name: zh.risk.codes.low_conversion }).click();
  const flag = new FlagPage(page);
  await expect(flag.heading).toContainText(zh.risk.codes.low_conversion);
  const figure = (name: string) => flag.figures.locator(".figure").filter({ has: page.locator("code", { hasText: new RegExp(`^${name}$`) }) }).locator("dd");
  await expect(figure("converted")).toHaveText("6");
  await expect(figure("produced")).toHaveText("180");
  await expect(figure("threshold")).toHaveText("0.2");
  // Only duplicate flags take the duplicate outcomes (justified, merge planned, confirmed).
  await expect(flag.actions).toHaveText(flag.actionLabels(["acknowledged", "dismissed"]));
  await expect(flag.noHistory).toBeVisible();
});

test.describe("Zhejiang staff", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, accounts.staffZj);
  });

  test("start on their province, see its flags and a centre's standing, and cannot review or rate", async ({ page }) => {
    await expect(page).toHaveURL("/provinces/330000");
    await page.goto("/overview");
    await expect(page).toHaveURL("/provinces/330000");

    const main = page.getByRole("main");
    const pair = flagRow(page, main.getByRole("region", { name: zh.risk.title, exact: true }), "duplicate_construction", [hzA.name, hzB.name]);
    await expect(cells(pair).nth(3)).toHaveText(hangzhouPairZh);

    // Their flag list holds Zhejiang's flags only, with no province filter to choose another.
    await page.goto("/flags");
    await expect(flagRow(page, main, "duplicate_construction", [hzA.name, hzB.name])).toHaveCount(1);
    await expect(main.getByRole("link", { name: szA.name })).toHaveCount(0);
    await expect(main.getByLabel(zh.risk.province, { exact: true })).toHaveCount(0);

    // The centre: completion and computed level, but neither the rating form nor a flag review form.
    const centre = new CentrePage(page);
    await centre.goto(hzA.id);
    await expect(centre.completion).toHaveText("71%");
    await expect(centre.computedLevel).toHaveText(zh.risk.level.red);
    // Other tests' Hangzhou centres may overlap with it too: the seeded pair's flag is the one with its sibling.
    await expect(centre.flag("duplicate_construction", [hzB.name])).toHaveCount(1);
    await expect(centre.confidence.getByRole("heading", { name: zh.confidence.title })).toBeVisible();
    await expect(centre.ratingForm).toHaveCount(0);

    const flag = new FlagPage(page);
    await flag.goto(hangzhouPair);
    await expect(flag.row.getByRole("cell").nth(3)).toHaveText(hangzhouPairZh);
    await expect(flag.comparison).toBeVisible();
    await expect(flag.reviewForm).toHaveCount(0);
    await expect(main.getByRole("heading", { name: zh.risk.review.title, exact: true })).toHaveCount(0);
  });

  const refused = [
    { what: "Guangdong's flag list", path: "/flags?province=440000" },
    { what: "a Guangdong flag", path: FlagPage.path(shenzhenPair) },
  ];
  for (const { what, path } of refused) {
    test(`find ${what} not found`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: zh.errors.notFoundTitle })).toBeVisible();
      await expect(page.getByText(szA.name)).toHaveCount(0);
    });
  }
});

test("the Zhejiang reviewer cannot open a Guangdong flag; a national one may review it", async ({ page, signedInPage }) => {
  await signIn(page, accounts.reviewerZj);
  const response = await page.goto(FlagPage.path(shenzhenPair));
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: zh.errors.notFoundTitle })).toBeVisible();

  const national = new FlagPage(await signedInPage(accounts.reviewer));
  await national.goto(shenzhenPair);
  await expect(national.comparison).toContainText(szA.name);
  await expect(national.comparison).toContainText(szB.name);
  await expect(national.reviewForm).toBeVisible();

  // An administrator reads every flag but does not review them.
  const admin = new FlagPage(await signedInPage(accounts.admin));
  await admin.goto(shenzhenPair);
  await expect(admin.comparison).toBeVisible();
  await expect(admin.reviewForm).toHaveCount(0);
});

test("a flag page in English explains in English, with the Chinese explanation below", async ({ page }) => {
  // The language is chosen before signing in, so it is a cookie of this browser, not the account's setting.
  const login = new LoginPage(page);
  await login.goto();
  await page.getByRole("button", { name: "English", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await login.fillAndSubmit(accounts.reviewer.email, accounts.reviewer.password);
  await expect(page).toHaveURL("/overview");
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText(en.overview.title);

  const flag = new FlagPage(page, en);
  await flag.goto(hangzhouPair);
  await expect(flag.heading).toContainText(en.risk.codes.duplicate_construction);
  await expect(flag.state()).toHaveText(en.risk.states.open);
  await expect(flag.row.getByRole("cell").nth(3)).toHaveText(
    "Both centres are in the same prefecture-level city, 杭州市 (330100), and their focus tags overlap with Jaccard 0.67 (2 shared: large models, smart manufacturing; 3 in all), at or above the 0.5 threshold, and they share the lead institution (之江智算研究院（示例）).",
  );
  await expect(flag.otherLanguage).toHaveText(hangzhouPairZh);
  await expect(flag.otherLanguage).toHaveAttribute("lang", "zh-CN");
  await expect(flag.comparison.getByRole("columnheader")).toHaveText([en.risk.compare.field, en.risk.compare.centreA, en.risk.compare.centreB]);
  await expect(flag.reviewForm.getByRole("radio", { name: en.risk.review.actions.justified })).toBeVisible();
});
