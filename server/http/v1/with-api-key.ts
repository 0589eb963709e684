// Every API-key route handler runs through here: read `Authorization: Bearer <key>`, resolve
// the key to its workspace, count the request against the key's rate limit, run the operation,
// and turn any failure into the JSON error body (server/http/errors.ts). A 401 also says, in
// WWW-Authenticate, how to authenticate; a 429 says in Retry-After when to try again.
import type { Db } from "~/server/db/client";
import { authenticateApiKey, type ApiKeyPrincipal } from "~/server/features/api-keys/api-keys";
import { limitCounters } from "~/server/infra/limits/limit-counters";
import { config, type Env } from "~/server/infra/config";
import { HttpError, responseForError } from "../errors";
import { RequestLimiter } from "../rate-limit";

export const API_KEY_CHALLENGE = 'Bearer realm="Persona Atlas API"';

/** The bearer token of a request; a missing or non-bearer header is a 401. */
export function bearerToken(headers: Headers): string {
  const header = headers.get("authorization")?.trim() ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) {
    throw new HttpError(
      401,
      "UNAUTHENTICATED",
      "Send an API key in the header “Authorization: Bearer pa_…”. Workspace owners create keys under Settings · API keys.",
    );
  }
  return match[1];
}

/**
 * Requests one API key may make per minute (default 1,200): API_RATE_LIMIT_PER_MINUTE, a whole
 * number from 1 to 1,000,000; anything else falls back to the default.
 */
export function apiKeyRequestsPerMinute(env?: Env): number {
  return config(env).apiRequestsPerMinute;
}

const defaultKeyLimiter = new RequestLimiter({
  limit: apiKeyRequestsPerMinute(),
  windowMs: 60_000,
  scope: "api-key",
});

export interface ApiKeyDeps {
  /** Counts requests per key; tests and the ingest benchmark pass their own. */
  keyLimiter?: RequestLimiter;
}

export async function withApiKey(
  db: Db | Promise<Db>,
  request: Request,
  operation: string,
  run: (db: Db, principal: ApiKeyPrincipal) => Promise<Response>,
  { keyLimiter = defaultKeyLimiter }: ApiKeyDeps = {},
): Promise<Response> {
  // Refusals before the database is needed must not leave its promise rejected unobserved.
  if (db instanceof Promise) db.catch(() => undefined);
  try {
    const token = bearerToken(request.headers);
    const database = await db;
    const principal = await authenticateApiKey(database, token);
    await keyLimiter.enforce(limitCounters(database), principal.keyId);
    return await run(database, principal);
  } catch (error) {
    const response = responseForError(error, operation);
    if (response.status === 401) response.headers.set("www-authenticate", API_KEY_CHALLENGE);
    return response;
  }
}
