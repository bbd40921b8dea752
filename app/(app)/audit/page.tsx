import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listAuditActors, listAuditEntries } from "@/db/audit-log";
import { listCentresInScope } from "@/db/centres";
import { listProvinceOptions } from "@/db/provinces";
import { requireUser } from "@/lib/auth/current-user";
import { assertCanReadAudit } from "@/lib/auth/guards";
import { chinaDateTime } from "@/lib/domain/china-time";
import { periodLabel } from "@/lib/domain/periods";
import { readableScope } from "@/lib/domain/permissions";
import { localeOrDefault, localName } from "@/lib/i18n/locale";
import { auditFilterSchema, auditFilterValues, type AuditFilter } from "@/lib/validation/audit-filter";
import { fieldErrorKeys, type FormState } from "@/lib/validation/form-state";
import { AuditChanges } from "./_components/audit-changes";
import { AuditFilters } from "./_components/audit-filters";

const PAGE_SIZE = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations("audit"))("title") };
}

/** The address of another page of the same filtered view. */
function pageHref(filter: AuditFilter, page: number): string {
  const { page: _current, ...fields } = filter;
  const params = new URLSearchParams(Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === "string"));
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/audit?${query}` : "/audit";
}

export default async function AuditPage({ searchParams }: Props) {
  const user = await requireUser();
  assertCanReadAudit(user, "/audit");
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  const db = getDb();
  const scope = readableScope(user);
  const provinceNames = new Map(listProvinceOptions(db).map((p) => [p.code, localName(locale, p)]));
  // Choices come from the reader's scope only, so the selects reveal nothing outside it.
  const centres = listCentresInScope(db, scope).map((c) => ({ value: c.id, label: scope === "all" ? `${provinceNames.get(c.provinceCode)} · ${c.name}` : c.name }));
  const actors = listAuditActors(db, scope).map((a) => ({ value: a.id, label: `${a.name} (${a.email})` }));

  const values = auditFilterValues(await searchParams);
  const parsed = auditFilterSchema.safeParse(values);
  const errors = parsed.success ? {} : fieldErrorKeys(parsed.error.issues);
  // An id outside the lists would filter by something the select cannot show.
  if (parsed.success && parsed.data.centre && !centres.some((c) => c.value === parsed.data.centre)) errors.centre = "invalid";
  if (parsed.success && parsed.data.user && !actors.some((a) => a.value === parsed.data.user)) errors.user = "invalid";
  const filter = parsed.success && Object.keys(errors).length === 0 ? parsed.data : undefined;
  const fieldErrors = Object.fromEntries(Object.entries(errors).map(([f, key]) => [f, t(t.has(`validation.${key}`) ? `validation.${key}` : "validation.invalid")]));
  // The page number has no field in the form, so its error joins the form's message.
  const message = [t("audit.invalidFilter"), fieldErrors.page && `${t("audit.page")}: ${fieldErrors.page}`].filter(Boolean).join(" ");
  const state: FormState = filter ? { status: "idle", values } : { status: "error", message, fieldErrors, values };
  const result = filter
    ? listAuditEntries(db, { scope, centreId: filter.centre, userId: filter.user, action: filter.action, from: filter.from, to: filter.to, page: filter.page, pageSize: PAGE_SIZE })
    : undefined;
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;

  const label = (key: string, fallback: string) => (t.has(key) ? t(key) : fallback);
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p className="lead">
        {t("audit.lead")} {scope !== "all" && t("audit.leadProvince", { province: provinceNames.get(scope) ?? scope })}
      </p>
      <AuditFilters state={state} centres={centres} actors={actors} />
      {filter && result && (
        <>
          <p aria-live="polite">{t("audit.summary", { total: result.total, page: filter.page, pages })}</p>
          {result.rows.length === 0 ? (
            <p className="empty">{t("audit.noEntries")}</p>
          ) : (
            <table className="data-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">{t("audit.at")}</th>
                  <th scope="col">{t("audit.user")}</th>
                  <th scope="col">{t("audit.subject")}</th>
                  <th scope="col">{t("audit.action")}</th>
                  <th scope="col">{t("audit.changes")}</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row) => (
                  <tr key={row.id}>
                    <td className="date">
                      <time dateTime={row.at}>{chinaDateTime(row.at)}</time>
                    </td>
                    <td>
                      {"userId" in row.actor ? (
                        <>
                          {row.actor.name}
                          <br />
                          <span className="muted small">{row.actor.email}</span>
                        </>
                      ) : (
                        t("audit.process", { label: row.actor.label })
                      )}
                    </td>
                    <td>
                      {label(`audit.entities.${row.entity}`, row.entity)}
                      {row.entity === "reporting_calendar" && ` · ${provinceNames.get(row.entityId) ?? row.entityId}`}
                      {row.entity === "risk_threshold" && (
                        <>
                          {" · "}
                          <code>{row.entityId}</code>
                        </>
                      )}
                      {row.entity === "flag" && (
                        <>
                          {" · "}
                          <Link href={`/flags/${encodeURIComponent(row.entityId)}`}>{label(`risk.codes.${row.entityId.split("|")[0]}`, row.entityId)}</Link>
                        </>
                      )}
                      {row.subject && ` · ${row.entity === "update" ? periodLabel(row.subject, locale) : row.subject}`}
                      {row.centre && (
                        <>
                          <br />
                          <Link href={`/centres/${row.centre.id}`}>{row.centre.name}</Link>
                        </>
                      )}
                    </td>
                    <td className="nowrap">{label(`audit.actions.${row.action}`, row.action)}</td>
                    <td>
                      <AuditChanges before={row.before} after={row.after} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {(pages > 1 || filter.page > 1) && (
            <nav aria-label={t("audit.pagination")} className="filters">
              {filter.page > 1 && <Link href={pageHref(filter, Math.min(filter.page - 1, pages))}>{t("audit.previous")}</Link>}
              {filter.page < pages && <Link href={pageHref(filter, filter.page + 1)}>{t("audit.next")}</Link>}
            </nav>
          )}
        </>
      )}
    </>
  );
}
