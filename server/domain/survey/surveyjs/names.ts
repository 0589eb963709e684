// Turning SurveyJS names and choice values into our question keys and option values, which
// allow fewer characters, without ever giving two things the same name.
import { ZOptionValue, ZQuestionKey } from "../definition";

const ascii = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss");

function unique(base: string, used: Set<string>, max: number): string {
  let candidate = base;
  for (let n = 2; used.has(candidate); n += 1) {
    const suffix = `_${n}`;
    candidate = `${base.slice(0, max - suffix.length)}${suffix}`;
  }
  used.add(candidate);
  return candidate;
}

/** A question key from a SurveyJS name: lowercase letters, digits and _, starting with a letter. */
export function questionKeyFor(name: string, used: Set<string>, fallback: string): string {
  const trimmed = name.trim();
  if (ZQuestionKey.safeParse(trimmed).success && !used.has(trimmed)) {
    used.add(trimmed);
    return trimmed;
  }
  let base = ascii(trimmed)
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!base) base = fallback;
  if (!/^[a-z]/.test(base)) base = `q_${base}`;
  return unique(base.slice(0, 64), used, 64);
}

/** An option value from a SurveyJS choice value: letters, digits, _ . - only. */
export function optionValueFor(value: string, used: Set<string>, fallback: string): string {
  const trimmed = value.trim();
  if (ZOptionValue.safeParse(trimmed).success && !used.has(trimmed)) {
    used.add(trimmed);
    return trimmed;
  }
  const base =
    ascii(trimmed)
      .replace(/[^A-Za-z0-9_.-]+/g, "_")
      .replace(/_+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 80) || fallback;
  return unique(base, used, 80);
}
