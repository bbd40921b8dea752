import type { Page } from "@playwright/test";
import { DEMO_CENTRES } from "../db/seed/demo-centres";
import { DEMO_PERIOD, demoValues } from "../db/seed/demo-updates";
import { formatNumber, formatYuan } from "../lib/domain/format";
import {
  accounts,
  demoCentre,
  en,
  expect,
  openPeriod,
  periodName,
  registerCentre,
  signIn,
  test,
  uniqueSuffix,
  zh,
} from "./fixtures";
import { UpdatePage } from "./pages/update-page";

const nav = (page: Page) => page.getByRole("navigation", { name: zh.nav.label });

/** The unread count in the navigation's "通知，N 条未读" label. */
async function unreadCount(page: Page): Promise<number> {
  const pattern = new RegExp(`^${zh.nav.notificationsCount.replace("{count}", "(\\d+)")}$`);
  const label = await nav(page).getByRole("link", { name: pattern }).getAttribute("aria-label");
  return Number(pattern.exec(label ?? "")?.[1]);
}

/** "{actor} 提交了 {centre} {period} 的报告" and the like. */
function notification(kind: keyof typeof zh.notifications.kinds, actor: string, centre: string, period: string): string {
  return zh.notifications.kinds[kind].replace("{actor}", actor).replace("{centre}", centre).replace("{period}", periodName(period));
}

