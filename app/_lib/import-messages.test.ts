import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import zh from "@/lib/i18n/messages/zh.json";
import en from "@/lib/i18n/messages/en.json";
import { issueText } from "./import-messages";

const translator = (locale: "zh" | "en") => createTranslator({ locale, messages: locale === "zh" ? zh : en }) as unknown as Parameters<typeof issueText>[0];

describe("issueText", () => {
  it("uses the import's reasons, then the forms' validation and workflow messages", () => {
    const t = translator("zh");
    expect(issueText(t, { reason: "duplicateRow", params: { first: 4 } })).toBe("与第 4 行是同一条记录。");
    expect(issueText(t, { reason: "cityNotInProvince" })).toBe("所选城市不属于该省份。");
    expect(issueText(t, { reason: "updateLocked" })).toBe(zh.import.reasons.updateLocked);
    expect(issueText(t, { reason: "periodInFuture" })).toBe(zh.errors.periodInFuture);
  });

  it("lists a coded column's choices in the reader's language", () => {
    expect(issueText(translator("zh"), { reason: "unknownCode", params: { field: "status" } })).toBe("无法识别。可填：规划中、建设中、已运营、已暂停");
    expect(issueText(translator("en"), { reason: "unknownCode", params: { field: "computePrecision" } })).toBe("Not recognised. Choose from: FP64, FP32, FP16, BF16, INT8");
  });
});
