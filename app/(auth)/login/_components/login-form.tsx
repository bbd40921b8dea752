"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("login");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(formData: FormData) {
    startTransition(async () => {
      setError(null);
      const result = await signIn("credentials", {
        email: formData.get("email"),
        password: formData.get("password"),
        redirect: false,
      });
      if (!result || result.error) {
        setError(t("failed"));
        return;
      }
      // A full navigation so every server component renders for the new session.
      window.location.assign(callbackUrl);
    });
  }

  return (
    <form action={submit} className="form login-form" aria-describedby={error ? "login-error" : undefined}>
      <div className="field">
        <label htmlFor="email">{t("email")}</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
      </div>
      <div className="field">
        <label htmlFor="password">{t("password")}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
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
    </form>
  );
}
