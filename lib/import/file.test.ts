import { describe, expect, it } from "vitest";
import { tablesToXlsx } from "@/lib/export/xlsx";
import { zipSync } from "fflate";
import { decodeText, readGrid, unpackedSize } from "./file";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("readGrid", () => {
  it("reads XLSX by its content, whatever the file is called", async () => {
    const file = new Uint8Array(await tablesToXlsx([{ name: "s", header: ["中心名称"], rows: [["之江"], [12.5]] }]));
    expect(await readGrid(file)).toEqual({ grid: [["中心名称"], ["之江"], [12.5]] });
  });

  it("reads CSV with or without BOM, comma or tab separated, quoted line breaks kept, the formula guard removed", async () => {
    expect(await readGrid(utf8('\uFEFF名称,金额\r\n"甲,乙\n丙",\'=1+1\r\n'))).toEqual({ grid: [["名称", "金额"], ["甲,乙\n丙", "=1+1"]] });
    expect(await readGrid(utf8("名称\t金额\n甲\t5\n"))).toEqual({ grid: [["名称", "金额"], ["甲", "5"]] });
  });

  it("refuses the old binary Excel format, binary files and broken archives with their own reasons", async () => {
    expect(await readGrid(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toEqual({ error: "oldExcel" });
    expect(await readGrid(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))).toEqual({ error: "notSpreadsheet" });
    expect(await readGrid(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]))).toEqual({ error: "unreadable" });
    expect(await readGrid(utf8('a,"b\n'))).toEqual({ error: "unreadable" });
  });
});

describe("unpackedSize", () => {
  it("counts what an archive inflates to and gives up past the limit (a small file that expands hugely)", () => {
    const bomb = zipSync({ "xl/worksheets/sheet1.xml": new Uint8Array(2 * 1024 * 1024) });
    expect(bomb.byteLength).toBeLessThan(10_000);
    expect(unpackedSize(bomb, 3 * 1024 * 1024)).toBe(2 * 1024 * 1024);
    expect(unpackedSize(bomb, 1024 * 1024)).toBeUndefined();
  });
});

describe("decodeText", () => {
  it("decodes UTF-8, UTF-16 with BOM and GB18030 (Excel's CSV in China)", () => {
    const gbk = new Uint8Array([0xd5, 0xe3, 0xbd, 0xad]); // 浙江
    expect(decodeText(gbk)).toBe("浙江");
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x59, 0x6d, 0x5f, 0x6c]))).toBe("浙江");
    expect(decodeText(utf8("浙江"))).toBe("浙江");
  });
});
