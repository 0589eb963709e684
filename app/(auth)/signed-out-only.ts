// The start of both auth pages: where to continue to afterwards (only a safe path inside the app),
// and signed-in visitors sent straight there.
import { redirect } from "next/navigation";
import { safeCallbackPath } from "~/app/_lib/safe-redirect";
import { getSessionUser } from "~/server/features/accounts/session";

export async function callbackForSignedOut(
  searchParams: Promise<Record<string, string | string[] | undefined>>,
): Promise<string> {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return callbackUrl;
}
