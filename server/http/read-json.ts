// Reads a JSON request body with a byte limit that holds whatever the client claims: the
// Content-Length header is checked first, then the stream is counted as it arrives and
// abandoned as soon as it is too long, so an oversized body is never buffered whole.
import { containsNul, NUL_MESSAGE } from "~/server/domain/text";
import { HttpError } from "./errors";

export interface ReadJsonOptions {
  maxBytes: number;
}

const tooLarge = (maxBytes: number) =>
  new HttpError(
    413,
    "PAYLOAD_TOO_LARGE",
    `The request body is too large: at most ${Math.floor(maxBytes / 1024)} KB is accepted.`,
  );

/** Requires a JSON content type; browsers must then ask before posting across origins. */
export function requireJsonContentType(request: Request): void {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new HttpError(
      415,
      "UNSUPPORTED_MEDIA_TYPE",
      'Send the body as JSON with the header "Content-Type: application/json".',
    );
  }
}

export async function readJsonBody(request: Request, options: ReadJsonOptions): Promise<unknown> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > options.maxBytes) throw tooLarge(options.maxBytes);

  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > options.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(options.maxBytes);
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, "BAD_REQUEST", "The request body is not valid UTF-8 text.");
  }
  if (text.trim() === "") throw new HttpError(400, "BAD_REQUEST", "The request body is empty.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, "BAD_REQUEST", "The request body is not valid JSON.");
  }
  // PostgreSQL cannot store NUL anywhere; refuse it here for fields no schema checks for it.
  if (containsNul(parsed)) throw new HttpError(400, "BAD_REQUEST", NUL_MESSAGE);
  return parsed;
}
