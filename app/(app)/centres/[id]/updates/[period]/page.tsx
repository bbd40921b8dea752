import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { chinaDateTime, chinaToday } from "@/lib/domain/china-time";
import { getCalendar } from "@/db/calendars";
import { getCentre } from "@/db/centres";
import { getUser } from "@/db/users";
import { approvedMilestoneProgress, getUpdate, lastApprovedBefore } from "@/db/updates";
import { VALUE_FIELDS, type ValueField } from "@/lib/validation/update";
import { requireUser } from "@/lib/auth/current-user";
import { assertCanReadProvince } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { formatNumber, formatYuan } from "@/lib/domain/format";
import { dueDate, parsePeriod, periodLabel, periodRefusal } from "@/lib/domain/periods";
import { decide } from "@/lib/domain/update-workflow";
import { localeOrDefault } from "@/lib/i18n/locale";
import type { Locale } from "@/lib/domain/vocabulary";
import { UpdateForm } from "./_components/update-form";
import { ReviewPanel } from "./_components/review-panel";
import { EvidenceSection } from "./_components/evidence-section";
import { INDICATOR_GROUPS } from "./_components/indicator-fields";

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
  const user = await requireUser();
  const db = getDb();
  const centre = getCentre(db, id);
  const period = parsePeriod(periodCode);
  if (!centre || !period) notFound();
  assertCanReadProvince(user, centre.provinceCode, "/centres/[id]/updates/[period]", `${id}/${periodCode}`);
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());

  const update = getUpdate(db, id, periodCode);
  const previous = lastApprovedBefore(db, id, period.end);
  const previousProgress = new Map(previous ? getUpdate(db, id, previous.period)?.milestoneProgress.map((m) => [m.milestoneId, m.progress]) : []);
  const approved = approvedMilestoneProgress(db, id);
  const facts = update && { status: update.status, provinceCode: centre.provinceCode, submittedBy: update.submittedBy, editorIds: update.editorIds };
  const calendar = getCalendar(db, centre.provinceCode);
  // A new update only for a period that has begun, in the province's cadence, since reporting began.
  const refusal = update ? null : periodRefusal(period, calendar, chinaToday(), env.REPORTING_START);
  const canEdit = !refusal && decide("save", user, centre.provinceCode, facts).allowed;
  const canReviewNow = decide("return", user, centre.provinceCode, facts).allowed;
  const canApprove = decide("approve", user, centre.provinceCode, facts);
  const canReopen = decide("reopen", user, centre.provinceCode, facts).allowed;
  const nameOf = (userId: string | null) => (userId ? (getUser(db, userId)?.name ?? "—") : "—");
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
        {t("updates.dueOn", { date: dueDate(period, calendar), graceDays: calendar.graceDays })}
      </p>
      {done && (
        <p className="form-success" role="status">
          {t(`updates.done.${done}`)}
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
            {chinaDateTime(update.submittedAt)} · {nameOf(update.submittedBy)}
          </dd>
          {update.approvedAt && (
            <>
              <dt>{t("updates.approvedAt")}</dt>
              <dd data-testid="approved-stamp">
                {chinaDateTime(update.approvedAt)} · {nameOf(update.approvedBy)}
              </dd>
            </>
          )}
          {update.returnedAt && update.status === "returned" && (
            <>
              <dt>{t("updates.returnedAt")}</dt>
              <dd>
                {chinaDateTime(update.returnedAt)} · {nameOf(update.returnedBy)}
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
            approvedProgress: approved.get(m.id)?.progress ?? 0,
            progress: progressByMilestone.get(m.id)?.progress ?? approved.get(m.id)?.progress ?? 0,
            actualCompletionDate: progressByMilestone.get(m.id)?.actualCompletionDate ?? approved.get(m.id)?.actualCompletionDate ?? null,
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
                const before = previousProgress.get(m.id) ?? m.progress;
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
          maxMb={env.EVIDENCE_MAX_MB}
          milestones={centre.milestones.map((m) => ({ id: m.id, title: m.title }))}
          items={(update?.evidence ?? []).map((e) => ({ id: e.id, originalName: e.originalName, sizeBytes: e.sizeBytes, milestoneTitle: e.milestoneId ? (titleOf.get(e.milestoneId) ?? null) : null }))}
        />
      )}

      {update && canReviewNow && (
        <section aria-labelledby="review-heading">
          <h2 id="review-heading">{t("updates.review")}</h2>
          {!canApprove.allowed && <p className="notice">{t("errors.ownUpdate")}</p>}
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
