// What every studio download route shares: the signed-in member behind the browser session, and
// a file answered as an attachment that is never cached.
import { getSessionUser } from "~/server/features/accounts/session";
import { getDb } from "~/server/db";
import { access } from "~/server/domain/workspace";
import { requireMembership } from "~/server/features/workspaces/access";

/** The database and the caller's membership, or null when nobody is signed in. */
export async function signedInActor(workspaceId: string) {
  const user = await getSessionUser();
  if (!user) return null;
  const db = await getDb();
  return { db, actor: await requireMembership(db, user.id, workspaceId, access.anyMember) };
}

export function attachment(
  body: BodyInit,
  file: { contentType: string; fileName: string },
): Response {
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "no-store",
    },
  });
}
