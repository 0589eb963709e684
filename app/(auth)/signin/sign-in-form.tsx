// The sign-in form: email and password through next-auth's credentials provider.
"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { Field } from "~/app/_components/field";
import { FormAlert } from "~/app/_components/form-alert";
import { ZSignInInput } from "~/server/domain/account";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});

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

  const signUpHref =
    callbackUrl === "/" ? "/signup" : `/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`;

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormAlert message={error} />
      <Field
        id="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        errors={fieldErrors.email}
      />
      <Field
        id="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        errors={fieldErrors.password}
      />
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
      <p className="auth-footer">
        New to Persona Atlas? <Link href={signUpHref}>Create an account</Link>
      </p>
    </form>
  );
}
