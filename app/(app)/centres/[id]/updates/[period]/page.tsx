import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { chinaDateTime } from "@/lib/domain/china-time";
import { VALUE_FIELDS, type ValueField } from "@/lib/validation/update";
import { pageData } from "@/lib/adapters/page";
import { formatNumber, formatYuan } from "@/lib/domain/format";
import { periodLabel } from "@/lib/domain/periods";
import { localeOrDefault } from "@/lib/i18n/locale";
import type { Locale } from "@/lib/domain/vocabulary";
import { updatePage } from "@/lib/use-cases/updates/update-page";
import { UpdateForm } from "./_components/update-form";
import { ReviewPanel } from "./_components/review-panel";
import { EvidenceSection } from "./_components/evidence-section";
import { INDICATOR_GROUPS } from "./_components/indicator-fields";
import { messageKey } from "@/lib/i18n/translator";

type Props = { params: Promise<{ id: string; period: string }>; searchParams: Promise<{ done?: string }> };

const YUAN_FIELDS = new Set<ValueField>(INDICATOR_GROUPS.flatMap((g) => g.fields).filter((f) => f.kind === "yuan").map((f) => f.name));

function display(field: ValueField, value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "number") return YUAN_FIELDS.has(field) ? formatYuan(value, locale) : formatNumber(value, locale);
  return String(value);
}

export default async function UpdatePage({ params, searchParams }: Props) {
  const { id, period: periodCode } = await params;
  const { done } = await searchParams;
  const data = await pageData("/centres/[id]/updates/[period]", updatePage, { centreId: id, period: periodCode });
  const { centre, update, previous, previousProgress, approved, refusal, canEdit, canReview: canReviewNow, canApprove, canReopen, names } = data;
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  const progressByMilestone = new Map(update?.milestoneProgress.map((m) => [m.milestoneId, m]) ?? []);
  const titleOf = new Map(centre.milestones.map((m) => [m.id, m.title]));

  return (
    <>
      <p className="breadcrumb">
        <Link href={`/centres/${id}`}>{centre.name}</Link> /
      </p>
      <h1>
        {t("updates.title", { period: periodLabel(periodCode, locale) })}{" "}
        <span className={`badge status-badge status-${update?.status ?? "none"}`}>{t(`updateStatuses.${update?.status ?? "none"}`)}</span>
      </h1>
      <p className="lead">
        {t("updates.dueOn", { date: data.dueDate, graceDays: data.graceDays })}
      </p>
      {done && (
        <p className="form-success" role="status">
          {t(messageKey(`updates.done.${done}`))}
        </p>
      )}
      {update?.returnReason && update.status === "returned" && (
        <div className="notice" role="note">
          <strong>{t("updates.returnedBecause")}</strong> {update.returnReason}
        </div>
      )}
      {update?.submittedAt && (
        <dl className="details stamps">
          <dt>{t("updates.submittedAt")}</dt>
          <dd>
            {chinaDateTime(update.submittedAt)} · {names.submittedBy}
          </dd>
          {update.approvedAt && (
            <>
              <dt>{t("updates.approvedAt")}</dt>
              <dd data-testid="approved-stamp">
                {chinaDateTime(update.approvedAt)} · {names.approvedBy}
              </dd>
            </>
          )}
          {update.returnedAt && update.status === "returned" && (
            <>
              <dt>{t("updates.returnedAt")}</dt>
              <dd>
                {chinaDateTime(update.returnedAt)} · {names.returnedBy}
              </dd>
            </>
          )}
        </dl>
      )}

      {canEdit ? (
        <UpdateForm
          centreId={id}
          period={periodCode}
          version={update?.version ?? 0}
          initial={Object.fromEntries(VALUE_FIELDS.map((f) => [f, update?.[f] == null ? "" : String(update[f])]))}
          lastApproved={previous ? Object.fromEntries(VALUE_FIELDS.map((f) => [f, previous[f] == null ? "" : display(f, previous[f], locale)])) : null}
          milestones={centre.milestones.map((m) => ({
            id: m.id,
            title: m.title,
            evidenceRequired: m.evidenceRequired,
            approvedProgress: approved[m.id]?.progress ?? 0,
            progress: progressByMilestone.get(m.id)?.progress ?? approved[m.id]?.progress ?? 0,
            actualCompletionDate: progressByMilestone.get(m.id)?.actualCompletionDate ?? approved[m.id]?.actualCompletionDate ?? null,
          }))}
        />
      ) : update ? (
        <section aria-labelledby="values-heading">
          <h2 id="values-heading">{t("updates.values")}</h2>
          <table className="data-table comparison">
            <thead>
              <tr>
                <th scope="col">{t("updates.item")}</th>
                <th scope="col">{t("updates.previousColumn")}</th>
                <th scope="col">{t("updates.thisColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {centre.milestones.map((m) => {
                const now = progressByMilestone.get(m.id)?.progress;
                // Before the first approval, the progress recorded when the milestone was registered.
                const before = previousProgress[m.id] ?? m.progress;
                return (
                  <tr key={m.id} className={now !== undefined && before !== undefined && now !== before ? "changed" : undefined}>
                    <th scope="row">{m.title}</th>
                    <td className="num">{before}%</td>
                    <td className="num">{now === undefined ? "—" : `${now}%`}</td>
                  </tr>
                );
              })}
              {INDICATOR_GROUPS.flatMap((g) => g.fields).map((f) => {
                const before = previous ? display(f.name, previous[f.name], locale) : "—";
                const now = display(f.name, update[f.name], locale);
                return (
                  <tr key={f.name} className={before !== now ? "changed" : undefined}>
                    <th scope="row">{t(`updates.fields.${f.name}`)}</th>
                    <td className="num">{before}</td>
                    <td className="num">{now}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {update.narrative && (
            <p>
              <strong>{t("updates.fields.narrative")}:</strong> {update.narrative}
            </p>
          )}
          {update.correctionReason && (
            <p>
              <strong>{t("updates.fields.correctionReason")}:</strong> {update.correctionReason}
            </p>
          )}
        </section>
      ) : (
        <p className="empty">{refusal ? t(`errors.${refusal}`) : t("updates.notStarted")}</p>
      )}

      {(update || canEdit) && (
        <EvidenceSection
          updateId={update?.id ?? null}
          editable={canEdit}
          maxMb={data.evidenceMaxMb}
          milestones={centre.milestones.map((m) => ({ id: m.id, title: m.title }))}
          items={(update?.evidence ?? []).map((e) => ({ id: e.id, originalName: e.originalName, sizeBytes: e.sizeBytes, milestoneTitle: e.milestoneId ? (titleOf.get(e.milestoneId) ?? null) : null }))}
        />
      )}

      {update && canReviewNow && (
        <section aria-labelledby="review-heading">
          <h2 id="review-heading">{t("updates.review")}</h2>
          {!canApprove && <p className="notice">{t("errors.ownUpdate")}</p>}
          <ReviewPanel updateId={update.id} version={update.version} mode="review" />
        </section>
      )}
      {update && canReopen && (
        <section aria-labelledby="reopen-heading">
          <h2 id="reopen-heading">{t("updates.reopenTitle")}</h2>
          <ReviewPanel updateId={update.id} version={update.version} mode="reopen" />
        </section>
      )}
    </>
  );
}