test("a period's report goes from the form through return and correction to approval", async ({ page, signedInPage }) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  const feasibility = `完成可研批复 ${suffix}`;
  const platform = `数据平台上线 ${suffix}`;
  const narrative = `（测试）本季度完成可研批复前期工作，平台进入联调。${suffix}`;
  const returnReason = `（测试）投资完成额与凭证不一致，请核对。${suffix}`;
  const period = periodName(openPeriod);

  await signIn(page, accounts.staffZj);
  const centre = await registerCentre(page, { milestones: [{ title: feasibility, plannedDate: "2026-09-30" }, { title: platform, plannedDate: "2027-06-30" }] });
  const reviewer = await signedInPage(accounts.reviewerZj);
  const unreadBefore = await unreadCount(reviewer);

  // 1. From the reporting overview to this period's form.
  await page.goto("/reporting");
  const overviewRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: centre.name, exact: true }) });
  await overviewRow.getByRole("link", { name: `${period} · ${zh.standings.open}` }).click();
  await expect(page).toHaveURL(UpdatePage.path(centre.id, openPeriod));
  const update = new UpdatePage(page);
  await update.expectStatus(openPeriod, "none");
  await expect(update.progress(feasibility)).toHaveValue("0");

  // 2. More converted results than results produced: refused, the error beside that field, everything typed kept.
  await update.progress(feasibility).fill("50");
  await update.fill({
    investmentExecutedYuan: "30000000",
    computePflops: "120",
    computePrecision: "FP16",
    utilizationPercent: "64.5",
    patentsFiled: "12",
    patentsGranted: "3",
    resultsProduced: "5",
    convertedSelf: "4",
    convertedTransfer: "3",
    techContractValueYuan: "2400000",
    firmsIncubated: "2",
    talentIntroduced: "18",
    narrative,
  });
  await update.submit();
  await expect(update.formError).toHaveText(zh.errors.invalidForm);
  const results = update.value("resultsProduced");
  await expect(results).toHaveAttribute("aria-invalid", "true");
  await expect(results).toHaveAccessibleDescription(zh.validation.convertedExceedsProduced);
  await expect(results).toHaveValue("5");
  await expect(update.value("convertedSelf")).toHaveValue("4");
  await expect(update.value("convertedSelf")).not.toHaveAttribute("aria-invalid", "true");
  await expect(update.value("convertedTransfer")).toHaveValue("3");
  await expect(update.value("computePrecision")).toHaveValue("FP16");
  await expect(update.value("utilizationPercent")).toHaveValue("64.5");
  await expect(update.value("narrative")).toHaveValue(narrative);
  await expect(update.progress(feasibility)).toHaveValue("50");
  await expect(page).toHaveURL(UpdatePage.path(centre.id, openPeriod));
  await update.expectStatus(openPeriod, "none"); // nothing was stored

  // 3. Results fixed, but a utilization over 100%: refused on that field alone.
  await results.fill("10");
  await update.value("utilizationPercent").fill("120");
  await update.submit();
  const utilization = update.value("utilizationPercent");
  await expect(utilization).toHaveAttribute("aria-invalid", "true");
  await expect(utilization).toHaveAccessibleDescription(zh.validation.tooBig);
  await expect(utilization).toHaveValue("120");
  await expect(results).not.toHaveAttribute("aria-invalid", "true");
  await expect(results).toHaveValue("10");

  // 4. Valid: submitted for review.
  await utilization.fill("64.5");
  await update.submit();
  await expect(page).toHaveURL(`${UpdatePage.path(centre.id, openPeriod)}?done=submitted`);
  await expect(update.done).toHaveText(zh.updates.done.submitted);
  await update.expectStatus(openPeriod, "submitted");
  await expect(update.form).toHaveCount(0); // locked while in review
  const resultsRow = update.values.getByRole("row").filter({ has: page.getByRole("rowheader", { name: zh.updates.fields.resultsProduced, exact: true }) });
  await expect(resultsRow.getByRole("cell")).toHaveText(["—", "10"]);

  // Only approved progress counts on the centre page, and its reports list the period as in review.
  await page.goto(`/centres/${centre.id}`);
  const progressOf = (title: string) => page.getByRole("progressbar", { name: zh.milestones.progressOf.replace("{title}", title) });
  await expect(progressOf(feasibility)).toHaveAttribute("value", "0");
  const history = page.getByRole("region", { name: zh.updates.history });
  const historyRow = history.getByRole("row").filter({ has: page.getByRole("link", { name: period, exact: true }) });
  await expect(historyRow.getByRole("cell").nth(1)).toHaveText(zh.updateStatuses.submitted);

  // 5. The Zhejiang reviewer is notified and finds it in the queue, oldest first.
  await reviewer.goto("/reviews");
  expect(await unreadCount(reviewer)).toBeGreaterThan(unreadBefore);
  const queue = reviewer.getByRole("main").getByRole("table").locator("tbody tr");
  const rows = await queue.evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => td.textContent?.trim() ?? "")));
  await expect(reviewer.getByRole("main").locator("p.lead")).toHaveText(zh.reviews.intro.replace("{count}", String(rows.length)));
  const submittedAt = rows.map((r) => r[0]!);
  expect(submittedAt).toEqual([...submittedAt].sort());
  expect(rows.every((r) => r[1] === "浙江省")).toBe(true); // the provincial reviewer's scope only
  const ours = rows.findIndex((r) => r[2] === centre.name && r[3] === period);
  expect(ours).toBeGreaterThanOrEqual(0);
  // The seeded 2026-Q3 submissions waited longer, so they come first.
  for (const key of ["zj-sx-chip-1", "zj-wz-health-1"]) {
    const seeded = rows.findIndex((r) => r[2] === demoCentre(key).name && r[3] === periodName(DEMO_PERIOD));
    expect(seeded).toBeGreaterThanOrEqual(0);
    expect(seeded).toBeLessThan(ours);
  }
  expect(rows.some((r) => r[2] === demoCentre("gd-sz-llm-2").name)).toBe(false);

  await reviewer.goto("/notifications");
  const submittedNotice = reviewer.getByRole("listitem").filter({
    has: reviewer.getByRole("link", { name: notification("submitted", accounts.staffZj.name, centre.name, openPeriod) }),
  });
  await expect(submittedNotice).toHaveClass("unread");

  // 6. The reviewer opens it from the queue and returns it; a return needs a reason.
  await reviewer.goto("/reviews");
  await queue.filter({ hasText: centre.name }).getByRole("link", { name: period }).click();
  await expect(reviewer).toHaveURL(UpdatePage.path(centre.id, openPeriod));
  const review = new UpdatePage(reviewer);
  await review.expectStatus(openPeriod, "submitted");
  const progressRow = review.values.getByRole("row").filter({ has: reviewer.getByRole("rowheader", { name: feasibility, exact: true }) });
  await expect(progressRow.getByRole("cell")).toHaveText(["0%", "50%"]);

  await review.reviewForm.getByRole("button", { name: zh.updates.return }).click();
  await expect(review.reason).toHaveAttribute("aria-invalid", "true");
  await expect(review.reason).toHaveAccessibleDescription(new RegExp(zh.errors.reasonRequired));
  await review.expectStatus(openPeriod, "submitted");

  await review.returnWith(returnReason);
  await expect(reviewer).toHaveURL(`${UpdatePage.path(centre.id, openPeriod)}?done=return`);
  await expect(review.done).toHaveText(zh.updates.done.return);
  await review.expectStatus(openPeriod, "returned");
  await expect(review.review).toHaveCount(0);

  // 7. Staff see the reason on the update, in "需要您处理" and in their notifications.
  await update.goto(centre.id, openPeriod);
  await update.expectStatus(openPeriod, "returned");
  await expect(update.returnNote).toHaveText(`${zh.updates.returnedBecause} ${returnReason}`);
  await expect(page.getByRole("main").locator("dl.stamps")).toContainText(`${zh.updates.returnedAt}`);
  await expect(page.getByRole("main").locator("dl.stamps")).toContainText(`· ${accounts.reviewerZj.name}`);

  await page.goto("/reporting");
  const needsYou = page.getByRole("region", { name: zh.reporting.needsYou });
  const needsYouItem = needsYou.getByRole("listitem").filter({ has: page.getByRole("link", { name: `${centre.name} · ${period}`, exact: true }) });
  await expect(needsYouItem).toContainText(`${zh.updateStatuses.returned}: ${returnReason}`);

  await nav(page).getByRole("link", { name: new RegExp(`^${zh.nav.notifications}`) }).click();
  await expect(page).toHaveURL("/notifications");
  const returnedNotice = page.getByRole("listitem").filter({
    has: page.getByRole("link", { name: notification("returned", accounts.reviewerZj.name, centre.name, openPeriod) }),
  });
  await expect(returnedNotice).toContainText(returnReason);
  await expect(returnedNotice).toHaveClass("unread");

  // 8. Staff correct it from "需要您处理" and submit again; the platform moves on as well.
  await page.goto("/reporting");
  await needsYouItem.getByRole("link").click();
  await expect(page).toHaveURL(UpdatePage.path(centre.id, openPeriod));
  await expect(results).toHaveValue("10"); // the stored figures come back
  await expect(update.progress(feasibility)).toHaveValue("50");
  await update.value("investmentExecutedYuan").fill("32000000");
  await update.progress(platform).fill("30");
  await update.submit();
  await expect(update.done).toHaveText(zh.updates.done.submitted);
  await update.expectStatus(openPeriod, "submitted");
  await expect(update.returnNote).toHaveCount(0);

  // 9. The reviewer approves.
  await review.goto(centre.id, openPeriod);
  await review.expectStatus(openPeriod, "submitted");
  await review.approve();
  await expect(reviewer).toHaveURL(`${UpdatePage.path(centre.id, openPeriod)}?done=approve`);
  await expect(review.done).toHaveText(zh.updates.done.approve);
  await review.expectStatus(openPeriod, "approved");
  await expect(review.approvedStamp).toHaveText(UpdatePage.stamp(accounts.reviewerZj.name));
  await expect(review.review).toHaveCount(0);
  await expect(review.reopen).toBeVisible();

  // 10. Staff see it approved, with the stamp, and the centre page now counts the approved progress.
  await update.goto(centre.id, openPeriod);
  await update.expectStatus(openPeriod, "approved");
  await expect(update.approvedStamp).toHaveText(UpdatePage.stamp(accounts.reviewerZj.name));
  await expect(update.form).toHaveCount(0);

  await page.goto(`/centres/${centre.id}`);
  await expect(progressOf(feasibility)).toHaveAttribute("value", "50");
  await expect(progressOf(platform)).toHaveAttribute("value", "30");
  await expect(page.getByRole("region", { name: zh.milestones.title }).getByRole("row").filter({ hasText: feasibility })).toContainText("50%");
  await expect(historyRow.getByRole("cell").nth(1)).toHaveText(zh.updateStatuses.approved);
});

