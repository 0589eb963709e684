// The per-response secret that binds a partial response to whoever started it. The respondent's
// page (or an API client) sends a random secret with its first save, or receives one the server
// made; only its SHA-256 is stored, and later partial saves and the completion of that id must
// present it. A plain hash suffices: the secret is 256 random bits, not a password.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Base64url or hex, long enough to be unguessable, short enough to be a field. */
export const RESPONSE_SECRET_PATTERN = /^[A-Za-z0-9_-]{32,128}$/;

export function newResponseSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function hashResponseSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** True when the response has no secret (stored before secrets existed) or the secret fits. */
export function secretMatches(storedHash: string | null, secret: string | undefined): boolean {
  if (storedHash === null) return true;
  if (secret === undefined) return false;
  const given = Buffer.from(hashResponseSecret(secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}
