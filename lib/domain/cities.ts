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

const CITIES_BY_PREFIX = new Map<string, { code: string; name: string }[]>();
for (const [code, name] of Object.entries(CITY_NAMES)) CITIES_BY_PREFIX.set(code.slice(0, 2), [...(CITIES_BY_PREFIX.get(code.slice(0, 2)) ?? []), { code, name }]);

export function citiesOfProvince(provinceCode: string): { code: string; name: string }[] {
  return [...(CITIES_BY_PREFIX.get(provinceCode.slice(0, 2)) ?? [])];
}

export function allCities(): { code: string; name: string }[] {
  return [...CITIES_BY_PREFIX.values()].flat();
}
