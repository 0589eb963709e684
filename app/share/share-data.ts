// Loads a shared persona set by its token for the share pages, or the sentence explaining why
// the link does not work (unknown, revoked, or the set is being revised).
import { attempt, serverApi } from "~/app/_lib/server-api";

export async function loadShared(token: string) {
  const api = await serverApi();
  return attempt(() => api.share.get({ token }));
}
