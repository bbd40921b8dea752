import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { createSession, deleteSession } from "@/db/sessions";
import { findCredentialsByEmail } from "@/db/users";
import { env } from "@/lib/env";
import { loginSchema } from "@/lib/validation/user";
import { verifyPassword } from "./password";
import { checkSecondFactor } from "./second-factor";

const SESSION_MAX_AGE_MS = env.SESSION_MAX_AGE_HOURS * 3600 * 1000;

declare module "next-auth" {
  interface Session {
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
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
      async authorize(credentials) {
        const parsed = loginSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const account = findCredentialsByEmail(getDb(), parsed.data.email);
        // Unknown email and wrong password both do one hash verification and return the same null.
        const valid = await verifyPassword(account?.passwordHash, parsed.data.password);
        if (!account || !valid || !account.active) return null;
        if (!checkSecondFactor(account, parsed.data.code)) return null;
        return { id: account.id };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sessionId = createSession(getDb(), user.id, SESSION_MAX_AGE_MS);
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
