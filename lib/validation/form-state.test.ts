import { describe, expect, it } from "vitest";
import { formDataToObject, unflatten } from "./form-state";

describe("formDataToObject", () => {
  it("turns repeated names into arrays and drops Next's action fields", () => {
    const data = new FormData();
    data.append("name", "中心");
    data.append("focusTags", "large_models");
    data.append("focusTags", "finance");
    data.append("$ACTION_ID_abc", "");
    expect(formDataToObject(data)).toEqual({ name: "中心", focusTags: ["large_models", "finance"] });
  });
});

describe("unflatten", () => {
  it("nests dotted names and makes arrays of numeric segments", () => {
    expect(unflatten({ period: "2026-Q3", "milestones.0.id": "a", "milestones.0.progress": "50", "milestones.1.id": "b" })).toEqual({
      period: "2026-Q3",
      milestones: [{ id: "a", progress: "50" }, { id: "b" }],
    });
  });

  it("ignores prototype-polluting names", () => {
    const result = unflatten({ "__proto__.admin": "yes", "a.constructor.x": "1" });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(result).toEqual({});
  });
});
