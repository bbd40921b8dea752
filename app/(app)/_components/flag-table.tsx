import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { isSuppressed, type ReviewedFlag } from "@/lib/domain/risk/flag-review";
import type { RiskFlag } from "@/lib/domain/risk/types";
import type { SubjectNames } from "@/lib/use-cases/engine";
import { FlagStateBadge, SeverityBadge } from "./risk-badges";

export const flagHref = (key: string) => `/flags/${encodeURIComponent(key)}`;

function Subject({ flag, names }: { flag: RiskFlag; names: SubjectNames }) {
  const [first] = flag.subject.ids;
  switch (flag.subject.kind) {
    case "centre":
      return <Link href={`/centres/${first}`}>{names.centres.get(first!) ?? first}</Link>;
    case "centre_pair":
      return (
        <>
          {flag.subject.ids.map((id, i) => (
            <span key={id}>
              {i > 0 && " / "}
              <Link href={`/centres/${id}`}>{names.centres.get(id) ?? id}</Link>
            </span>
          ))}
        </>
      );
    case "target":
      return <>{names.targets.get(first!) ?? first}</>;
    case "province":
      return <Link href={`/provinces/${first}`}>{names.provinces.get(first!) ?? first}</Link>;
  }
}

/**
 * Flags with their explanation and review state. Standing dismissals are left out unless
 * `showSuppressed`; the caption says how many were left out so nothing disappears silently.
 */
export function FlagTable({
  items,
  names,
  caption,
  showSuppressed = false,
  limit,
  moreHref,
}: {
  items: readonly ReviewedFlag[];
  names: SubjectNames;
  caption: string;
  showSuppressed?: boolean;
  /** Show at most this many (most severe first), with a link to the rest. */
  limit?: number;
  moreHref?: string;
}) {
  const t = useTranslations("risk");
  const locale = useLocale() === "en" ? "en" : "zh";
  const visible = showSuppressed ? items : items.filter((item) => !isSuppressed(item.state));
  const hidden = items.length - visible.length;
  const shown = limit === undefined ? visible : visible.slice(0, limit);
  return (
    <>
      {shown.length === 0 ? (
        <p className="empty">{t("noFlags")}</p>
      ) : (
        <table className="data-table flag-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.severity")}</th>
              <th scope="col">{t("columns.rule")}</th>
              <th scope="col">{t("columns.subject")}</th>
              <th scope="col">{t("columns.explanation")}</th>
              <th scope="col">{t("columns.state")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ flag, state }) => (
              <tr key={flag.key} data-flag-code={flag.code}>
                <td>
                  <SeverityBadge severity={flag.severity} />
                </td>
                <td>
                  <Link href={flagHref(flag.key)}>{t(`codes.${flag.code}`)}</Link>
                </td>
                <td>
                  <Subject flag={flag} names={names} />
                </td>
                <td>{flag.explanation[locale]}</td>
                <td>
                  <FlagStateBadge state={state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown.length < visible.length && (
        <p className="small">
          {t("showingFirst", { shown: shown.length, total: visible.length })} {moreHref && <Link href={moreHref}>{t("allFlags")}</Link>}
        </p>
      )}
      {hidden > 0 && <p className="muted small">{t("suppressedHidden", { count: hidden })}</p>}
    </>
  );
}
