import { getLocale, getTranslations } from "next-intl/server";
import { chinaDateTime } from "@/lib/domain/china-time";
import { periodLabel } from "@/lib/domain/periods";
import { getEngine } from "@/lib/use-cases/engine";
import { localeOrDefault } from "@/lib/i18n/locale";
import type { AsOfView } from "@/app/_lib/as-of";
import { messageKey } from "@/lib/i18n/translator";

/**
 * Chooses the day the dashboard shows: now, or the close of an earlier period. A plain GET form, so it
 * works without JavaScript; `keep` carries the page's other query parameters along.
 */
export async function AsOfPicker({ view, keep = {} }: { view: AsOfView; keep?: Record<string, string | undefined> }) {
  const t = await getTranslations("asOf");
  const locale = localeOrDefault(await getLocale());
  return (
    <form method="get" className="as-of-picker no-print" aria-label={t("label")}>
      {Object.entries(keep).map(([name, value]) => (value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />))}
      <label htmlFor="as-of">{t("label")}</label>
      <select id="as-of" name="asOf" defaultValue={view.asOf ?? ""}>
        <option value="">{t("now")}</option>
        {view.choices.map((c) => (
          <option key={c.date} value={c.date}>
            {t("closeOf", { period: periodLabel(c.period, locale), date: c.date })}
          </option>
        ))}
      </select>
      <button type="submit">{t("show")}</button>
    </form>
  );
}

/**
 * Says which moment the figures are from, and when the engine's snapshot was computed (the read model
 * serves the last complete one while the next is built); shown on screen and in print. A refused day
 * lists the closes that can be chosen.
 */
export async function AsOfNotice({ view, today }: { view: AsOfView; today: string }) {
  const t = await getTranslations();
  const time = chinaDateTime((await getEngine(view.asOf)).computedAt).slice(11);
  const computed = <span className="as-of-computed"> {t("asOf.computedAt", { time })}</span>;
  if (view.error) {
    const choices = view.choices.map((c) => c.date).join(", ");
    return (
      <p className="notice notice-error" role="alert">
        {t("asOf.refused", { reason: t(messageKey(`validation.${view.error}`), { choices }) })}
      </p>
    );
  }
  return view.asOf === undefined ? (
    <p className="as-of-notice">
      {t("asOf.nowNotice", { today })}
      {computed}
    </p>
  ) : (
    <p className="as-of-notice as-of-past" role="status">
      {t("asOf.pastNotice", { date: view.asOf })}
      {computed}
    </p>
  );
}