test("a draft saved by someone else meanwhile is not overwritten", async ({ page, signedInPage, createUser }) => {
  const suffix = uniqueSuffix();
  await signIn(page, accounts.staffZj);
  const centre = await registerCentre(page, { milestones: [{ title: `完成可研批复 ${suffix}` }] });
  const colleague = await createUser({ role: "staff", provinceCode: "330000" });

  // A draft both will open.
  const first = new UpdatePage(page);
  await first.goto(centre.id, openPeriod);
  await first.fill({ resultsProduced: "10", narrative: `初稿 ${suffix}` });
  await first.saveDraft();
  await expect(first.done).toHaveText(zh.updates.done.saved);
  await first.expectStatus(openPeriod, "draft");

  await first.goto(centre.id, openPeriod);
  const secondPage = await signedInPage(colleague);
  const second = new UpdatePage(secondPage);
  await second.goto(centre.id, openPeriod);
  await expect(second.value("resultsProduced")).toHaveValue("10");

  // The first saves…
  const firstNarrative = `甲的修改 ${suffix}`;
  await first.fill({ resultsProduced: "37", narrative: firstNarrative });
  await first.saveDraft();
  await expect(first.done).toHaveText(zh.updates.done.saved);

  // …then the second, from the form opened before: refused, with what was saved meanwhile.
  await second.fill({ resultsProduced: "52", narrative: `乙的修改 ${suffix}` });
  await second.saveDraft();
  await expect(second.formError).toHaveText(zh.errors.conflict);
  await expect(second.currentValue("resultsProduced")).toHaveText(zh.updates.currentValue.replace("{value}", "37"));
  await expect(second.form.getByText(zh.updates.currentValue.replace("{value}", firstNarrative), { exact: true })).toBeVisible();
  await expect(second.value("resultsProduced")).toHaveValue("52"); // what the second typed is still there to copy
  await expect(second.done).toHaveCount(0);

  // Nothing of the second save was stored.
  await second.goto(centre.id, openPeriod);
  await expect(second.value("resultsProduced")).toHaveValue("37");
  await expect(second.value("narrative")).toHaveValue(firstNarrative);
  await second.expectStatus(openPeriod, "draft");
});

