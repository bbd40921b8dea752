import { describe, expect, it } from "vitest";
import { isDecodableTarget } from "./request-target";

describe("isDecodableTarget", () => {
  it.each(["/", "/centres/0b6c2d0e-6c1a-4f7e-9a51-1f0e2a3b4c5d", "/centres?q=%E6%9D%AD%E5%B7%9E", "/a%25b", "/x?y=100%25"])(
    "accepts %s",
    (target) => expect(isDecodableTarget(target)).toBe(true),
  );

  it.each([
    ["a % not followed by two hex digits", "/centres/%ZZ"],
    ["a lone %", "/centres/%"],
    ["a truncated UTF-8 sequence", "/centres/%E6%9D"],
    ["an overlong encoding of /", "/a%C0%AFb"],
    ["a lone surrogate", "/a%ED%A0%80"],
    ["bad encoding in the query", "/centres?q=%G1"],
  ])("refuses %s", (_why, target) => expect(isDecodableTarget(target)).toBe(false));
});
