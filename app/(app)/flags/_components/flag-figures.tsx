import { useLocale, useTranslations } from "next-intl";
import { formatNumber } from "@/lib/domain/format";
import { messageKey } from "@/lib/i18n/translator";

/** The figures a rule used, labelled where a label exists, else by their name. */
export function FlagFigures({ values }: { values: Record<string, number | string | null> }) {
  const t = useTranslations();
  const locale = useLocale() === "en" ? "en" : "zh";
  return (
    <dl className="details figures" data-testid="flag-figures">
      {Object.entries(values).map(([name, value]) => (
        <div key={name} className="figure">
          <dt>
            {t.has(messageKey(`risk.values.${name}`)) ? t(messageKey(`risk.values.${name}`)) : name} <code className="muted small">{name}</code>
          </dt>
          <dd>{value === null ? "—" : typeof value === "number" ? formatNumber(value, locale, 4) : value}</dd>
        </div>
      ))}
    </dl>
  );
}
