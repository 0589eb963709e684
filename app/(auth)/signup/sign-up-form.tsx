// The sign-up form: creates the account, then signs in and continues.
"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { Field } from "~/app/_components/field";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import { ZSignUpInput } from "~/server/domain/account";
import { AuthForm, CredentialFields, withCallback, type AuthFieldErrors } from "../auth-form";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const signUp = useMutation(trpc.account.signUp.mutationOptions());
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<AuthFieldErrors>({});
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

  return (
    <AuthForm
      error={error}
      pending={pending}
      submitLabel="Create account"
      pendingLabel="Creating your account…"
      onSubmit={onSubmit}
      other={{
        question: "Already have an account?",
        linkLabel: "Sign in",
        href: withCallback("/signin", callbackUrl),
      }}
    >
      <Field id="name" label="Name" autoComplete="name" required errors={fieldErrors.name} />
      <CredentialFields errors={fieldErrors} newPassword />
    </AuthForm>
  );
}
