import { accounts, expect, field, openPeriod, registerCentre, signIn, test, today, uniqueSuffix, zh } from "./fixtures";
import { UpdatePage } from "./pages/update-page";

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

test("a milestone that needs evidence reaches 100% only after its evidence is uploaded", async ({ page, signedInPage, request }) => {
  test.setTimeout(90_000);
  const suffix = uniqueSuffix();
  const acceptance = `中心竣工验收 ${suffix}`;
  const planning = `完成可研批复 ${suffix}`;
  const fileName = `竣工验收报告-${suffix}.pdf`;
  const bytes = pdf(suffix);

  await signIn(page, accounts.staffZj);
  const centre = await registerCentre(page, {
    milestones: [
      { title: acceptance, evidenceRequired: true, plannedDate: "2026-10-31" },
      { title: planning, plannedDate: "2026-06-30" },
    ],
  });
  const update = new UpdatePage(page);
  await update.goto(centre.id, openPeriod);

  // Evidence hangs on a saved update.
  await expect(update.evidence).toContainText(zh.updates.saveBeforeEvidence);
  await expect(update.evidenceForm).toHaveCount(0);
  await update.fill({ narrative: `（测试）竣工验收资料整理中。${suffix}` });
  await update.saveDraft();
  await expect(update.done).toHaveText(zh.updates.done.saved);
  await expect(update.evidence).toContainText(zh.updates.noEvidence);

  // 1. 100% with a completion date, but no evidence yet: refused on that milestone, not on the one without the rule.
  await update.progress(acceptance).fill("100");
  await update.completionDate(acceptance).fill(today);
  await update.progress(planning).fill("100");
  await update.completionDate(planning).fill(today);
  await update.saveDraft();
  await expect(update.formError).toHaveText(zh.errors.invalidForm);
  await expect(update.progress(acceptance)).toHaveAttribute("aria-invalid", "true");
  await expect(update.progress(acceptance)).toHaveAccessibleDescription(zh.validation.evidenceRequiredAt100);
  await expect(update.progress(acceptance)).toHaveValue("100");
  await expect(update.completionDate(acceptance)).toHaveValue(today);
  await expect(update.progress(planning)).not.toHaveAttribute("aria-invalid", "true");
  await expect(update.completionDate(planning)).not.toHaveAttribute("aria-invalid", "true");

  // 2. Files that are not what they claim, or not an accepted type, are refused by their bytes.
  const refused = [
    { name: `伪装的报告-${suffix}.pdf`, mimeType: "application/pdf", buffer: Buffer.from("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>") },
    { name: `setup-${suffix}.exe`, mimeType: "application/x-msdownload", buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(126)]) },
  ];
  for (const file of refused) {
    await update.goto(centre.id, openPeriod); // a fresh form each time, so the error below is this file's
    await update.upload(file, acceptance);
    await expect(update.evidenceForm.getByRole("alert")).toHaveText(zh.errors.invalidForm);
    await expect(update.evidenceForm).toContainText(zh.errors.fileType);
    await expect(field(update.evidenceForm, zh.updates.evidenceFor).locator("option:checked")).toHaveText(acceptance); // the choice is kept
  }
  await update.goto(centre.id, openPeriod);
  await expect(update.evidence).toContainText(zh.updates.noEvidence);
  await expect(update.evidence.getByRole("link")).toHaveCount(0);

  // 3. A PDF for that milestone is accepted and listed.
  await update.upload({ name: fileName, mimeType: "application/pdf", buffer: bytes }, acceptance);
  await expect(update.done).toHaveText(zh.updates.done.uploaded);
  const item = update.evidence.getByRole("listitem").filter({ has: page.getByRole("link", { name: fileName, exact: true }) });
  await expect(item).toContainText(acceptance);
  await expect(item.getByRole("button", { name: zh.updates.deleteEvidenceNamed.replace("{name}", fileName) })).toBeVisible();
  const href = await item.getByRole("link", { name: fileName, exact: true }).getAttribute("href");
  expect(href).toMatch(/^\/api\/evidence\/[0-9a-f-]{36}$/);

  // 4. Now 100% is accepted.
  await update.progress(acceptance).fill("100");
  await update.completionDate(acceptance).fill(today);
  await update.saveDraft();
  await expect(update.done).toHaveText(zh.updates.done.saved);
  await update.goto(centre.id, openPeriod);
  await expect(update.progress(acceptance)).toHaveValue("100");
  await expect(update.completionDate(acceptance)).toHaveValue(today);

  // 5. The file downloads for Zhejiang staff, as an attachment that is never sniffed into something else.
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(download.headers()["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent(fileName)}`);
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(Buffer.compare(await download.body(), bytes)).toBe(0);

  // The national reviewer may read every province; Guangdong staff are answered as if the file did not exist; nobody anonymous.
  const national = await signedInPage(accounts.reviewer);
  const nationalDownload = await national.request.get(href!);
  expect(nationalDownload.status()).toBe(200);
  expect(nationalDownload.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(Buffer.compare(await nationalDownload.body(), bytes)).toBe(0);

  const guangdong = await signedInPage(accounts.staffGd);
  const refusedDownload = await guangdong.request.get(href!);
  expect(refusedDownload.status()).toBe(404);
  expect(await refusedDownload.text()).not.toContain(suffix);

  const anonymous = await request.get(href!);
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.text()).not.toContain(suffix);
});
