// Sign-in page; signed-in visitors go straight on.
import type { Metadata } from "next";
import { callbackForSignedOut } from "../signed-out-only";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const callbackUrl = await callbackForSignedOut(searchParams);
  return (
    <>
      <h1>Sign in</h1>
      <p className="muted">Welcome back. Sign in to your research workspace.</p>
      <SignInForm callbackUrl={callbackUrl} />
    </>
  );
}
