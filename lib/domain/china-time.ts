// Officials read and filter the audit trail in Beijing time. China has kept UTC+8 without daylight
// saving since 1991, so a fixed offset is exact and needs no time-zone database.

const OFFSET_MS = 8 * 3_600_000;

/** The UTC instant (ISO-8601, as stored in `at` columns) at which a Beijing calendar day begins. */
export function chinaDayStartUtc(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS).toISOString();
}

/** "YYYY-MM-DD HH:mm" in Beijing time for a stored UTC timestamp. */
export function chinaDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}

/** Today's date in Beijing: reporting dates follow the officials' calendar, whatever the server's zone. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}
