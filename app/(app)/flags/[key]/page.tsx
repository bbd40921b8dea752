import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { flagHistory, flagReviewProvince } from "@/db/flag-reviews";
import { requireUser } from "@/lib/auth/current-user";
import { assertCanReadProvince } from "@/lib/auth/guards";
import { chinaDateTime } from "@/lib/domain/china-time";
import { addDays } from "@/lib/domain/periods";
import { availableFlagActions, FLAG_ACTIONS, flagState } from "@/lib/domain/risk/flag-review";
import { riskCodeRow } from "@/lib/registry/risk-codes";
import { canReview } from "@/lib/domain/update-workflow";
import { localeOrDefault, localName } from "@/lib/i18n/locale";
import { getProvince } from "@/db/provinces";
import { MAX_SUPPRESSION_DAYS } from "@/lib/validation/flag-review";
import { findFlag, getEngine, subjectNames } from "@/lib/use-cases/engine";
import { FlagTable } from "../../_components/flag-table";
import { FlagStateBadge, SeverityBadge } from "../../_components/risk-badges";
import { DuplicateComparison } from "../_components/duplicate-comparison";
import { FlagFigures } from "../_components/flag-figures";
import { FlagReviewForm } from "../_components/flag-review-form";

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
  const user = await requireUser();
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  const db = getDb();
  const engine = await getEngine();
  const found = findFlag(engine, key);
  // A flag no rule raises any more keeps its history, in the province it belonged to.
  const provinceCode = found?.provinceCode ?? flagReviewProvince(db, key);
  if (provinceCode === undefined) notFound();
  assertCanReadProvince(user, provinceCode, "/flags/[key]", key);
  const history = flagHistory(db, key);
  const doneParam = (await searchParams).done;
  const done = FLAG_ACTIONS.find((a) => a === doneParam);

  if (!found) {
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

  const { flag } = found;
  const state = flagState(flag, engine.reviews.get(key), engine.today);
  const reviewer = canReview(user, provinceCode);
  const province = getProvince(db, provinceCode);
  const other = locale === "zh" ? "en" : "zh";
  const rule = riskCodeRow(flag.code);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/flags">{t("risk.title")}</Link> / <Link href={`/provinces/${provinceCode}`}>{province ? localName(locale, province) : provinceCode}</Link> /
      </p>
      <h1>
        {t(rule.labelKey)} <SeverityBadge severity={flag.severity} /> <FlagStateBadge state={state} />
      </h1>
      <p className="lead">{t(rule.descriptionKey)}</p>
      {done && (
        <p className="form-success" role="status">
          {t("risk.review.done", { action: t(`risk.review.actions.${done}`) })}
        </p>
      )}
      <FlagTable items={[{ flag, state }]} names={subjectNames([{ flag, state }], locale)} caption={t("risk.subjectCaption")} showSuppressed />
      <p lang={other === "zh" ? "zh-CN" : "en"} className="muted" data-testid="other-language-explanation">
        {flag.explanation[other]}
      </p>

      {flag.code === "duplicate_construction" && <DuplicateComparison ids={flag.subject.ids} />}

      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t("risk.figures")}</h2>
        <FlagFigures values={flag.values} />
      </section>

      {reviewer && (
        <section aria-labelledby="review-heading">
          <h2 id="review-heading">{t("risk.review.title")}</h2>
          <FlagReviewForm
            flagKey={flag.key}
            actions={availableFlagActions(flag, state)}
            minExpiry={addDays(engine.today, 1)}
            maxExpiry={addDays(engine.today, MAX_SUPPRESSION_DAYS)}
          />
        </section>
      )}
      <History history={history} />
    </>
  );
}

async function History({ history }: { history: ReturnType<typeof flagHistory> }) {
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
