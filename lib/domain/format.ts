import type { Locale } from "./vocabulary";

const YI = 100_000_000; // 1 亿 = 10^8 元
const WAN = 10_000; // 1 万 = 10^4 元

// Building an Intl.NumberFormat costs far more than using one (the engine formats thousands of
// amounts per request), so each (locale, digits) formatter is made once.
const formatters = new Map<string, Intl.NumberFormat>();

function fixed(value: number, locale: Locale, maxFractionDigits: number): string {
  const key = `${locale}:${maxFractionDigits}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: maxFractionDigits, minimumFractionDigits: 0 });
    formatters.set(key, formatter);
  }
  return formatter.format(value);
}

/**
 * Formats an integer amount of 元 the way officials read it:
 * Chinese in 亿元 (≥ 1 亿) or 万元 (≥ 1 万), English in CNY billions or millions.
 * Rounding is half away from zero at two decimals (Intl's default), e.g. 123,456,789 元 → "1.23亿元".
 */
export function formatYuan(amountYuan: number, locale: Locale): string {
  const sign = amountYuan < 0 ? "-" : "";
  const abs = Math.abs(amountYuan);
  if (locale === "zh") {
    if (abs >= YI) return `${sign}${fixed(abs / YI, locale, 2)}亿元`;
    if (abs >= WAN) return `${sign}${fixed(abs / WAN, locale, 2)}万元`;
    return `${sign}${fixed(abs, locale, 0)}元`;
  }
  if (abs >= 1e9) return `${sign}CNY ${fixed(abs / 1e9, locale, 2)} bn`;
  if (abs >= 1e6) return `${sign}CNY ${fixed(abs / 1e6, locale, 2)} m`;
  return `${sign}CNY ${fixed(abs, locale, 0)}`;
}

export function formatNumber(value: number, locale: Locale, maxFractionDigits = 2): string {
  return fixed(value, locale, maxFractionDigits);
}
