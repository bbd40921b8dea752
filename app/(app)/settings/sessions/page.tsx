import { getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { getCurrentSessionId } from "@/lib/auth/current-user";
import { UNKNOWN_ADDRESS } from "@/lib/auth/client-address";
import { chinaDateTime } from "@/lib/domain/china-time";
import { env } from "@/lib/env";
import { sessionsPage } from "@/lib/use-cases/settings/sessions-page";
import { SignOutSessionsForm } from "./_components/sign-out-sessions-form";

export async function generateMetadata() {
  return { title: (await getTranslations("sessions"))("title") };
}

type Props = { searchParams: Promise<{ signedOut?: string }> };

/** Every signed-in user's own sessions. Session ids are bearer secrets: they never reach the page. */
export default async function SessionsPage({ searchParams }: Props) {
  const { sessions } = await pageData("/settings/sessions", sessionsPage, { sessionId: await getCurrentSessionId() });
  const t = await getTranslations("sessions");
  const signedOut = (await searchParams).signedOut === "1";
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro", { idle: env.SESSION_IDLE_MINUTES, hours: env.SESSION_MAX_AGE_HOURS })}</p>
      {signedOut && (
        <p className="form-success" role="status">
          {t("othersSignedOut")}
        </p>
      )}
      <h2 id="session-list-title">{t("listTitle")}</h2>
      <p className="muted small">{t("timesNote")}</p>
      <div className="table-scroll">
        <table className="data-table" aria-labelledby="session-list-title">
          <thead>
            <tr>
              <th scope="col">{t("columns.createdAt")}</th>
              <th scope="col">{t("columns.lastSeenAt")}</th>
              <th scope="col">{t("columns.address")}</th>
              <th scope="col">{t("columns.current")}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session, i) => (
              <tr key={i}>
                <td className="date">{chinaDateTime(session.createdAt)}</td>
                <td className="date">{chinaDateTime(session.lastSeenAt)}</td>
                <td>{session.address === UNKNOWN_ADDRESS ? t("unknownAddress") : session.address}</td>
                <td>{session.current ? t("thisSession") : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SignOutSessionsForm scope="others" />
      <SignOutSessionsForm scope="everywhere" />
    </>
  );
}
