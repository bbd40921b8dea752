import { zipSync } from "fflate";
import type { Page } from "@playwright/test";
import { expect, test, signIn, zh } from "./fixtures";
import type { CorpusTargets } from "./bad-input/cases";
import { corpusState, createActors, createTargets, type Actors } from "./bad-input/corpus";
import { UpdatePage } from "./pages/update-page";

// Upload spoofing (issue 8): evidence and import files are judged by their bytes, not their names;
// a refused file writes nothing; an accepted one downloads as an attachment that is never sniffed, and
// only to readers of its province.

let setup: Promise<{ actors: Actors; targets: CorpusTargets }> | undefined;

const MB = 1024 * 1024;
const pdf = (text = "corpus") => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(126)]);
const html = Buffer.from("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
const zip = (files: Record<string, string>) => Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)]))));
const gif = Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1");

const REFUSED_EVIDENCE: { name: string; file: { name: string; mimeType: string; buffer: Buffer }; message: string }[] = [
  { name: "a Windows program named .pdf", file: { name: "验收报告.pdf", mimeType: "application/pdf", buffer: exe }, message: zh.errors.fileType },
  { name: "an HTML page with a script named .pdf", file: { name: "报告.pdf", mimeType: "application/pdf", buffer: html }, message: zh.errors.fileType },
  { name: "an SVG with a script named .pdf", file: { name: "图.pdf", mimeType: "application/pdf", buffer: svg }, message: zh.errors.fileType },
  { name: "an SVG named .png", file: { name: "图.png", mimeType: "image/png", buffer: svg }, message: zh.errors.fileType },
  { name: "a GIF named .png", file: { name: "动图.png", mimeType: "image/png", buffer: gif }, message: zh.errors.fileType },
  { name: "a plain ZIP named .docx", file: { name: "材料.docx", mimeType: "application/zip", buffer: zip({ "payload.exe": "MZ" }) }, message: zh.errors.fileType },
  { name: "an Office package named .pdf", file: { name: "材料.pdf", mimeType: "application/pdf", buffer: zip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>" }) }, message: zh.errors.fileType },
  { name: "a legacy Office file named .exe", file: { name: "setup.exe", mimeType: "application/octet-stream", buffer: ole }, message: zh.errors.fileType },
  { name: "a PDF header in lower case", file: { name: "假.pdf", mimeType: "application/pdf", buffer: Buffer.from("%pdf-1.4\n<script>alert(1)</script>") }, message: zh.errors.fileType },
  { name: "an empty file", file: { name: "空.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0) }, message: zh.validation.fileRequired },
  { name: "a PDF one byte over 20 MB", file: { name: "大.pdf", mimeType: "application/pdf", buffer: Buffer.concat([pdf(), Buffer.alloc(20 * MB + 1 - pdf().length, 0x20)]) }, message: zh.errors.fileTooLarge },
];

async function ready(request: Parameters<typeof createTargets>[0]) {
  setup ??= (async () => {
    const actors = createActors();
    return { actors, targets: await createTargets(request, actors) };
  })();
  return setup;
}

async function signedIn(page: Page, actors: Actors, who: keyof Actors) {
  await signIn(page, actors[who]);
  return page;
}

test(`evidence that lies about its type, is empty or too large is refused and nothing is written (${REFUSED_EVIDENCE.length} cases)`, async ({ page, request }) => {
  test.setTimeout(180_000);
  const { actors, targets } = await ready(request);
  await signedIn(page, actors, "staff");
  const update = new UpdatePage(page);
  for (const c of REFUSED_EVIDENCE) {
    const before = corpusState(actors, targets);
    await update.goto(targets.centreId, targets.period);
    await update.upload(c.file);
    await expect.soft(update.evidenceForm, c.name).toContainText(c.message);
    await expect.soft(page.getByRole("heading", { name: zh.errors.unexpectedTitle }), `${c.name}: no error page`).toHaveCount(0);
    expect.soft(corpusState(actors, targets), `${c.name}: nothing written`).toEqual(before);
  }
});

test("an accepted file keeps a clean name with its real extension, downloads as an attachment never sniffed, and only in its province", async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  const { actors, targets } = await ready(request);
  await signedIn(page, actors, "staff");
  const update = new UpdatePage(page);
  const uploaded = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
    await update.goto(targets.centreId, targets.period);
    await update.upload(file);
    await expect(update.done).toHaveText(zh.updates.done.uploaded);
  };
  // The bytes decide the type; the name keeps what the person called it, plus the real extension.
  await uploaded({ name: "证明.pdf", mimeType: "application/pdf", buffer: png });
  await expect(update.evidence.getByRole("link", { name: "证明.pdf.png", exact: true })).toBeVisible();
  // Path, right-to-left override and zero-width characters are stripped from the name.
  await uploaded({ name: "报告\u202Efdp.exe", mimeType: "application/pdf", buffer: pdf("rtl") });
  await expect(update.evidence.getByRole("link", { name: "报告fdp.exe.pdf", exact: true })).toBeVisible();
  // Over the proxy's default 10 MB body buffer and under the 20 MB limit: accepted (it was an error page).
  await uploaded({ name: "扫描件.pdf", mimeType: "application/pdf", buffer: Buffer.concat([pdf("large"), Buffer.alloc(12 * MB, 0x20)]) });
  await expect(update.evidence.getByRole("link", { name: "扫描件.pdf", exact: true })).toBeVisible();
  // A PDF that is also an HTML page is a PDF: served as one, as an attachment, never sniffed.
  const polyglot = Buffer.concat([pdf("polyglot"), html]);
  await uploaded({ name: "polyglot.html", mimeType: "text/html", buffer: polyglot });
  const link = update.evidence.getByRole("link", { name: "polyglot.html.pdf", exact: true });
  const href = (await link.getAttribute("href"))!;
  expect(href).toMatch(/^\/api\/evidence\/[0-9a-f-]{36}$/);

  const download = await page.request.get(href);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; /);
  expect(download.headers()["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent("polyglot.html.pdf")}`);
  expect(Buffer.from(await download.body()).equals(polyglot)).toBe(true);

  // Another province's staff: answered as if the file did not exist; nobody signed in: 401; an id that is not one: 404.
  const other = await signedIn(await (await browser.newContext()).newPage(), actors, "staffGd");
  expect((await other.request.get(href)).status()).toBe(404);
  expect((await request.get(href)).status()).toBe(401);
  expect((await page.request.get("/api/evidence/..%2F..%2Fetc%2Fpasswd")).status()).toBe(404);
  expect((await page.request.get("/api/evidence/00000000-0000-4000-8000-000000000000")).status()).toBe(404);
  await other.context().close();
});

// Import: the file type is read from the bytes; anything that is not a readable table is refused with
// the reason in the result line, and nothing is written.
const bomb = () => Buffer.from(zipSync({ "[Content_Types].xml": new Uint8Array(8), "xl/worksheets/sheet1.xml": new Uint8Array(110 * MB) }, { level: 9 }));
const REFUSED_IMPORTS: { name: string; file: () => { name: string; mimeType: string; buffer: Buffer } }[] = [
  { name: "CSV bytes of no table named .xlsx", file: () => ({ name: "中心.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from("hello,world\r\n1,2\r\n") }) },
  { name: "an HTML page named .xlsx", file: () => ({ name: "中心.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: html }) },
  { name: "a zip bomb named .xlsx (110 MB inflated)", file: () => ({ name: "炸弹.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bomb() }) },
  { name: "a PDF named .xlsx", file: () => ({ name: "中心.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: pdf() }) },
  { name: "a Windows program named .csv", file: () => ({ name: "中心.csv", mimeType: "text/csv", buffer: exe }) },
  { name: "an old .xls workbook", file: () => ({ name: "中心.xls", mimeType: "application/vnd.ms-excel", buffer: ole }) },
  { name: "a plain ZIP named .xlsx", file: () => ({ name: "中心.xlsx", mimeType: "application/zip", buffer: zip({ "a.txt": "x" }) }) },
  { name: "an SVG named .csv", file: () => ({ name: "中心.csv", mimeType: "text/csv", buffer: svg }) },
];

test(`import files that are not tables are refused with a reason, writing nothing (${REFUSED_IMPORTS.length} cases)`, async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  const { actors, targets } = await ready(request);
  await signedIn(page, actors, "staff");
  for (const c of REFUSED_IMPORTS) {
    const before = corpusState(actors, targets);
    const response = await page.request.post("/import/run", { multipart: { kind: "centres", file: c.file() }, headers: { origin: baseURL! } });
    expect.soft(response.status(), c.name).toBe(200);
    const lines = (await response.text()).trim().split("\n").map((line) => JSON.parse(line) as { type: string; status?: string; issues?: { message: string }[] });
    const result = lines.at(-1);
    expect.soft(result, c.name).toMatchObject({ type: "result", status: "refused" });
    expect.soft(result?.issues?.[0]?.message.length ?? 0, `${c.name}: says why`).toBeGreaterThan(5);
    expect.soft(corpusState(actors, targets), `${c.name}: nothing written`).toEqual(before);
  }
});
