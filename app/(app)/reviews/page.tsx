import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { chinaDateTime } from "@/lib/domain/china-time";
import { listProvinceOptions } from "@/db/provinces";
import { reviewQueue } from "@/db/updates";
import { requireUser } from "@/lib/auth/current-user";
import { assertCanReview } from "@/lib/auth/guards";
import { readableScope } from "@/lib/domain/permissions";
import { periodLabel } from "@/lib/domain/periods";
import { localeOrDefault, localName } from "@/lib/i18n/locale";

export async function generateMetadata() {
  return { title: (await getTranslations("reviews"))("title") };
}

export default async function ReviewsPage() {
  const user = await requireUser();
  assertCanReview(user, "/reviews");
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  const db = getDb();
  const names = new Map(listProvinceOptions(db).map((p) => [p.code, localName(locale, p)]));
  const queue = reviewQueue(db, readableScope(user));
  return (
    <>
      <h1>{t("reviews.title")}</h1>
      <p className="lead">{t("reviews.intro", { count: queue.length })}</p>
      {queue.length === 0 ? (
        <p className="empty">{t("reviews.empty")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("reviews.submittedAt")}</th>
              <th scope="col">{t("reviews.province")}</th>
              <th scope="col">{t("reviews.centre")}</th>
              <th scope="col">{t("reviews.period")}</th>
            </tr>
          </thead>
          <tbody>
            {queue.map((item) => (
              <tr key={item.id}>
                <td className="date">{item.submittedAt ? chinaDateTime(item.submittedAt) : "—"}</td>
                <td>{names.get(item.provinceCode)}</td>
                <td>{item.centreName}</td>
                <td>
                  <Link href={`/centres/${item.centreId}/updates/${item.period}`}>{periodLabel(item.period, locale)}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
