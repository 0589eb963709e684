// POST /api/v1/public/surveys/[slug]/responses: a respondent's browser saves its answers,
// partial while they go and complete at the end, idempotent on the id the browser generated and
// bound to the secret it sent with its first save.
// Transport only: limits, parsing and error shape here; the use case is services/responses.
import { z } from "zod";
import type { Db } from "~/server/db/client";
import { ZAnswerMap } from "~/server/domain/survey/answer-schema";
import { locales } from "~/server/domain/survey/definition";
import { limitCounters } from "~/server/infra/limits/limit-counters";
import { RESPONSE_SECRET_PATTERN } from "~/server/features/responses/response-secret";
import {
  saveResponse,
  type SaveLimit,
  type SaveResponseResult,
} from "~/server/features/responses/responses";
import { HttpError, jsonResponse, responseForError } from "./errors";
import { readJsonBody, requireJsonContentType } from "./read-json";
import { clientIp, RequestLimiter, tooManyRequests } from "./rate-limit";

export const PUBLIC_SUBMIT_MAX_BYTES = 64 * 1024;

export const ZResponseSecret = z
  .string()
  .regex(RESPONSE_SECRET_PATTERN, {
    error:
      "responseSecret must be 32 to 128 letters, digits, - or _ (e.g. 32 random bytes, base64url).",
  })
  .meta({
    description:
      "Binds a partial response to its client. Send a random secret with the first save (or " +
      "keep the one the first partial save returns) and the same secret with every later save " +
      "of that responseId; a partial response cannot be changed without it.",
  });

export const ZPublicSubmitInput = z
  .object({
    responseId: z.uuid({ error: "responseId must be a UUID, e.g. from crypto.randomUUID()." }),
    answers: ZAnswerMap,
    complete: z.boolean({ error: "complete must be true or false." }),
    locale: z.enum(locales, { error: 'locale must be "en" or "de".' }),
    responseSecret: ZResponseSecret.optional(),
    /** Honeypot: people never see this field; anything in it marks a bot. */
    website: z.string().max(2000).optional(),
  })
  .strict();
export type TPublicSubmitInput = z.infer<typeof ZPublicSubmitInput>;

export interface PublicSubmitDeps {
  limiter: RequestLimiter;
  now: () => Date;
}

/** 30 requests a minute per IP and survey: a respondent saves once a page, a script more. */
const defaultLimiter = new RequestLimiter({ limit: 30, windowMs: 60_000, scope: "submit" });

const slugPattern = /^[A-Za-z0-9_-]{1,100}$/;

/** The request's input, or the error to answer with (the 404, 400 and 413 of a bad request). */
async function parseSubmit(slug: string, request: Request): Promise<TPublicSubmitInput> {
  if (!slugPattern.test(slug)) {
    throw new HttpError(404, "NOT_FOUND", "This survey does not exist or is not open.");
  }
  requireJsonContentType(request);
  const body = await readJsonBody(request, { maxBytes: PUBLIC_SUBMIT_MAX_BYTES });
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new HttpError(400, "BAD_REQUEST", "The request body must be a JSON object.");
  }
  return ZPublicSubmitInput.parse(body);
}

export async function handlePublicSubmit(
  db: Db | Promise<Db>,
  request: Request,
  params: { slug: string },
  deps: Partial<PublicSubmitDeps> = {},
): Promise<Response> {
  const limiter = deps.limiter ?? defaultLimiter;
  const now = deps.now ?? (() => new Date());
  // Refusals before the database is needed must not leave its promise rejected unobserved.
  if (db instanceof Promise) db.catch(() => undefined);
  try {
    const database = await db;
    // The per-client limit counts every request once. A valid save counts it inside its own
    // write statement (one round trip); anything refused before that counts it here first, so a
    // client over its limit hears 429 whatever it sent.
    const key = `${clientIp(request.headers)} ${params.slug}`;
    const hit = limiter.pendingHit(key);
    const limit: SaveLimit = {
      folded: hit.folded,
      enforce: () => limiter.enforce(limitCounters(database), key),
      refuse: (counts) => {
        throw tooManyRequests(hit.waitMs(counts));
      },
    };
    let input: TPublicSubmitInput;
    try {
      input = await parseSubmit(params.slug, request);
    } catch (error) {
      await limit.enforce();
      throw error;
    }
    // Honeypot: a filled field marks a bot. It gets the very answer a person would (checked the
    // same way, same status and body), so it cannot tell; only nothing is stored.
    const isBot = input.website !== undefined && input.website.trim() !== "";
    const result = await saveResponse(
      database,
      {
        slug: params.slug,
        responseId: input.responseId,
        answers: input.answers,
        complete: input.complete,
        locale: input.locale,
        responseSecret: input.responseSecret,
        source: "WEB",
        dryRun: isBot,
      },
      now(),
      limit,
    );
    return jsonResponse(result satisfies SaveResponseResult, 200);
  } catch (error) {
    return responseForError(error, `POST /api/v1/public/surveys/${params.slug}/responses`);
  }
}
