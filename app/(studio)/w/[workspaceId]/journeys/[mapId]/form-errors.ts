// Field errors from the shared zod schemas, keyed the way the editor's forms name their fields:
// the path joined with dots ("contactStrategy.businessCase", "kpis.0.name").
import type { ZodError } from "zod";

export type FieldErrors = Record<string, string[] | undefined>;

export function fieldErrorsOf(error: ZodError): FieldErrors {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export const allMessages = (errors: FieldErrors) => Object.values(errors).flat().join(" ");
