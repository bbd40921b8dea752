import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { binOf, binsFromEdges, paletteStep, sequentialBins, TILE_GRID, TILE_GRID_SIZE, type Bin } from "./tile-grid";

const provinceCodes = readFileSync(path.resolve(import.meta.dirname, "../../db/seed/data/provinces.csv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(",")[0]);

describe("TILE_GRID", () => {
  it("places exactly the 34 provincial-level divisions of the seed list", () => {
    expect(provinceCodes).toHaveLength(34);
    expect(Object.keys(TILE_GRID).sort()).toEqual([...provinceCodes].sort());
  });

  it("gives every division its own square inside the grid", () => {
    const cells = Object.values(TILE_GRID).map(({ row, col }) => `${row},${col}`);
    expect(new Set(cells).size).toBe(34);
    for (const { row, col } of Object.values(TILE_GRID)) {
      expect(row).toBeGreaterThanOrEqual(0);
      expect(row).toBeLessThan(TILE_GRID_SIZE.rows);
      expect(col).toBeGreaterThanOrEqual(0);
      expect(col).toBeLessThan(TILE_GRID_SIZE.cols);
    }
  });

  it.each([
    ["230000", "110000", "Heilongjiang is north of Beijing"],
    ["110000", "440000", "Beijing is north of Guangdong"],
    ["440000", "460000", "Guangdong is north of Hainan"],
  ])("%s above %s: %s", (north, south) => {
    expect(TILE_GRID[north]!.row).toBeLessThan(TILE_GRID[south]!.row);
  });

  it.each([
    ["650000", "510000", "Xinjiang is west of Sichuan"],
    ["510000", "320000", "Sichuan is west of Jiangsu"],
    ["350000", "710000", "Fujian is west of Taiwan"],
    ["820000", "810000", "Macao is west of Hong Kong"],
  ])("%s left of %s: %s", (west, east) => {
    expect(TILE_GRID[west]!.col).toBeLessThan(TILE_GRID[east]!.col);
  });
});

const fifths: Bin[] = [
  { from: 0, to: 20 },
  { from: 20, to: 40 },
  { from: 40, to: 60 },
  { from: 60, to: 80 },
  { from: 80, to: 100 },
];

describe("sequentialBins", () => {
  it.each<[string, (number | null)[], number, Bin[]]>([
    // range 100 / 5 = 20, a round step already: 0–20 … 80–100
    ["0 to 100 in five", [0, 10, 20, 50, 100], 5, fifths],
    // raw step 44 / 5 = 8.8 → 10; start 0; 47 needs five classes of 10
    ["3 to 47 in five, null ignored", [3, null, 47], 5, binsFromEdges([0, 10, 20, 30, 40, 50])],
    // raw 0.78 / 4 = 0.195: 0.1 and 0.2 reach only 0.5 and 0.8 from their starts; 0.25 from 0 reaches 1
    ["0.12 to 0.9 in four", [0.12, 0.9], 4, binsFromEdges([0, 0.25, 0.5, 0.75, 1])],
    // raw 10 from a start of 0 reaches only 20 < 29; 20 covers it in two classes
    ["9 to 29 in two", [9, 29], 2, binsFromEdges([0, 20, 40])],
    // raw 10 from -20 reaches 30 < 35; step 20 from -20 needs three classes up to 40
    ["negative values", [-15, 35], 5, binsFromEdges([-20, 0, 20, 40])],
    // raw 12: step 10 from 120 reaches 170 < 180; step 20 needs three classes
    ["fewer classes than asked when the range is narrow", [120, 180, 150], 5, binsFromEdges([120, 140, 160, 180])],
    ["equal values make one class", [7, 7], 5, [{ from: 7, to: 7 }]],
    ["one class keeps the range", [99, 101], 1, [{ from: 99, to: 101 }]],
    ["no values, no classes", [], 5, []],
    ["only nulls, no classes", [null, null], 5, []],
  ])("%s", (_, values, n, expected) => {
    expect(sequentialBins(values, n)).toEqual(expected);
  });

  it("never makes more classes than asked and always covers every value", () => {
    const values = [0.3, 12.7, 55.1, 99.9, 240.5];
    for (const n of [2, 3, 4, 5, 6]) {
      const bins = sequentialBins(values, n);
      expect(bins.length).toBeLessThanOrEqual(n);
      expect(bins[0]!.from).toBeLessThanOrEqual(0.3);
      expect(bins.at(-1)!.to).toBeGreaterThanOrEqual(240.5);
    }
  });
});

describe("binOf", () => {
  it.each<[number | null, number | null]>([
    [0, 0],
    [19.99, 0],
    [20, 1], // an edge belongs to the class above
    [59.5, 2],
    [80, 4],
    [100, 4], // the top edge belongs to the last class
    [150, 4], // above the classes: the nearest end
    [-5, 0],
    [null, null],
    [Number.NaN, null],
  ])("%s → class %s", (value, expected) => {
    expect(binOf(value, fifths)).toBe(expected);
  });

  it("is no data when there are no classes", () => {
    expect(binOf(5, [])).toBeNull();
  });
});

describe("paletteStep", () => {
  it.each([
    [0, 5, 0],
    [4, 5, 4],
    [2, 5, 2],
    // three classes take the light end, the middle and the dark end: 0, 4×1/2, 4×2/2
    [0, 3, 0],
    [1, 3, 2],
    [2, 3, 4],
    // two classes: both ends
    [1, 2, 4],
    // four classes: round(4×1/3) = 1, round(4×2/3) = 3
    [1, 4, 1],
    [2, 4, 3],
    [0, 1, 2],
    [7, 5, 4],
  ])("class %i of %i → step %i", (index, count, expected) => {
    expect(paletteStep(index, count)).toBe(expected);
  });
});
