// JSON responses for route handlers (the public respondent endpoint and, later, the REST API
// v1): one error shape `{ error: { code, message, fieldErrors? } }`, statuses from the domain
// codes via httpStatusFor, and never a stack trace. Unexpected errors are logged here.
import { ZodError } from "zod";
import { genericFailureMessage, httpStatusFor } from "~/server/infra/error-codes";
import { DomainError } from "~/server/domain/errors";

export type FieldErrors = Record<string, string[]>;

export interface ErrorBody {
  error: { code: string; message: string; fieldErrors?: FieldErrors };
}

/** A refusal decided by the transport itself (size, media type, rate, malformed JSON). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

const baseHeaders = { "cache-control": "no-store" };

export function jsonResponse(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return Response.json(body, { status, headers: { ...baseHeaders, ...headers } });
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  options: { fieldErrors?: FieldErrors; headers?: Record<string, string> } = {},
): Response {
  const error: ErrorBody["error"] = { code, message };
  if (options.fieldErrors && Object.keys(options.fieldErrors).length > 0) {
    error.fieldErrors = options.fieldErrors;
  }
  return jsonResponse({ error } satisfies ErrorBody, status, options.headers);
}

const pathLabel = (path: PropertyKey[]): string =>
  path.length === 0 ? "" : `${path.map((p) => String(p)).join(".")}: `;

/** Readable messages for a schema refusal, keyed by the top-level field they concern. */
export function describeZodError(error: ZodError): { message: string; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  const lines: string[] = [];
  for (const issue of error.issues.slice(0, 20)) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : "_";
    (fieldErrors[key] ??= []).push(`${pathLabel(issue.path.slice(1))}${issue.message}`);
    lines.push(`${pathLabel(issue.path)}${issue.message}`);
  }
  const more = error.issues.length - lines.length;
  if (more > 0) lines.push(`(${more} more problems)`);
  return {
    message: lines.length > 0 ? lines.join("; ") : "The request is not valid.",
    fieldErrors,
  };
}

/** Turns anything thrown while handling a request into the JSON error response. */
export function responseForError(error: unknown, context: string): Response {
  if (error instanceof HttpError) {
    return errorResponse(error.status, error.code, error.message, { headers: error.headers });
  }
  if (error instanceof DomainError) {
    return errorResponse(httpStatusFor[error.code], error.code, error.message, {
      fieldErrors: error.fieldErrors,
    });
  }
  if (error instanceof ZodError) {
    const { message, fieldErrors } = describeZodError(error);
    return errorResponse(400, "BAD_REQUEST", message, { fieldErrors });
  }
  console.error(`${context} failed`, error);
  return errorResponse(500, "INTERNAL", genericFailureMessage);
}
