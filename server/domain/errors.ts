// Typed domain errors. Services throw these; server/infra/error-codes.ts maps each code to a tRPC and
// HTTP code in one place. Messages are written for the person who will read them.

export const domainErrorCodes = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "INVALID_INPUT",
  "RATE_LIMITED",
  "LAST_OWNER",
  "INVITATION_UNUSABLE",
  "SURVEY_CLOSED",
] as const;

export type DomainErrorCode = (typeof domainErrorCodes)[number];

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const fail = (
  code: DomainErrorCode,
  message: string,
  fieldErrors?: Record<string, string[]>,
): never => {
  throw new DomainError(code, message, fieldErrors);
};
