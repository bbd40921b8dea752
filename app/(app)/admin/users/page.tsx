import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { localName } from "@/lib/i18n/locale";
import { usersPage } from "@/lib/use-cases/admin/users-page";
import { DemoBadge } from "@/app/_components/demo-badge";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const { users, provinces } = await pageData("/admin/users", usersPage, {});
  const t = await getTranslations();
  const locale = await getLocale();
  const provinceNames = new Map(provinces.map((p) => [p.code, localName(locale, p)]));
  return (
    <>
      <div className="section-head">
        <h1>{t("users.title")}</h1>
        <Link className="button" href="/admin/users/new">
          {t("users.new")}
        </Link>
      </div>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("users.email")}</th>
            <th scope="col">{t("users.name")}</th>
            <th scope="col">{t("users.role")}</th>
            <th scope="col">{t("users.province")}</th>
            <th scope="col">{t("users.active")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className={u.active ? undefined : "inactive"}>
              <td>
                <Link href={`/admin/users/${u.id}`}>{u.email}</Link> <DemoBadge isDemo={u.isDemo} />
              </td>
              <td>{u.name}</td>
              <td>{t(`roles.${u.role}`)}</td>
              <td>{u.provinceCode ? provinceNames.get(u.provinceCode) : t("common.national")}</td>
              <td>{u.active ? t("users.isActive") : t("users.isInactive")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
