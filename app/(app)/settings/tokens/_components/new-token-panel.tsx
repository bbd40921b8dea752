"use client";

import { useTranslations } from "next-intl";
import { useOneTimeSecret } from "@/app/(app)/_components/use-one-time-secret";

/**
 * The new secret, this once: it exists only in this component's props (the action's answer) and is
 * gone on reload. Focus moves here so a screen reader reads the warning with the token.
 */
export function NewTokenPanel({ token }: { token: string }) {
  const t = useTranslations("apiTokens");
  const { heading, copyStatus, copy } = useOneTimeSecret();

  return (
    <section className="notice" aria-labelledby="new-token-title" data-testid="new-token">
      <h2 id="new-token-title" ref={heading} tabIndex={-1}>
        {t("secretTitle")}
      </h2>
      <p>
        <strong>{t("secretWarning")}</strong>
      </p>
      <p>
        {/* One click selects the whole token; it breaks anywhere so it never widens the page. */}
        <code translate="no" style={{ userSelect: "all", wordBreak: "break-all" }}>
          {token}
        </code>
      </p>
      <div className="button-row">
        <button type="button" onClick={() => copy(token)}>
          {t("copy")}
        </button>
        <span aria-live="polite">{copyStatus && t(copyStatus)}</span>
      </div>
    </section>
  );
}
