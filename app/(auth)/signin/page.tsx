// Sign-in page; signed-in visitors go straight on.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "~/app/_lib/safe-redirect";
import { getSessionUser } from "~/server/features/accounts/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <>
      <h1>Sign in</h1>
      <p className="muted">Welcome back. Sign in to your research workspace.</p>
      <SignInForm callbackUrl={callbackUrl} />
    </>
  );
}
