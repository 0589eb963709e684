// Text that people type and we store. PostgreSQL cannot store the NUL character (U+0000) in text
// or JSON, so a NUL that reached the database would fail there as a server error; refusing it
// with the other input checks makes it an ordinary 400 with a sentence saying what to fix.
import { z } from "zod";

export const NUL_MESSAGE =
  "Text cannot contain the invisible NUL character (U+0000). Remove it (it often comes from a copied file) and try again.";

const hasNoNul = (value: string): boolean => !value.includes("\u0000");

/** z.string() that refuses NUL; chain .trim(), .min(), .max() as usual. */
export const zText = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).refine(hasNoNul, { error: NUL_MESSAGE });

/** Whether any string inside a parsed JSON value (keys included) contains NUL. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return !hasNoNul(value);
  if (depth > 64 || typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return value.some((item) => containsNul(item, depth + 1));
  return Object.entries(value).some(
    ([key, item]) => !hasNoNul(key) || containsNul(item, depth + 1),
  );
}
