import type { CookiesOptions } from "next-auth";

// next-auth's cookies. Over HTTPS they take the __Host- prefix, which the browser only accepts with
// Secure, Path=/ and no Domain: no subdomain and no plain-http page can plant or read them. Over
// plain http (development, the e2e server on localhost) a browser refuses Secure cookies, so the
// names and flags stay plain there. All are HttpOnly and SameSite=Lax.

const NAMES = { sessionToken: "next-auth.session-token", callbackUrl: "next-auth.callback-url", csrfToken: "next-auth.csrf-token" } as const;

/** Whether the app is served over HTTPS, judged from its public address (NEXTAUTH_URL). */
export function isSecureOrigin(publicUrl: string | undefined): boolean {
  return publicUrl?.startsWith("https://") ?? false;
}

export function authCookies(secure: boolean): Pick<CookiesOptions, keyof typeof NAMES> {
  const prefix = secure ? "__Host-" : "";
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  return {
    sessionToken: { name: `${prefix}${NAMES.sessionToken}`, options },
    callbackUrl: { name: `${prefix}${NAMES.callbackUrl}`, options },
    csrfToken: { name: `${prefix}${NAMES.csrfToken}`, options },
  };
}

/** The session cookie under either setting, for code that only asks whether one is present (proxy.ts). */
export const SESSION_COOKIE_NAMES = [authCookies(false).sessionToken.name, authCookies(true).sessionToken.name] as const;
