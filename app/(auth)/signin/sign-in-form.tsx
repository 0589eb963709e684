// The sign-in form: email and password through next-auth's credentials provider.
"use client";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { ZSignInInput } from "~/server/domain/account";
import { AuthForm, CredentialFields, withCallback, type AuthFieldErrors } from "../auth-form";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<AuthFieldErrors>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = ZSignInInput.safeParse({
      email: form.get("email"),
      password: form.get("password"),
    });
    if (!parsed.success) {
      setFieldErrors(z.flattenError(parsed.error).fieldErrors);
      setError(undefined);
      return;
    }
    setFieldErrors({});
    setPending(true);
    setError(undefined);
    try {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (!result || result.error) {
        setError(
          !result || result.error === "CredentialsSignin"
            ? "That email and password do not match an account."
            : (result.error ?? undefined),
        );
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setError("We could not reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <AuthForm
      error={error}
      pending={pending}
      submitLabel="Sign in"
      pendingLabel="Signing in…"
      onSubmit={onSubmit}
      other={{
        question: "New to Persona Atlas?",
        linkLabel: "Create an account",
        href: withCallback("/signup", callbackUrl),
      }}
    >
      <CredentialFields errors={fieldErrors} />
    </AuthForm>
  );
}
