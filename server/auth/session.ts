// The signed-in user for the current request, read once per request (React cache).
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getAuthOptions } from "./options";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(getAuthOptions());
  const user = session?.user as { id?: string; email?: string | null; name?: string | null };
  if (!user?.id) return null;
  return { id: user.id, email: user.email ?? "", name: user.name ?? "" };
});