test("the form shows the last approved figures and refuses lower ones without a correction reason", async ({ page }) => {
  // A demo centre approved in 2026-Q3. Every save here is refused, so the test stores nothing and can repeat.
  const key = "zj-huz-compute-1";
  const centre = demoCentre(key);
  const approved = demoValues(DEMO_CENTRES.find((c) => c.key === key)!);
  const approvedResults = approved.resultsProduced!;

  await signIn(page, accounts.staffZj);
  const update = new UpdatePage(page);
  await update.goto(centre.id, openPeriod);
  await update.expectStatus(openPeriod, "none");
  const results = update.value("resultsProduced");
  await expect(results).toHaveAccessibleDescription(zh.updates.lastApproved.replace("{value}", formatNumber(approvedResults, "zh")));
  await expect(update.value("investmentExecutedYuan")).toHaveAccessibleDescription(
    zh.updates.lastApproved.replace("{value}", formatYuan(approved.investmentExecutedYuan!, "zh")),
  );

  // One result fewer than approved, and twice the budget spent without a narrative.
  await results.fill(String(approvedResults - 1));
  await update.value("investmentExecutedYuan").fill(String(centre.plannedBudgetYuan * 2));
  await update.saveDraft();
  await expect(update.formError).toHaveText(zh.errors.invalidForm);
  await expect(results).toHaveAttribute("aria-invalid", "true");
  await expect(results).toHaveAccessibleDescription(new RegExp(zh.validation.decreasedNeedsReason));
  await expect(update.value("narrative")).toHaveAttribute("aria-invalid", "true");
  await expect(update.value("narrative")).toHaveAccessibleDescription(new RegExp(zh.validation.narrativeRequiredDeviation));

  // A correction reason explains the lower figure; the narrative is still missing.
  await update.value("correctionReason").fill("（测试）上季度重复统计一项成果，予以更正。");
  await update.saveDraft();
  await expect(results).not.toHaveAttribute("aria-invalid", "true");
  await expect(results).toHaveValue(String(approvedResults - 1));
  await expect(update.value("narrative")).toHaveAttribute("aria-invalid", "true");
  await expect(update.formError).toHaveText(zh.errors.invalidForm);

  await update.goto(centre.id, openPeriod);
  await update.expectStatus(openPeriod, "none");
  await expect(results).toHaveValue("");
});

