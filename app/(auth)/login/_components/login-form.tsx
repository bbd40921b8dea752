"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";

// Must match TOTP_REQUIRED in lib/auth/two-factor.ts (a server module, so not imported here).
const TOTP_REQUIRED = "TOTP_REQUIRED";

/**
 * Two steps when the account uses two-factor sign-in: email and password first; when the server
 * answers TOTP_REQUIRED (the password was right), the code field appears and the same email and
 * password, kept in this component's state, are sent again with the code. A wrong code gets the same
 * message as a wrong password.
 */
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("login");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [credentials, setCredentials] = useState<{ email: string; password: string } | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (credentials) codeInput.current?.focus();
  }, [credentials]);

  function submit(formData: FormData) {
    startTransition(async () => {
      setError(null);
      const first = credentials ?? { email: String(formData.get("email") ?? ""), password: String(formData.get("password") ?? "") };
      const result = await signIn("credentials", { ...first, code: credentials ? String(formData.get("code") ?? "") : "", redirect: false });
      if (result?.error === TOTP_REQUIRED && !credentials) {
        setCredentials(first);
        return;
      }
      if (!result || result.error) {
        setError(t("failed"));
        if (codeInput.current) codeInput.current.value = "";
        return;
      }
      // A full navigation so every server component renders for the new session.
      window.location.assign(callbackUrl);
    });
  }

  function startOver() {
    setCredentials(null);
    setError(null);
  }

  return (
    <form action={submit} className="form login-form" aria-describedby={error ? "login-error" : undefined}>
      {credentials ? (
        <>
          <p role="status">{t("codePrompt")}</p>
          <div className="field">
            <label htmlFor="code">{t("code")}</label>
            <input
              id="code"
              ref={codeInput}
              name="code"
              type="text"
              inputMode="text"
              autoComplete="one-time-code"
              aria-describedby="code-hint"
              required
              maxLength={40}
            />
            <p id="code-hint" className="hint">
              {t("codeHint")}
            </p>
          </div>
        </>
      ) : (
        <>
          <div className="field">
            <label htmlFor="email">{t("email")}</label>
            <input id="email" name="email" type="email" autoComplete="username" required />
          </div>
          <div className="field">
            <label htmlFor="password">{t("password")}</label>
            <input id="password" name="password" type="password" autoComplete="current-password" required />
          </div>
        </>
      )}
      <div aria-live="polite">
        {error && (
          <p id="login-error" className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="primary" disabled={pending}>
        {pending ? t("signingIn") : t("submit")}
      </button>
      {credentials && (
        <button type="button" className="link-button" onClick={startOver}>
          {t("back")}
        </button>
      )}
    </form>
  );
}
