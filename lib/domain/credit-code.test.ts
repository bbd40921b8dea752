import { describe, expect, it } from "vitest";
import { isEnterpriseLead, isValidCreditCode } from "./credit-code";

describe("isValidCreditCode (GB 32100-2015)", () => {
  it.each([
    ["91350100M000100Y43", true], // the standard's worked example
    ["91110000802100433B", true],
    ["91350100M000100Y44", false], // wrong check character
    ["91350100M000100Y4", false], // 17 characters
    ["91350100M000100I43", false], // I is not in the character set
    ["91350100m000100y43", false], // callers upper-case first
    ["", false],
  ])("%s → %s", (code, valid) => {
    expect(isValidCreditCode(code)).toBe(valid);
  });
});

describe("isEnterpriseLead", () => {
  // With a credit code, its first character (registration authority) decides: 9 = market regulation
  // (工商), i.e. an enterprise; 1 = government organs, 5 = social organisations. The name is then ignored.
  it.each([
    ["之江智算研究院（示例）", "91350100M000100Y43", true],
    ["某某科技有限公司", "12100000400000000X", false], // a code starting 1 wins over the company-form name
    ["某某基金会", "53100000500000000X", false],
    ["某某科技有限公司", "51100000500000000X", false],
    ["某某研究院", " 91110000802100433B ", true], // trimmed
    ["某某研究院", "y1110000802100433B", false],
  ] as const)("%s with code %j → %s", (name, code, enterprise) => {
    expect(isEnterpriseLead(name, code)).toBe(enterprise);
  });

  // Without one (null, undefined or empty), a company-form word in the name decides, after the
  // bracketed remarks such as the demo's "（示例）" are taken out.
  it.each([
    ["南太湖算力科技有限公司（示例）", true],
    ["南沙智算运营有限公司", true],
    ["某某有限责任公司", true],
    ["某某股份有限公司", true], // contains 有限公司
    ["某某股份公司", true],
    ["某某集团（示例）", true],
    ["之江智算研究院（示例）", false],
    ["京华大学科学智能交叉研究院（示例）", false],
    ["某某大学", false],
    ["中国科学院某研究所", false],
    ["某某研究院（有限公司）", false], // the company word only inside the stripped remark
    ["某某研究院(集团)", false], // ASCII brackets are stripped too
    ["", false],
  ] as const)("%s → %s", (name, enterprise) => {
    expect(isEnterpriseLead(name, null)).toBe(enterprise);
    expect(isEnterpriseLead(name, undefined)).toBe(enterprise);
    expect(isEnterpriseLead(name, "")).toBe(enterprise);
  });
});
