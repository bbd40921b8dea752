import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { chinaDateTime } from "@/lib/domain/china-time";
import { periodLabel } from "@/lib/domain/periods";
import { localeOrDefault, localName } from "@/lib/i18n/locale";
import { auditPage } from "@/lib/use-cases/audit/audit-page";
import { auditFilterValues, type AuditFilter } from "@/lib/validation/audit-filter";
import type { FormState } from "@/lib/validation/form-state";
import { AuditChanges } from "./_components/audit-changes";
import { AuditFilters } from "./_components/audit-filters";
import { messageKey } from "@/lib/i18n/translator";

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
  const values = auditFilterValues(await searchParams);
  const view = await pageData("/audit", auditPage, values);
  const { scope, filter, result } = view;
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  const provinceNames = new Map(view.provinces.map((p) => [p.code, localName(locale, p)]));
  const centres = view.centres.map((c) => ({ value: c.id, label: scope === "all" ? `${provinceNames.get(c.provinceCode)} · ${c.name}` : c.name }));
  const actors = view.actors.map((a) => ({ value: a.id, label: `${a.name} (${a.email})` }));
  const fieldErrors = Object.fromEntries(Object.entries(view.errors).map(([f, key]) => [f, t(t.has(messageKey(`validation.${key}`)) ? messageKey(`validation.${key}`) : "validation.invalid")]));
  // The page number has no field in the form, so its error joins the form's message.
  const message = [t("audit.invalidFilter"), fieldErrors.page && `${t("audit.page")}: ${fieldErrors.page}`].filter(Boolean).join(" ");
  const state: FormState = filter ? { status: "idle", values } : { status: "error", message, fieldErrors, values };
  const pages = result?.pages ?? 1;

  const label = (key: string, fallback: string) => (t.has(messageKey(key)) ? t(messageKey(key)) : fallback);
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p className="lead">
        {t("audit.lead")} {scope !== "all" && t("audit.leadProvince", { province: provinceNames.get(scope) ?? scope })}
      </p>
      <AuditFilters state={state} centres={centres} actors={actors} actions={view.actions} />
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
