// next-auth configuration: email + password (credentials) with signed JWT sessions in an
// httpOnly, sameSite=lax cookie. Built lazily so that `next build` never reads the secret file.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "~/server/db";
import { DomainError } from "~/server/domain/errors";
import { clientAddress } from "~/server/http/client-address";
import { createSignInLimiters } from "./rate-limit";
import { getAuthSecret } from "./secret";
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

export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
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
            const account = await attemptSignIn(await getDb(), limiters, {
              email: credentials?.email,
              password: credentials?.password,
              ip: clientIp(req.headers),
            });
            return account ? { id: account.id, email: account.email, name: account.name } : null;
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
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
  return options;
}
