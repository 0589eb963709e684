// The one place where domain error codes become tRPC codes (and so HTTP statuses), and where
// unexpected errors are turned into a message without internals.
import { TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import { DomainError, type DomainErrorCode } from "~/server/domain/errors";

export const trpcCodeFor: Record<DomainErrorCode, TRPCError["code"]> = {
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  INVALID_INPUT: "BAD_REQUEST",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  LAST_OWNER: "PRECONDITION_FAILED",
  INVITATION_UNUSABLE: "NOT_FOUND",
  SURVEY_CLOSED: "PRECONDITION_FAILED",
};

export const httpStatusFor: Record<DomainErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_INPUT: 400,
  RATE_LIMITED: 429,
  LAST_OWNER: 412,
  INVITATION_UNUSABLE: 404,
  SURVEY_CLOSED: 410,
};

export const genericFailureMessage =
  "Something went wrong on our side. Nothing was changed; please try again.";

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: trpcCodeFor[error.code], message: error.message, cause: error });
}

/** Turns any failure into what a person sees: a message, field errors, and a domain code. */
export function describeFailure(error: TRPCError): {
  message: string;
  fieldErrors?: Record<string, string[]>;
  domainCode?: DomainErrorCode;
} {
  const cause = error.cause;
  if (cause instanceof ZodError) {
    const flat = z.flattenError(cause);
    const fieldErrors = flat.fieldErrors as Record<string, string[]>;
    const messages = [...flat.formErrors, ...Object.values(fieldErrors).flat()];
    return {
      message: messages.length > 0 ? messages.join(" ") : "Some of the input is not valid.",
      fieldErrors,
    };
  }
  if (cause instanceof DomainError) {
    return { message: cause.message, fieldErrors: cause.fieldErrors, domainCode: cause.code };
  }
  if (error.code === "INTERNAL_SERVER_ERROR") return { message: genericFailureMessage };
  return { message: error.message };
}
