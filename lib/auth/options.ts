import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { createSession, deleteSession, type SessionTimeouts } from "@/db/sessions";
import { env } from "@/lib/env";
import { authCookies, isSecureOrigin } from "./cookies";
import { checkSecondFactor } from "./second-factor";
import { signInWithThrottle } from "./sign-in";
import { TOTP_REQUIRED } from "./two-factor";

const SESSION_MAX_AGE_MS = env.SESSION_MAX_AGE_HOURS * 3600 * 1000;
export const SESSION_TIMEOUTS: SessionTimeouts = { idleMs: env.SESSION_IDLE_MINUTES * 60_000 };
const SECURE_COOKIES = isSecureOrigin(env.NEXTAUTH_URL);

declare module "next-auth" {
  interface Session {
    sessionId?: string;
  }
  interface User {
    /** The server-side session row made at sign-in (db/sessions.ts). */
    sessionId?: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sessionId?: string;
  }
}

/**
 * Credentials sign-in with a server-side session row: the encrypted JWT cookie carries only the
 * session id, and every request looks the row up (see current-user.ts), so sign-out, deactivation
 * and role changes take effect on the next request.
 */
export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_MS / 1000 },
  useSecureCookies: SECURE_COOKIES,
  cookies: authCookies(SECURE_COOKIES),
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
      // Every failure (bad input, unknown email, wrong password or code, throttled, deactivated) is the same null.
      async authorize(credentials, req) {
        const result = await signInWithThrottle(getDb(), {
          credentials,
          headers: req?.headers,
          trustProxy: env.TRUST_PROXY === "1",
          addressMaxFailures: env.LOGIN_ADDRESS_MAX_FAILURES,
          secondFactor: checkSecondFactor,
        });
        // The right password of an account with an authenticator: the form asks for the code.
        if (result === "code_required") throw new Error(TOTP_REQUIRED);
        if (!result) return null;
        return { id: result.userId, sessionId: createSession(getDb(), result.userId, SESSION_MAX_AGE_MS, { address: result.address }) };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sessionId = user.sessionId;
        delete token.email;
        delete token.name;
        delete token.picture;
      }
      return token;
    },
    session({ session, token }) {
      return { expires: session.expires, sessionId: token.sessionId };
    },
  },
  events: {
    signOut({ token }) {
      if (token?.sessionId) deleteSession(getDb(), token.sessionId);
    },
  },
};
