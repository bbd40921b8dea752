import { areaList } from "@vant/area-data";

// Prefecture-level cities keyed by GB/T 2260 code (SSCC00), from the maintained @vant/area-data set.
const CITY_NAMES: Readonly<Record<string, string>> = areaList.city_list;

export function cityName(code: string): string | undefined {
  return CITY_NAMES[code];
}

/** A city code is valid for a province when it exists and shares the province's two-digit prefix. */
export function isCityInProvince(cityCode: string, provinceCode: string): boolean {
  return cityCode in CITY_NAMES && cityCode.slice(0, 2) === provinceCode.slice(0, 2);
}

export function citiesOfProvince(provinceCode: string): { code: string; name: string }[] {
  const prefix = provinceCode.slice(0, 2);
  return Object.entries(CITY_NAMES)
    .filter(([code]) => code.startsWith(prefix))
    .map(([code, name]) => ({ code, name }));
}
