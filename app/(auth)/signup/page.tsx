// Sign-up page; an invitation link passes its path along as the place to continue to.
import type { Metadata } from "next";
import { callbackForSignedOut } from "../signed-out-only";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const callbackUrl = await callbackForSignedOut(searchParams);
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
