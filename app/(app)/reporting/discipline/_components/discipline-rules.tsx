import { getTranslations } from "next-intl/server";

const RULES = ["expected", "cadence", "reported", "onTime", "rates", "overdue", "asOf"] as const;

/** The page's note: which updates are expected, how provinces on another cadence are counted, and both denominators. */
export async function DisciplineRules({ reportingStart }: { reportingStart: string }) {
  const t = await getTranslations("discipline");
  return (
    <section aria-labelledby="discipline-rules-heading" className="muted">
      <h2 id="discipline-rules-heading">{t("rulesHeading")}</h2>
      <ul>
        {RULES.map((rule) => (
          <li key={rule}>{t(`rules.${rule}`, { start: reportingStart })}</li>
        ))}
      </ul>
    </section>
  );
}
