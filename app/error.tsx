"use client";

import { useTranslations } from "next-intl";

// Unexpected failures only; no stack trace or SQL reaches the user, just the digest to quote to support.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main className="page narrow">
      <h1>{t("unexpectedTitle")}</h1>
      <p>{t("unexpected")}</p>
      {error.digest && (
        <p className="muted">
          {t("reference")}: <code>{error.digest}</code>
        </p>
      )}
      <button type="button" onClick={reset}>
        {t("retry")}
      </button>
    </main>
  );
}
