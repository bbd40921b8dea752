import { describe, expect, it } from "vitest";
import { fieldErrorKeys } from "./form-state";
import { targetSchema } from "./target";

const valid = {
  provinceCode: "330000",
  title: "到2027年建成人工智能创新中心10个",
  kind: "count",
  metric: "人工智能创新中心数量",
  unit: "个",
  targetValue: "10",
  baselineValue: "0",
  baselineDate: "2024-12-31",
  deadline: "2027-12-31",
  sourceDocument: "示例文件",
  sourceUrl: "",
  sourceStatus: "illustrative",
};

describe("targetSchema", () => {
  it("parses a form submission", () => {
    expect(targetSchema.parse(valid)).toMatchObject({ targetValue: 10, baselineValue: 0, sourceUrl: null });
  });

  it.each([
    [{ deadline: "2024-12-31" }, "deadline", "deadlineAfterBaseline"],
    [{ kind: "rate", unit: "%", targetValue: "120" }, "targetValue", "percentOver100"],
    [{ sourceUrl: "javascript:alert(1)" }, "sourceUrl", "url"],
    [{ targetValue: "" }, "targetValue", "required"],
    [{ kind: "ratio" }, "kind", "invalid"],
  ])("refuses %o: %s → %s", (change, field, key) => {
    const result = targetSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorKeys(result.error.issues)[field]).toBe(key);
  });
});
