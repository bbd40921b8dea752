// The national view is a tile grid: one equal square per provincial-level division in its rough
// geographic place, with no borders or outlines. A drawn map of China needs an approval number
// (审图号) to be published, a grid of squares does not. 8 rows × 8 columns; row 0 is the north,
// column 0 the west. Gaps stand for sea (Bohai, the Taiwan Strait) or for the wide western land.
//
//        0    1    2    3    4    5    6    7
//   0                                       黑
//   1                   内   京   辽   吉
//   2   新   甘   宁   晋   冀   津
//   3   藏   青   陕   豫   鲁
//   4        川   渝   鄂   皖   苏   沪
//   5        滇   黔   湘   赣   浙
//   6             桂   粤   闽        台
//   7             琼   澳   港

export interface TilePosition {
  row: number;
  col: number;
}

export const TILE_GRID_SIZE = { rows: 8, cols: 8 } as const;

/** Grid position by GB/T 2260 code. */
export const TILE_GRID: Readonly<Record<string, TilePosition>> = {
  "230000": { row: 0, col: 7 }, // 黑龙江
  "150000": { row: 1, col: 4 }, // 内蒙古
  "110000": { row: 1, col: 5 }, // 北京
  "210000": { row: 1, col: 6 }, // 辽宁
  "220000": { row: 1, col: 7 }, // 吉林
  "650000": { row: 2, col: 0 }, // 新疆
  "620000": { row: 2, col: 1 }, // 甘肃
  "640000": { row: 2, col: 2 }, // 宁夏
  "140000": { row: 2, col: 3 }, // 山西
  "130000": { row: 2, col: 4 }, // 河北
  "120000": { row: 2, col: 5 }, // 天津
  "540000": { row: 3, col: 0 }, // 西藏
  "630000": { row: 3, col: 1 }, // 青海
  "610000": { row: 3, col: 2 }, // 陕西
  "410000": { row: 3, col: 3 }, // 河南
  "370000": { row: 3, col: 4 }, // 山东
  "510000": { row: 4, col: 1 }, // 四川
  "500000": { row: 4, col: 2 }, // 重庆
  "420000": { row: 4, col: 3 }, // 湖北
  "340000": { row: 4, col: 4 }, // 安徽
  "320000": { row: 4, col: 5 }, // 江苏
  "310000": { row: 4, col: 6 }, // 上海
  "530000": { row: 5, col: 1 }, // 云南
  "520000": { row: 5, col: 2 }, // 贵州
  "430000": { row: 5, col: 3 }, // 湖南
  "360000": { row: 5, col: 4 }, // 江西
  "330000": { row: 5, col: 5 }, // 浙江
  "450000": { row: 6, col: 2 }, // 广西
  "440000": { row: 6, col: 3 }, // 广东
  "350000": { row: 6, col: 4 }, // 福建
  "710000": { row: 6, col: 6 }, // 台湾
  "460000": { row: 7, col: 2 }, // 海南
  "820000": { row: 7, col: 3 }, // 澳门
  "810000": { row: 7, col: 4 }, // 香港
};

/** One class of a sequential scale: values in [from, to), the last class also takes `to`. */
export interface Bin {
  from: number;
  to: number;
}

// Steps a reader can add up in their head: 1, 2, 2.5 and 5 times a power of ten.
const NICE = [1, 2, 2.5, 5, 10] as const;

function niceSteps(raw: number): number[] {
  const power = 10 ** Math.floor(Math.log10(raw));
  return [...NICE.map((m) => m * power), 20 * power, 25 * power, 50 * power];
}

// Edges are sums of a step; trim binary noise such as 0.30000000000000004.
const clean = (value: number) => Number(value.toPrecision(12));

/** Classes from explicit edges, e.g. [0, 25, 50, 75, 100] → four classes. */
export function binsFromEdges(edges: readonly number[]): Bin[] {
  const bins: Bin[] = [];
  for (let i = 1; i < edges.length; i++) bins.push({ from: edges[i - 1]!, to: edges[i]! });
  return bins;
}

/**
 * At most `n` equal classes covering every value, on round edges (a step of 1, 2, 2.5 or 5 times a
 * power of ten, starting at a multiple of the step), so the legend reads "0–20, 20–40 …" rather
 * than "3.7–12.9". Nulls (no data) are ignored; no values give no classes; equal values one class.
 */
export function sequentialBins(values: readonly (number | null)[], n = 5): Bin[] {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0 || n < 1) return [];
  const min = Math.min(...present);
  const max = Math.max(...present);
  // One class cannot always sit on round edges (99–101 straddles every round number), so it keeps the range.
  if (min === max || n === 1) return [{ from: min, to: max }];
  for (const step of niceSteps((max - min) / n)) {
    const start = clean(Math.floor(min / step) * step);
    if (start + n * step < max) continue;
    const count = Math.max(1, Math.ceil(clean((max - start) / step)));
    return Array.from({ length: count }, (_, i) => ({ from: clean(start + i * step), to: clean(start + (i + 1) * step) }));
  }
  // Unreachable for n ≥ 2: the last candidate is at least five times the raw step.
  return [{ from: min, to: max }];
}

/**
 * The class index of a value: the class whose [from, to) holds it, the last class also holding its
 * upper edge; values outside the classes go to the nearest end. Null, or no classes, is "no data".
 */
export function binOf(value: number | null, bins: readonly Bin[]): number | null {
  if (value === null || !Number.isFinite(value) || bins.length === 0) return null;
  for (let i = 0; i < bins.length - 1; i++) {
    if (value < bins[i]!.to) return i;
  }
  return bins.length - 1;
}

/** Steps of the tile map's sequential palette (light to dark). */
export const PALETTE_STEPS = 5;

/**
 * The palette step of a class: fewer classes than steps spread over the palette so the lowest and
 * highest stay as far apart as possible; a single class takes the middle step.
 */
export function paletteStep(classIndex: number, classCount: number): number {
  if (classCount <= 1) return Math.floor(PALETTE_STEPS / 2);
  const clamped = Math.min(Math.max(classIndex, 0), classCount - 1);
  return Math.round((clamped * (PALETTE_STEPS - 1)) / (classCount - 1));
}
