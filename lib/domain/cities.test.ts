import { describe, expect, it } from "vitest";
import { citiesOfProvince, cityName, isCityInProvince } from "./cities";

describe("cities", () => {
  it("names GB/T 2260 prefecture-level cities", () => {
    expect(cityName("330100")).toBe("杭州市");
    expect(cityName("440300")).toBe("深圳市");
    expect(cityName("999900")).toBeUndefined();
  });

  it("accepts a city only in its own province", () => {
    expect(isCityInProvince("330100", "330000")).toBe(true);
    expect(isCityInProvince("440300", "330000")).toBe(false);
    expect(isCityInProvince("339900", "330000")).toBe(false);
  });

  it("lists Zhejiang's 11 cities", () => {
    expect(citiesOfProvince("330000")).toHaveLength(11);
  });
});
