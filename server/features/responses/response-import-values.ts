// Reading one cell of a response CSV made elsewhere: whether it means "no answer" (NA, -, null
// and the words the researcher adds), which option a free-typed choice stands for (exact, by
// the mapping's recoding, or "the rest" option), a suggested option for variant spellings, and
// the words that say what a question allows, and numbers written with a decimal comma. Pure: no database, no clock.
import type { TQuestionDefinition } from "~/server/domain/survey/definition";
import { defaultMissingValues, type TImportMapping } from "~/server/domain/survey/response-import";
import { numericRange, textLimits } from "~/server/domain/survey/scales";

type Question = Pick<TQuestionDefinition, "key" | "type" | "options" | "settings">;
type MappingEntry = TImportMapping["questions"][number];

/** Trimmed, lower case, runs of white space as one space: how cells and names are compared. */
export const normal = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

/** Lower case, accents, spaces and punctuation dropped: "Male." and " male" both give "male". */
export const compact = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");

/** Which cells mean "not answered"; blank always does. */
export function missingValueTest(words: string[]): (cell: string) => boolean {
  const set = new Set(words.map(normal));
  return (cell) => {
    const text = normal(cell);
    return text === "" || set.has(text);
  };
}

const defaultWords = new Set(defaultMissingValues.map(normal));

/**
 * Whether one value of a choice cell is an answer. A missing-value word is not, with two
 * exceptions: the mapping recodes it to an option, or it is a default word that names an option
 * outright ("None" as an option of "Which did you use?"). A word the researcher added (such as
 * "Prefer not to say") is unanswered even where the survey offers it as an option: adding it
 * says so.
 */
export function isChoiceAnswer(
  q: Question,
  entry: MappingEntry,
  part: string,
  isMissing: (cell: string) => boolean,
): boolean {
  if (!isMissing(part)) return true;
  if (part.trim() === "") return false;
  const resolved = resolveChoice(q, entry, part);
  return resolved.how === "recoded" || (resolved.how === "exact" && defaultWords.has(normal(part)));
}

/** The option a text names outright: its stored value, or a label in either language. */
export function exactOption(q: Question, text: string): string | null {
  const t = normal(text);
  return (
    q.options.find((o) => o.value === text || String(o.source ?? "") === text)?.value ??
    q.options.find((o) =>
      [o.value, String(o.source ?? ""), o.label.en, o.label.de ?? ""].some(
        (l) => l !== "" && normal(l) === t,
      ),
    )?.value ??
    null
  );
}

export interface ResolvedChoice {
  option: string | null;
  how: "exact" | "recoded" | "other" | "missing" | "none";
}

/** Where one file value of a choice question goes under the mapping's recoding. */
export function resolveChoice(q: Question, entry: MappingEntry, text: string): ResolvedChoice {
  const exact = exactOption(q, text);
  if (exact !== null) return { option: exact, how: "exact" };
  const recode = entry.recode ?? {};
  const key = Object.hasOwn(recode, text) ? text : text.trim();
  if (Object.hasOwn(recode, key)) {
    const target = recode[key] ?? null;
    return target === null ? { option: null, how: "missing" } : { option: target, how: "recoded" };
  }
  if (entry.otherOption) return { option: entry.otherOption, how: "other" };
  return { option: null, how: "none" };
}

/** Edit distance, stopping early once it exceeds `limit`. */
function withinDistance(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return false;
    previous = current;
  }
  return (previous[b.length] ?? Infinity) <= limit;
}

const initials = (label: string) =>
  label
    .normalize("NFKD")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => w[0])
    .join("");

/**
 * The option a variant spelling most likely stands for: the same letters ("Male." -> Male), an
 * abbreviation that fits one option only ("M" -> Male when no other option starts with m), the
 * initials of a label ("NB" -> Non-binary) or a one-letter typo ("Femle"). Null when no
 * rule points at exactly one option: guessing between two would be worse than asking.
 */
export function suggestOption(q: Question, text: string): string | null {
  const wanted = compact(text);
  if (wanted === "") return null;
  const names = q.options.map((o) => ({
    value: o.value,
    forms: [o.value, String(o.source ?? ""), o.label.en, o.label.de ?? ""].filter(Boolean),
  }));
  const rules: ((form: string) => boolean)[] = [
    (form) => compact(form) === wanted,
    (form) => compact(form).startsWith(wanted),
    (form) => wanted.length >= 2 && initials(form) === wanted,
    (form) =>
      wanted.length >= 4 && withinDistance(compact(form), wanted, wanted.length >= 8 ? 2 : 1),
  ];
  for (const rule of rules) {
    const hits = names.filter((n) => n.forms.some(rule));
    if (hits.length === 1) return hits[0]?.value ?? null;
    if (hits.length > 1) return null;
  }
  return null;
}

/** "Websites (web), Dealers (dealer)": what a choice question accepts, shortened when long. */
export function describeOptions(q: Pick<Question, "options">, limit = 12): string {
  const names = q.options.map((o) =>
    normal(o.label.en) === normal(o.value) ? o.label.en : `${o.label.en} (${o.value})`,
  );
  const shown = names.slice(0, limit).join(", ");
  return names.length > limit ? `${shown} and ${names.length - limit} more` : shown;
}

/** What a numeric or text question accepts, in words. */
export function describeAllowed(q: Question): string {
  const range = numericRange(q);
  if (range) {
    const kind = range.integer ? "a whole number" : "a number";
    const { min, max } = range;
    if (Number.isFinite(min) && Number.isFinite(max)) return `${kind} from ${min} to ${max}`;
    if (Number.isFinite(min)) return `${kind} of ${min} or more`;
    if (Number.isFinite(max)) return `${kind} of ${max} or less`;
    return kind;
  }
  if (q.type === "SINGLE_CHOICE") return `one of ${describeOptions(q)}`;
  if (q.type === "MULTIPLE_CHOICE") return `any of ${describeOptions(q)}, separated by ;`;
  if (q.type === "SHORT_TEXT" || q.type === "LONG_TEXT") {
    return `text of at most ${textLimits[q.type].toLocaleString("en")} characters`;
  }
  return "no answer";
}

/** Digits, one comma, then a group of three digits or more groups: "1,000" or "12,500,000". */
const thousandsLike = /^[+-]?\d{1,3}(,\d{3})+$/;
const decimalComma = /^([+-]?\d+),(\d+)$/;

/**
 * A number cell as the app reads numbers: "3,5" (a decimal comma, as German and French
 * spreadsheets write it) becomes "3.5". Only where no other reading exists: "1,000" could be one
 * thousand or one, so it stays as written and its row error says why. Other text is returned as
 * it came.
 */
export function decimalCommaAsPoint(text: string): string {
  const trimmed = text.trim();
  if (thousandsLike.test(trimmed)) return text;
  const match = decimalComma.exec(trimmed);
  return match ? `${match[1]}.${match[2]}` : text;
}

/** A cell that reads as a number with thousands separators or a three-digit decimal part. */
export const isAmbiguousComma = (text: string) => thousandsLike.test(text.trim());
