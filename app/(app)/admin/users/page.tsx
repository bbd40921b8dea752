import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listProvinceOptions } from "@/db/provinces";
import { listUsers } from "@/db/users";
import { requireUser } from "@/lib/auth/current-user";
import { assertAdmin } from "@/lib/auth/guards";
import { localName } from "@/lib/i18n/locale";
import { DemoBadge } from "@/app/_components/demo-badge";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const user = await requireUser();
  assertAdmin(user, "/admin/users");
  const t = await getTranslations();
  const locale = await getLocale();
  const db = getDb();
  const provinceNames = new Map(listProvinceOptions(db).map((p) => [p.code, localName(locale, p)]));
  const users = listUsers(db);
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
