import { describe, expect, it } from "vitest";
import { centresQuerySchema, reportingQuerySchema } from "@/lib/validation/api-query";
import { parseQuery, reasonText } from "./query";

const context = { today: "2026-11-27", start: "2026-07-01" };
const centres = centresQuerySchema(context.today, context.start);

describe("parseQuery", () => {
  it("reads the first value of each known parameter and ignores unknown ones", () => {
    const result = parseQuery(new URLSearchParams("status=operational&status=planned&sort=name&page=2"), centres, context);
    expect(result).toEqual({ ok: true, data: { status: "operational", page: 2, pageSize: 50 } });
  });

  it("refuses with a 400 problem naming every invalid field, its reason code and an English sentence", async () => {
    const result = parseQuery(new URLSearchParams("pageSize=100000&page=-1&status=bogus&province=abc"), centres, context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.response.status).toBe(400);
    expect(result.response.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    const body = await result.response.json();
    expect(body).toMatchObject({ status: 400, title: "Invalid request", detail: "Invalid query parameters: province, status, page, pageSize." });
    expect(body.errors).toEqual([
      { field: "province", code: "provinceCode", detail: "Not a valid province code." },
      { field: "status", code: "invalid", detail: "This value is not valid." },
      { field: "page", code: "tooSmall", detail: "This number is too small." },
      { field: "pageSize", code: "tooBig", detail: "This number is too large." },
    ]);
  });

  it("explains a refused period with its value and the days it was judged by", async () => {
    const result = parseQuery(new URLSearchParams("period=2026-Q4"), reportingQuerySchema(context.today, context.start), context);
    if (result.ok) throw new Error("accepted an unended period");
    const body = await result.response.json();
    expect(body.errors).toEqual([{ field: "period", code: "periodNotEnded", detail: "The period “2026-Q4” had not ended on 2026-11-27, so nothing was due yet" }]);
  });
});

describe("reasonText", () => {
  it("falls back to the generic sentence for an unknown code", () => {
    expect(reasonText("noSuchCode", { value: "", ...context })).toBe("This value is not valid.");
    expect(reasonText("provinceUnknown", { value: "990000", ...context })).toBe("“990000” is not a province code");
  });
});
