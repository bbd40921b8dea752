import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { chinaDateTime } from "@/lib/domain/china-time";
import { tokensPage } from "@/lib/use-cases/settings/tokens-page";
import { CreateTokenForm } from "./_components/create-token-form";
import { RevokeTokenForm } from "./_components/revoke-token-form";
import { tokenState } from "./_components/token-state";

export async function generateMetadata() {
  return { title: (await getTranslations("apiTokens"))("title") };
}

type Props = { searchParams: Promise<{ revoked?: string }> };

/** Every signed-in user's own tokens: nobody sees or revokes anyone else's here. */
export default async function ApiTokensPage({ searchParams }: Props) {
  const { today, maxExpiry, tokens } = await pageData("/settings/tokens", tokensPage, {});
  const t = await getTranslations();
  const revoked = (await searchParams).revoked === "1";
  return (
    <>
      <h1>{t("apiTokens.title")}</h1>
      <p className="lead">{t("apiTokens.intro")}</p>
      <p>
        <Link href="/api-docs">{t("apiTokens.docsLink")}</Link>
      </p>

      <h2 id="create-token-title">{t("apiTokens.createTitle")}</h2>
      <CreateTokenForm minExpiry={today} maxExpiry={maxExpiry} />

      <h2 id="token-list-title">{t("apiTokens.listTitle")}</h2>
      {revoked && (
        <p className="form-success" role="status">
          {t("apiTokens.revoked")}
        </p>
      )}
      {tokens.length === 0 ? (
        <p className="empty">{t("apiTokens.empty")}</p>
      ) : (
        <>
          <p className="muted small">{t("apiTokens.timesNote")}</p>
          <div className="table-scroll">
            <table className="data-table" aria-labelledby="token-list-title">
              <thead>
                <tr>
                  <th scope="col">{t("apiTokens.columns.name")}</th>
                  <th scope="col">{t("apiTokens.columns.createdAt")}</th>
                  <th scope="col">{t("apiTokens.columns.lastUsedAt")}</th>
                  <th scope="col">{t("apiTokens.columns.expiresOn")}</th>
                  <th scope="col">{t("apiTokens.columns.state")}</th>
                  <th scope="col">{t("common.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => {
                  const state = tokenState(token, today);
                  return (
                    <tr key={token.id} className={state === "active" ? undefined : "inactive"}>
                      <th scope="row">{token.name}</th>
                      <td className="date">{chinaDateTime(token.createdAt)}</td>
                      <td className="date">{token.lastUsedAt ? chinaDateTime(token.lastUsedAt) : t("apiTokens.never")}</td>
                      <td className="date">{token.expiresOn ?? t("apiTokens.noExpiry")}</td>
                      <td>
                        <span className="status">{t(`apiTokens.states.${state}`)}</span>
                        {token.revokedAt && <div className="muted small">{t("apiTokens.revokedAt", { time: chinaDateTime(token.revokedAt) })}</div>}
                      </td>
                      <td>{token.revokedAt === null && <RevokeTokenForm id={token.id} name={token.name} />}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
