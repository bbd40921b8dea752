import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { chinaDateTime } from "@/lib/domain/china-time";
import { FLAG_ACTIONS } from "@/lib/domain/risk/flag-review";
import { localeOrDefault } from "@/lib/i18n/locale";
import { flagPage, type FlagHistory } from "@/lib/use-cases/flags/flag-page";
import { riskCodeRow } from "@/lib/registry/risk-codes";
import { FlagTable } from "../../_components/flag-table";
import { FlagStateBadge, SeverityBadge } from "../../_components/risk-badges";
import { DuplicateComparison } from "../_components/duplicate-comparison";
import { FlagFigures } from "../_components/flag-figures";
import { FlagReviewForm } from "../_components/flag-review-form";
import { messageKey } from "@/lib/i18n/translator";

/** Flag keys hold `|` and `,`, which arrive percent-encoded in the segment; a malformed escape is left as is (and not found). */
function flagKeyParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

type Props = { params: Promise<{ key: string }>; searchParams: Promise<{ done?: string }> };

/** One flag: its explanation in both languages, the figures it used, its review history and, for reviewers, the review form. */
export default async function FlagPage({ params, searchParams }: Props) {
  const key = flagKeyParam((await params).key);
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  const data = await pageData("/flags/[key]", flagPage, { key, locale });
  const { history } = data;
  const doneParam = (await searchParams).done;
  const done = FLAG_ACTIONS.find((a) => a === doneParam);

  // A flag no rule raises any more keeps its history.
  if (data.gone) {
    return (
      <>
        <p className="breadcrumb">
          <Link href="/flags">{t("risk.title")}</Link> /
        </p>
        <h1>{t("risk.gone.title")}</h1>
        <p className="lead">{t("risk.gone.lead")}</p>
        <History history={history} />
      </>
    );
  }

  const { flag, state, provinceCode, review } = data;
  const other = locale === "zh" ? "en" : "zh";
  const rule = riskCodeRow(flag.code);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/flags">{t("risk.title")}</Link> / <Link href={`/provinces/${provinceCode}`}>{data.provinceName}</Link> /
      </p>
      <h1>
        {t(messageKey(rule.labelKey))} <SeverityBadge severity={flag.severity} /> <FlagStateBadge state={state} />
      </h1>
      <p className="lead">{t(messageKey(rule.descriptionKey))}</p>
      {done && (
        <p className="form-success" role="status">
          {t("risk.review.done", { action: t(`risk.review.actions.${done}`) })}
        </p>
      )}
      <FlagTable items={[{ flag, state }]} names={data.names} caption={t("risk.subjectCaption")} showSuppressed />
      <p lang={other === "zh" ? "zh-CN" : "en"} className="muted" data-testid="other-language-explanation">
        {flag.explanation[other]}
      </p>

      {data.comparison && <DuplicateComparison centres={data.comparison} />}

      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t("risk.figures")}</h2>
        <FlagFigures values={flag.values} />
      </section>

      {review && (
        <section aria-labelledby="review-heading">
          <h2 id="review-heading">{t("risk.review.title")}</h2>
          <FlagReviewForm
            flagKey={flag.key}
            actions={review.actions}
            minExpiry={review.minExpiry}
            maxExpiry={review.maxExpiry}
          />
        </section>
      )}
      <History history={history} />
    </>
  );
}

async function History({ history }: { history: FlagHistory }) {
  const t = await getTranslations();
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t("risk.history")}</h2>
      {history.length === 0 ? (
        <p className="empty">{t("risk.noHistory")}</p>
      ) : (
        <table className="data-table" data-testid="flag-history">
          <caption className="visually-hidden">{t("risk.history")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("confidence.at")}</th>
              <th scope="col">{t("risk.review.action")}</th>
              <th scope="col">{t("risk.columns.severity")}</th>
              <th scope="col">{t("risk.review.comment")}</th>
              <th scope="col">{t("risk.review.expiresOn")}</th>
              <th scope="col">{t("confidence.by")}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={h.id}>
                <td className="date">{chinaDateTime(h.at)}</td>
                <td>{t(`risk.review.actions.${h.action}`)}</td>
                <td>
                  <SeverityBadge severity={h.severity} />
                </td>
                <td className="pre-wrap">{h.comment}</td>
                <td className="date">{h.expiresOn ?? "—"}</td>
                <td>{h.actorName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
