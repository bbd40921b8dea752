import { describe, expect, it } from "vitest";
import { propertyRows, typeParts } from "./schema-text";

describe("typeParts", () => {
  it.each([
    [{ $ref: "#/components/schemas/Flag" }, [{ ref: "Flag" }]],
    [{ type: "integer", minimum: 1, maximum: 200 }, ["integer 1–200"]],
    [{ type: "integer", minimum: -9007199254740991, maximum: 9007199254740991 }, ["integer"]],
    [{ type: "integer", minimum: 0 }, ["integer ≥ 0"]],
    [{ type: "string", enum: ["red", "amber"] }, ['"red" | "amber"']],
    [{ type: "string", pattern: "^\\d{2}0000$" }, ["string matching ^\\d{2}0000$"]],
    [{ type: "string", format: "date", pattern: "^x$" }, ["string (date)"]],
    [{ type: ["number", "null"] }, ["number", " | ", "null"]],
    [{ anyOf: [{ $ref: "#/components/schemas/Totals" }, { type: "null" }] }, [{ ref: "Totals" }, " | ", "null"]],
    [{ type: "array", items: { $ref: "#/components/schemas/Centre" } }, ["array of ", { ref: "Centre" }]],
    [{ type: "object", propertyNames: { enum: ["a", "b"] }, additionalProperties: { type: "integer" } }, ["map of ", '"a" | "b"', " → ", "integer"]],
    [{ type: "object", additionalProperties: { anyOf: [{ type: "number" }, { type: "string" }] } }, ["map of string → ", "number", " | ", "string"]],
    [{}, ["any"]],
  ])("%j", (schema, expected) => {
    expect(typeParts(schema)).toEqual(expected);
  });
});

describe("propertyRows", () => {
  it("lists properties with required marks and flattens inline objects under dotted names", () => {
    const rows = propertyRows({
      type: "object",
      properties: {
        code: { type: "string", description: "Province code" },
        completion: { type: "object", properties: { meanPct: { type: ["number", "null"] } }, required: ["meanPct"] },
        forecast: { $ref: "#/components/schemas/Forecast" },
      },
      required: ["code", "completion"],
    });
    expect(rows).toEqual([
      { name: "code", required: true, type: ["string"], description: "Province code" },
      { name: "completion", required: true, type: ["object"], description: "" },
      { name: "completion.meanPct", required: true, type: ["number", " | ", "null"], description: "" },
      { name: "forecast", required: false, type: [{ ref: "Forecast" }], description: "" },
    ]);
  });
});
