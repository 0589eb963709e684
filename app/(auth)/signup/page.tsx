// Sign-up page; an invitation link passes its path along as the place to continue to.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "~/app/_lib/safe-redirect";
import { getSessionUser } from "~/server/features/accounts/session";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <>
      <h1>Create your account</h1>
      <p className="muted">
        {callbackUrl.startsWith("/invite/")
          ? "Create an account to accept your invitation."
          : "Start mapping your customers' journeys from real answers."}
      </p>
      <SignUpForm callbackUrl={callbackUrl} />
    </>
  );
}