test.describe("only reviewers review", () => {
  const chip = demoCentre("zj-sx-chip-1"); // submitted in the demo's 2026-Q3 round
  const path = UpdatePage.path(chip.id, DEMO_PERIOD);

  test("staff get no review panel on a submitted update", async ({ page }) => {
    await signIn(page, accounts.staffZj);
    const update = new UpdatePage(page);
    await update.goto(chip.id, DEMO_PERIOD);
    await update.expectStatus(DEMO_PERIOD, "submitted");
    await expect(update.values).toBeVisible();
    await expect(update.review).toHaveCount(0);
    await expect(page.getByRole("button", { name: zh.updates.approve })).toHaveCount(0);
    await expect(page.getByRole("button", { name: zh.updates.return })).toHaveCount(0);
    await expect(update.form).toHaveCount(0); // and no editing while it is in review
    await expect(update.evidenceForm).toHaveCount(0);
  });

  test("the review action refuses staff who post the reviewer's form", async ({ page, signedInPage, baseURL }) => {
    // The reviewer's page: the review form, with the action's hidden fields as Next renders them.
    const reviewer = await signedInPage(accounts.reviewerZj);
    const asReviewer = new UpdatePage(reviewer);
    await asReviewer.goto(chip.id, DEMO_PERIOD);
    await asReviewer.expectStatus(DEMO_PERIOD, "submitted");
    const formHtml = await asReviewer.reviewForm.evaluate((form) => form.outerHTML);
    const version = await asReviewer.reviewForm.locator('input[name="version"]').inputValue();

    // 1. Staff paste that form into their own page (as in the browser's developer tools) and press 核定通过.
    //    Next 16 renders a server action's form with its action reference in hidden `$ACTION_…` fields, so this
    //    posts to the same action as the reviewer's button would, without JavaScript.
    await signIn(page, accounts.staffZj);
    const asStaff = new UpdatePage(page);
    await asStaff.goto(chip.id, DEMO_PERIOD);
    await page.evaluate((html) => {
      const container = document.createElement("div");
      container.id = "pasted-review-form";
      container.innerHTML = html;
      document.body.append(container);
    }, formHtml);
    const pasted = page.locator("#pasted-review-form");
    const posted = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === path);
    await pasted.getByRole("button", { name: zh.updates.approve }).click();
    expect((await posted).status()).toBe(200); // the page again, not the redirect that follows an approval
    await expect(page).toHaveURL(path);
    await asStaff.expectStatus(DEMO_PERIOD, "submitted");
    await expect(asStaff.done).toHaveCount(0);

    // 2. The same action called the way the client calls it (a fetch with the `Next-Action` header and React's
    //    encoding of [previous state, form data], whose fields are prefixed `_1_`). Its answer is the form state:
    //    refused as forbidden for the staff role.
    const reference = JSON.parse(await asReviewer.reviewForm.locator('input[name^="$ACTION_"][name$=":0"]').inputValue()) as { id: string };
    const updateId = await asReviewer.reviewForm.locator('input[name="id"]').inputValue();
    const response = await page.request.post(path, {
      headers: { "Next-Action": reference.id, Accept: "text/x-component", Origin: baseURL! },
      multipart: {
        _1_id: updateId,
        _1_version: version,
        _1_reason: "",
        _1_decision: "approve",
        "0": JSON.stringify([{ status: "idle" }, "$K1"]),
      },
    });
    expect(response.status()).toBe(200);
    const answer = await response.text();
    expect(answer).toContain(JSON.stringify({ status: "error", message: zh.errors.forbidden }).slice(1, -1));

    // Still waiting for review, at the same version, as the reviewer sees it.
    await asReviewer.goto(chip.id, DEMO_PERIOD);
    await asReviewer.expectStatus(DEMO_PERIOD, "submitted");
    await expect(asReviewer.approvedStamp).toHaveCount(0);
    await expect(asReviewer.reviewForm.locator('input[name="version"]')).toHaveValue(version);
  });
});

