import { describe, expect, it } from "vitest";
import { fieldErrorKeys, formDataToObject, MAX_FORM_INDEX, unflatten } from "./form-state";

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

  it("drops a name that would walk through text or an inherited property, instead of throwing or writing onto a built-in", () => {
    expect(unflatten({ name: "中心", "name.x": "y", focusTags: "a", "focusTags.0": "b" })).toEqual({ name: "中心", focusTags: "a" });
    const result = unflatten({ "hasOwnProperty.x": "polluted", "toString.0": "p" });
    expect((Object.prototype.hasOwnProperty as unknown as Record<string, unknown>).x).toBeUndefined();
    expect((Object.prototype.toString as unknown as Record<string, unknown>)[0]).toBeUndefined();
    expect(result).toEqual({ hasOwnProperty: { x: "polluted" }, toString: ["p"] });
  });

  it("refuses row indexes above the limit, so one name cannot make a sparse array of millions of holes", () => {
    expect(unflatten({ "milestones.99999999.progress": "1", period: "2026-Q3" })).toEqual({ period: "2026-Q3" });
    expect((unflatten({ [`rows.${MAX_FORM_INDEX}.x`]: "1" }).rows as unknown[]).length).toBe(MAX_FORM_INDEX + 1);
  });
});

describe("fieldErrorKeys", () => {
  it("names a multi-value control, not its n-th value, and keeps the first issue of each field", () => {
    const issues = [
      { path: ["focusTags", 1], message: "invalid" },
      { path: ["focusTags", 2], message: "duplicate" },
      { path: ["milestones", 0, "progress"], message: "tooBig" },
      { path: [], message: "invalid" },
    ];
    expect(fieldErrorKeys(issues)).toEqual({ focusTags: "invalid", "milestones.0.progress": "tooBig", _form: "invalid" });
  });
});
