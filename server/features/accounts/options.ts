// next-auth configuration: email + password (credentials) with signed JWT sessions in an
// httpOnly, sameSite=lax cookie. Built lazily so that `next build` never reads the secret file.
// Sessions carry the user's sessionVersion (see session-user.ts): signing out bumps it, which
// ends that cookie and every other one of the user's sessions.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "~/server/db";
import type { Db } from "~/server/db/client";
import { DomainError } from "~/server/domain/errors";
import { clientAddress } from "~/server/infra/client-address";
import { createSignInLimiters } from "./rate-limit";
import { getAuthSecret } from "./secret";
import { endAllSessions } from "~/server/features/accounts/accounts";
import type { SessionUserClaims } from "./session-user";
import { attemptSignIn } from "./sign-in";

const limiters = createSignInLimiters();
let options: NextAuthOptions | undefined;

/** next-auth hands the request headers over as a plain object. */
function clientIp(headers: Record<string, unknown> | undefined): string {
  return clientAddress({
    get: (name) => {
      const value = headers?.[name];
      return typeof value === "string" ? value : null;
    },
  });
}

const day = 24 * 60 * 60;

/** The options with their database; tests pass their own. */
export function buildAuthOptions(database: () => Promise<Db>, secret?: string): NextAuthOptions {
  return {
    secret,
    // A week without a visit ends a session; an active one is re-issued at most once a day.
    session: { strategy: "jwt", maxAge: 7 * day, updateAge: day },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          try {
            const account = await attemptSignIn(await database(), limiters, {
              email: credentials?.email,
              password: credentials?.password,
              ip: clientIp(req.headers),
            });
            return account
              ? {
                  id: account.id,
                  email: account.email,
                  name: account.name,
                  sessionVersion: account.sessionVersion,
                }
              : null;
          } catch (error) {
            // next-auth passes an Error's message to the sign-in form; keep it human.
            if (error instanceof DomainError) throw new Error(error.message, { cause: error });
            console.error("sign-in failed", error);
            throw new Error("Signing in failed on our side. Try again in a moment.", {
              cause: error,
            });
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) {
          const claims = session.user as SessionUserClaims;
          claims.id = token.sub;
          if (typeof token.sessionVersion === "number") {
            claims.sessionVersion = token.sessionVersion;
          }
        }
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sub) await endAllSessions(await database(), token.sub);
      },
    },
  };
}

export function getAuthOptions(): NextAuthOptions {
  options ??= buildAuthOptions(getDb, getAuthSecret());
  return options;
}
