import { describe, expect, it } from "vitest";
import { formDataToObject } from "./form-state";

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