test.describe("the reporting overview", () => {
  const zhejiang = DEMO_CENTRES.filter((c) => c.provinceCode === "330000");
  const guangdong = DEMO_CENTRES.filter((c) => c.provinceCode === "440000");
  const chip = (page: Page, centreName: string, period: string, standing: keyof typeof zh.standings) =>
    page
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: centreName, exact: true }) })
      .getByRole("link", { name: `${periodName(period)} · ${zh.standings[standing]}`, exact: true });

  test("Zhejiang staff see Zhejiang's centres and where each period stands", async ({ page }) => {
    await signIn(page, accounts.staffZj);
    await nav(page).getByRole("link", { name: zh.nav.reporting }).click();
    await expect(page).toHaveURL("/reporting");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.reporting.title);

    const table = page.getByRole("main").getByRole("table");
    for (const centre of zhejiang) await expect(table.getByRole("link", { name: centre.name, exact: true })).toBeVisible();
    for (const centre of guangdong) await expect(table.getByText(centre.name)).toHaveCount(0);

    await expect(chip(page, demoCentre("zj-nb-mfg-1").name, DEMO_PERIOD, "done")).toBeVisible();
    await expect(chip(page, demoCentre("zj-hz-llm-1").name, DEMO_PERIOD, "done")).toBeVisible();
    await expect(chip(page, demoCentre("zj-sx-chip-1").name, DEMO_PERIOD, "submitted")).toBeVisible();
    await expect(chip(page, demoCentre("zj-sx-chip-1").name, openPeriod, "open")).toBeVisible();

    // Each chip opens that period's update.
    await chip(page, demoCentre("zj-sx-chip-1").name, DEMO_PERIOD, "submitted").click();
    await expect(page).toHaveURL(UpdatePage.path(demoCentre("zj-sx-chip-1").id, DEMO_PERIOD));
    await new UpdatePage(page).expectStatus(DEMO_PERIOD, "submitted");
  });

  test("Guangdong staff see only Guangdong's centres", async ({ page }) => {
    await signIn(page, accounts.staffGd);
    await page.goto("/reporting");
    const table = page.getByRole("main").getByRole("table");
    for (const centre of guangdong) await expect(table.getByRole("link", { name: centre.name, exact: true })).toBeVisible();
    for (const centre of zhejiang) await expect(table.getByText(centre.name)).toHaveCount(0);
    await expect(table.locator("tbody tr")).toHaveCount(guangdong.length);
    await expect(chip(page, demoCentre("gd-sz-llm-2").name, DEMO_PERIOD, "submitted")).toBeVisible();
  });
});

test("in English, an approved update shows its status and the field names in English", async ({ page, createUser }) => {
  // A fresh account: switching language while signed in is saved as the account's setting.
  const user = await createUser({ role: "staff", provinceCode: "330000" });
  const centre = demoCentre("zj-hz-llm-1"); // approved in the demo's 2026-Q3 round
  await signIn(page, user);
  await page.getByRole("button", { name: "English", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  const update = new UpdatePage(page, en);
  await update.goto(centre.id, DEMO_PERIOD);
  await update.expectStatus(DEMO_PERIOD, "approved");
  await expect(update.approvedStamp).toHaveText(UpdatePage.stamp(accounts.reviewer.name)); // the national reviewer approved the demo round
  await expect(page.getByRole("main").locator("dl.stamps dt")).toHaveText([en.updates.submittedAt, en.updates.approvedAt]);
  await expect(update.values.getByRole("columnheader")).toHaveText([en.updates.item, en.updates.previousColumn, en.updates.thisColumn]);
  for (const name of ["investmentExecutedYuan", "computePflops", "resultsProduced", "convertedSelf", "techContractValueYuan", "talentIntroduced"] as const) {
    await expect(update.values.getByRole("rowheader", { name: en.updates.fields[name], exact: true })).toBeVisible();
  }
  await expect(update.evidence.getByRole("heading")).toHaveText(en.updates.evidence);
  await expect(update.form).toHaveCount(0);
});
