// The signed-in user for the current request, read once per request (React cache). A session
// whose version no longer matches the user's (signed out, removed) counts as signed out.
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDb } from "~/server/db";
import { getAuthOptions } from "./options";
import { resolveSessionUser, type SessionUser } from "./session-user";

export type { SessionUser };

export const getSessionUser = cache(async (): Promise<SessionUser | null> =>
  resolveSessionUser(await getDb(), await getServerSession(getAuthOptions())),
);
