import { describe, expect, it } from "vitest";
import { cleanFileName, nameForType, sniffEvidenceType } from "./file-types";

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe("sniffEvidenceType", () => {
  it.each([
    [bytes("%PDF-1.7\n"), "report.pdf", "application/pdf"],
    [bytes("%PDF-1.7\n"), "renamed.png", "application/pdf"], // the bytes decide
    [bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), "x.png", "image/png"],
    [bytes([0xff, 0xd8, 0xff, 0xe0]), "photo.jpeg", "image/jpeg"],
    [bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 "), "a.webp", "image/webp"],
    [bytes([0x50, 0x4b, 0x03, 0x04], "....[Content_Types].xml"), "plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    [bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "old.xls", "application/vnd.ms-excel"],
  ])("accepts %s named %s as %s", (content, name, mediaType) => {
    expect(sniffEvidenceType(content, name)?.mediaType).toBe(mediaType);
  });

  it.each([
    [bytes("<html><script>alert(1)</script>"), "evil.pdf"],
    [bytes("MZ\x90\x00"), "setup.exe"],
    [bytes([0x50, 0x4b, 0x03, 0x04], "payload.js"), "archive.zip"],
    [bytes([0x50, 0x4b, 0x03, 0x04], "....[Content_Types].xml"), "renamed.zip"],
    [bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "thing.msi"],
    [bytes("GIF89a"), "anim.gif"],
    [new Uint8Array(), "empty.pdf"],
  ])("refuses %s named %s", (content, name) => {
    expect(sniffEvidenceType(content, name)).toBeUndefined();
  });
});

describe("cleanFileName", () => {
  it.each([
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\a\\验收报告.pdf", "验收报告.pdf"],
    ['bad"name\r\n.pdf', "badname.pdf"],
    ["", "evidence"],
    ["报告\u202Efdp.exe", "报告fdp.exe"],
    ["验收\u200B报告\uFEFF.pdf", "验收报告.pdf"],
    ["NUL\u0000.pdf", "NUL.pdf"],
    [`${"a".repeat(199)}😀.pdf`, `${"a".repeat(199)}😀`],
    [`${"长".repeat(300)}.pdf`, "长".repeat(200)],
  ])("%s → %s", (name, clean) => {
    expect(cleanFileName(name)).toBe(clean);
  });
});

describe("nameForType", () => {
  const png = { mediaType: "image/png", extension: "png" };
  const jpg = { mediaType: "image/jpeg", extension: "jpg" };
  it.each([
    ["报告.pdf", png, "报告.pdf.png"],
    ["scan.PNG", png, "scan.PNG"],
    ["photo.jpeg", jpg, "photo.jpeg"],
    ["photo.jpg", jpg, "photo.jpg"],
    ["evidence", png, "evidence.png"],
  ])("%s holding %o → %s", (name, type, kept) => {
    expect(nameForType(name, type)).toBe(kept);
  });
});
