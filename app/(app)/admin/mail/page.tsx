import { getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { chinaDateTime } from "@/lib/domain/china-time";
import { RETRY_POLICY } from "@/lib/domain/mail-delivery";
import { env } from "@/lib/env";
import { mailPage } from "@/lib/use-cases/admin/mail-page";
import { RetryMailForm } from "./_components/retry-mail-form";

export async function generateMetadata() {
  return { title: (await getTranslations("reminders"))("admin.title") };
}

type Props = { searchParams: Promise<{ retried?: string }> };

/** Mail not yet delivered: waiting (with its failed attempts and next try) and given up, so no failure goes unseen. */
export default async function MailPage({ searchParams }: Props) {
  const { counts, rows } = await pageData("/admin/mail", mailPage, {});
  const t = await getTranslations("reminders.admin");
  const retried = (await searchParams).retried === "1";
  return (
    <>
      <h1 id="mail-title">{t("title")}</h1>
      <p className="lead">{t("lead", { attempts: RETRY_POLICY.maxAttempts })}</p>
      {!env.SMTP_URL && <p className="hint">{t("mailOff")}</p>}
      <p data-testid="mail-counts">{t("counts", { pending: counts.pending ?? 0, sent: counts.sent ?? 0, failed: counts.failed ?? 0 })}</p>
      {retried && (
        <p className="form-success" role="status">
          {t("retried")}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-labelledby="mail-title">
            <thead>
              <tr>
                <th scope="col">{t("columns.to")}</th>
                <th scope="col">{t("columns.subject")}</th>
                <th scope="col">{t("columns.status")}</th>
                <th scope="col">{t("columns.attempts")}</th>
                <th scope="col">{t("columns.nextAttempt")}</th>
                <th scope="col">{t("columns.lastError")}</th>
                <th scope="col">{t("columns.createdAt")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("retry")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.toAddress}</th>
                  <td>{row.subject}</td>
                  <td className="nowrap">
                    <span className="status">{t(`statuses.${row.status}`)}</span>
                  </td>
                  <td className="num">{row.attempts}</td>
                  <td className="date">{row.status === "pending" ? chinaDateTime(row.nextAttemptAt) : "—"}</td>
                  <td className="small">{row.lastError ?? "—"}</td>
                  <td className="date">{chinaDateTime(row.createdAt)}</td>
                  <td>{row.status === "failed" && <RetryMailForm id={row.id} to={row.toAddress} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
