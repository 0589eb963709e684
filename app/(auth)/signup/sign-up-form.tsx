// The sign-up form: creates the account, then signs in and continues.
"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { Field } from "~/app/_components/field";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import { ZSignUpInput } from "~/server/domain/account";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const signUp = useMutation(trpc.account.signUp.mutationOptions());
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});
  const [signingIn, setSigningIn] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = ZSignUpInput.safeParse({
      name: form.get("name"),
      email: form.get("email"),
      password: form.get("password"),
    });
    if (!parsed.success) {
      setFieldErrors(z.flattenError(parsed.error).fieldErrors);
      setError("Please correct the highlighted fields.");
      return;
    }
    setFieldErrors({});
    setError(undefined);
    try {
      await signUp.mutateAsync(parsed.data);
    } catch (failure) {
      const view = readFailure(failure);
      setError(view.message);
      setFieldErrors(view.fieldErrors);
      return;
    }
    setSigningIn(true);
    const result = await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirect: false,
    });
    if (!result || result.error) {
      setSigningIn(false);
      // Sign-up answers alike for new and taken emails, so this is also what someone sees who
      // already had an account with a different password.
      setError(
        "We could not sign you in with these details. If you already have an account with this email, sign in with its password.",
      );
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  const pending = signUp.isPending || signingIn;
  const signInHref =
    callbackUrl === "/" ? "/signin" : `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`;

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormAlert message={error} />
      <Field id="name" label="Name" autoComplete="name" required errors={fieldErrors.name} />
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
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        errors={fieldErrors.password}
      />
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
      <p className="auth-footer">
        Already have an account? <Link href={signInHref}>Sign in</Link>
      </p>
    </form>
  );
}
