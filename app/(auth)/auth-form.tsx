// What the sign-in and sign-up forms share: the form frame (failure alert, submit button, the link
// to the other form that keeps the place to continue to) and the email and password fields.
import Link from "next/link";
import type { FormEvent, ReactNode } from "react";
import { Field } from "~/app/_components/field";
import { FormAlert } from "~/app/_components/form-alert";

export type AuthFieldErrors = Record<string, string[] | undefined>;

/** `path` with the place to continue to after signing in, unless that is the home page. */
export const withCallback = (path: string, callbackUrl: string) =>
  callbackUrl === "/" ? path : `${path}?callbackUrl=${encodeURIComponent(callbackUrl)}`;

export function AuthForm({
  error,
  pending,
  submitLabel,
  pendingLabel,
  onSubmit,
  other,
  children,
}: {
  error: string | undefined;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void | Promise<void>;
  /** The line below the button pointing to the other form. */
  other: { question: string; linkLabel: string; href: string };
  children: ReactNode;
}) {
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormAlert message={error} />
      {children}
      <button className="button" type="submit" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
      <p className="auth-footer">
        {other.question} <Link href={other.href}>{other.linkLabel}</Link>
      </p>
    </form>
  );
}

export function CredentialFields({
  errors,
  newPassword,
}: {
  errors: AuthFieldErrors;
  /** Signing up: the browser offers a new password and the rule is shown. */
  newPassword?: boolean;
}) {
  return (
    <>
      <Field
        id="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        errors={errors.email}
      />
      <Field
        id="password"
        label="Password"
        type="password"
        autoComplete={newPassword ? "new-password" : "current-password"}
        hint={newPassword ? "At least 10 characters." : undefined}
        required
        errors={errors.password}
      />
    </>
  );
}
