import Link from "next/link";
import { useId } from "react";
import { useTranslations } from "next-intl";
import { paletteStep, TILE_GRID, TILE_GRID_SIZE } from "@/lib/domain/tile-grid";

export interface TileDatum {
  /** GB/T 2260 code; places the tile by `TILE_GRID`. */
  code: string;
  /** Full name, read out and shown in the table (北京市 / Beijing). */
  name: string;
  /** Shown on the square when the full name is too long (北京); must be part of `name`. */
  shortName?: string;
  value: number | null;
  /** The value as the page formats it, with its unit ("45.2%", "1.23亿元"). */
  valueText: string;
  /** Class on the sequential scale, from `binOf`; null is "no data". */
  classIndex: number | null;
  /** Lines shown on hover and focus, and in the table. */
  details: readonly string[];
  href: string;
}

export interface TileMapProps {
  caption: string;
  measureLabel: string;
  tiles: readonly TileDatum[];
  /** One label per class, lowest first ("0–20%"); from `sequentialBins` or `binsFromEdges`. */
  classes: readonly { label: string }[];
}

const toneClass = (classIndex: number | null, classCount: number) => (classIndex === null ? "tone-none" : `tone-${paletteStep(classIndex, classCount)}`);

/**
 * A tile-grid chart of the provincial-level divisions: one linked square per division showing its
 * name and value as text, coloured on a colour-blind-safe sequential scale (cividis), "no data"
 * hatched. Hover or keyboard focus shows the details; a data table below holds every figure.
 * Divisions the page leaves out are not drawn, so pass all 34 (value null where there is none).
 */
export function TileMap({ caption, measureLabel, tiles, classes }: TileMapProps) {
  const t = useTranslations("charts");
  const id = useId();
  const placed = tiles
    .filter((tile) => TILE_GRID[tile.code])
    // Tab and reading order run north to south, west to east, as the eye reads the grid.
    .toSorted((a, b) => TILE_GRID[a.code]!.row - TILE_GRID[b.code]!.row || TILE_GRID[a.code]!.col - TILE_GRID[b.code]!.col);
  const hasNoData = tiles.some((tile) => tile.value === null);
  return (
    <figure className="chart tile-map">
      <figcaption className="chart-caption">{caption}</figcaption>
      <ul className="tile-grid" aria-label={caption} style={{ gridTemplateColumns: `repeat(${TILE_GRID_SIZE.cols}, minmax(0, 1fr))` }}>
        {placed.map((tile) => {
          const { row, col } = TILE_GRID[tile.code]!;
          const tipId = `${id}-${tile.code}`;
          const valueText = tile.value === null ? t("noData") : tile.valueText;
          return (
            // Tips open leftwards on the eastern columns and upwards on the southern rows, to stay on screen.
            <li key={tile.code} className={[col >= TILE_GRID_SIZE.cols - 3 && "tip-west", row >= TILE_GRID_SIZE.rows - 2 && "tip-up"].filter(Boolean).join(" ") || undefined} style={{ gridRow: row + 1, gridColumn: col + 1 }}>
              <Link
                href={tile.href}
                // Long (English) names get a smaller type so "Heilongjiang" fits a square unbroken.
                className={`tile ${toneClass(tile.value === null ? null : tile.classIndex, classes.length)}${(tile.shortName ?? tile.name).length > 8 ? " tile-long" : ""}`}
                aria-label={t("tile.label", { name: tile.name, measure: measureLabel, value: valueText })}
                aria-describedby={tile.details.length > 0 ? tipId : undefined}
                data-code={tile.code}
              >
                <span className="tile-name">{tile.shortName ?? tile.name}</span>
                <span className="tile-value">{valueText}</span>
                <span className="tile-tip" aria-hidden={tile.details.length === 0 ? true : undefined}>
                  <strong>{t("tile.label", { name: tile.name, measure: measureLabel, value: valueText })}</strong>
                  {tile.details.length > 0 && (
                    <span id={tipId} className="tile-tip-details">
                      {tile.details.map((line, i) => (
                        <span key={i}>{line}</span>
                      ))}
                    </span>
                  )}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
      <ul className="chart-legend" aria-label={t("legendFor", { measure: measureLabel })}>
        {classes.map((item, i) => (
          <li key={item.label}>
            <span className={`swatch ${toneClass(i, classes.length)}`} aria-hidden="true" />
            {item.label}
          </li>
        ))}
        {hasNoData && (
          <li>
            <span className="swatch tone-none" aria-hidden="true" />
            {t("noData")}
          </li>
        )}
      </ul>
      <p className="chart-note">{t("tile.note")}</p>
      <details className="chart-data">
        <summary>{t("dataTable")}</summary>
        <table className="data-table compact">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("tile.division")}</th>
              <th scope="col" className="num">
                {measureLabel}
              </th>
              <th scope="col">{t("tile.details")}</th>
            </tr>
          </thead>
          <tbody>
            {tiles.map((tile) => (
              <tr key={tile.code}>
                <th scope="row">
                  <Link href={tile.href}>{tile.name}</Link>
                </th>
                <td className="num">{tile.value === null ? t("noData") : tile.valueText}</td>
                <td>
                  {tile.details.map((line, i) => (
                    <div key={i}>{line}</div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
