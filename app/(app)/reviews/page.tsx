import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { chinaDateTime } from "@/lib/domain/china-time";
import { periodLabel } from "@/lib/domain/periods";
import { localeOrDefault, localName } from "@/lib/i18n/locale";
import { reviewQueue } from "@/lib/use-cases/reviews/review-queue";

export async function generateMetadata() {
  return { title: (await getTranslations("reviews"))("title") };
}

export default async function ReviewsPage() {
  const { items: queue } = await pageData("/reviews", reviewQueue, {});
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
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
                <td>{item.province && localName(locale, item.province)}</td>
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
