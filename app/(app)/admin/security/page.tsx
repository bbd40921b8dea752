import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { chinaDateTime } from "@/lib/domain/china-time";
import { securityPage } from "@/lib/use-cases/admin/security-page";
import { securityFilterValues, type SecurityFilter } from "@/lib/validation/security-filter";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations("security"))("title") };
}

function pageHref(filter: SecurityFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.user) params.set("user", filter.user);
  if (filter.route) params.set("route", filter.route);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/security?${query}` : "/admin/security";
}

/** Refused authorizations, newest first: who asked for what, where, and why it was refused. Administrators only. */
export default async function SecurityPage({ searchParams }: Props) {
  const { users, routes, filter, invalidFilter, total, pages, rows } = await pageData("/admin/security", securityPage, securityFilterValues(await searchParams));
  const t = await getTranslations("security");
  return (
    <>
      <h1 id="security-title">{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <form method="get" className="filters" aria-label={t("filter")}>
        <label>
          {t("user")}
          <select name="user" defaultValue={filter.user ?? ""}>
            <option value="">{t("any")}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>{`${u.name} (${u.email})`}</option>
            ))}
          </select>
        </label>
        <label>
          {t("route")}
          <select name="route" defaultValue={filter.route ?? ""}>
            <option value="">{t("any")}</option>
            {routes.map((r) => (
              <option key={r} value={r}>{r}</option>
            ))}
          </select>
        </label>
        <button type="submit">{t("apply")}</button>
      </form>
      {invalidFilter && (
        <p className="form-error" role="alert">
          {t("invalidFilter")}
        </p>
      )}
      <p aria-live="polite">{t("summary", { total, page: filter.page, pages })}</p>
      {rows.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-labelledby="security-title" data-testid="security-table">
            <thead>
              <tr>
                <th scope="col">{t("at")}</th>
                <th scope="col">{t("user")}</th>
                <th scope="col">{t("route")}</th>
                <th scope="col">{t("target")}</th>
                <th scope="col">{t("reason")}</th>
                <th scope="col">{t("address")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className="date">
                    <time dateTime={row.at}>{chinaDateTime(row.at)}</time>
                  </td>
                  <td>
                    {row.userName ? (
                      <>
                        {row.userName}
                        <br />
                        <span className="muted small">{row.userEmail}</span>
                      </>
                    ) : (
                      t("signedOut")
                    )}
                  </td>
                  <td>
                    {row.method && <span className="muted small">{row.method} </span>}
                    <code>{row.route}</code>
                  </td>
                  <td>{row.target ? <code>{row.target}</code> : "—"}</td>
                  <td>
                    <code>{row.reason}</code>
                  </td>
                  <td className="small">{row.address ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(pages > 1 || filter.page > 1) && (
        <nav aria-label={t("pagination")} className="filters">
          {filter.page > 1 && <Link href={pageHref(filter, Math.min(filter.page - 1, pages))}>{t("previous")}</Link>}
          {filter.page < pages && <Link href={pageHref(filter, filter.page + 1)}>{t("next")}</Link>}
        </nav>
      )}
    </>
  );
}
