"use client";

import { useTranslations } from "next-intl";
import { useOneTimeSecret } from "@/app/(app)/_components/use-one-time-secret";

/**
 * New recovery codes, this once: they exist only in this component's props (the action's answer) and
 * are gone on reload. Focus moves here so a screen reader reads the warning with the codes.
 */
export function RecoveryCodesPanel({ codes }: { codes: string[] }) {
  const t = useTranslations("twoFactor");
  const { heading, copyStatus, copy } = useOneTimeSecret();

  return (
    <section className="notice" aria-labelledby="recovery-codes-title" data-testid="recovery-codes">
      <h2 id="recovery-codes-title" ref={heading} tabIndex={-1}>
        {t("recoveryTitle")}
      </h2>
      <p>
        <strong>{t("recoveryWarning")}</strong>
      </p>
      <ol translate="no" className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button type="button" onClick={() => copy(codes.join("\n"))}>
          {t("copy")}
        </button>
        <span aria-live="polite">{copyStatus && t(copyStatus)}</span>
      </div>
      <p>
        {/* A full navigation, so the frame (with its menu) is drawn again for a user who was limited to enrolment. */}
        <button type="button" className="primary" onClick={() => window.location.assign(new URL("/", window.location.origin))}>
          {t("continue")}
        </button>
      </p>
    </section>
  );
}
