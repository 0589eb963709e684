// What the respondent's device remembers per survey link: the response id and its secret, the
// answers and
// the page (to resume after a reload or a lost connection), and, once submitted, only that
// the survey was completed. Storage may be unavailable (private mode, full): then nothing is
// remembered and the form still works.
import type { TLocale } from "~/server/domain/survey/definition";
import type { DraftAnswers } from "./flow";

export interface StoredProgress {
  responseId: string;
  /** Sent with every save of this response: the server refuses changes without it. */
  responseSecret?: string;
  versionNumber: number;
  answers: DraftAnswers;
  page: number;
  /** Set only when the respondent picked a language themselves. */
  locale?: TLocale;
}

export interface StoredCompletion {
  responseId: string;
  completedAt: string;
}

const progressKey = (slug: string) => `persona-atlas:respondent:${slug}`;
const doneKey = (slug: string) => `persona-atlas:respondent-done:${slug}`;

function read(key: string): unknown {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Unavailable or full: the respondent just cannot resume on this device.
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export function loadProgress(slug: string): StoredProgress | null {
  const value = read(progressKey(slug));
  if (!isRecord(value)) return null;
  const { responseId, responseSecret, versionNumber, answers, page, locale } = value;
  if (typeof responseId !== "string" || typeof versionNumber !== "number") return null;
  if (typeof page !== "number" || !isRecord(answers)) return null;
  const kept: DraftAnswers = {};
  for (const [key, answer] of Object.entries(answers)) {
    const ok =
      typeof answer === "number" ||
      typeof answer === "string" ||
      (Array.isArray(answer) && answer.every((a) => typeof a === "string")) ||
      // A matrix: row key -> scale point.
      (isRecord(answer) && Object.values(answer).every((a) => typeof a === "number"));
    if (ok) kept[key] = answer as DraftAnswers[string];
  }
  return {
    responseId,
    responseSecret: typeof responseSecret === "string" ? responseSecret : undefined,
    versionNumber,
    answers: kept,
    page,
    locale: locale === "en" || locale === "de" ? locale : undefined,
  };
}

export function saveProgress(slug: string, progress: StoredProgress): void {
  write(progressKey(slug), progress);
}

export function loadCompletion(slug: string): StoredCompletion | null {
  const value = read(doneKey(slug));
  return isRecord(value) && typeof value.responseId === "string"
    ? { responseId: value.responseId, completedAt: String(value.completedAt ?? "") }
    : null;
}

/** After a successful submit: forget the answers, remember that this link was completed. */
export function markCompleted(slug: string, responseId: string): void {
  write(doneKey(slug), { responseId, completedAt: new Date().toISOString() });
  try {
    window.localStorage.removeItem(progressKey(slug));
  } catch {
    // see write()
  }
}

/** A fresh response id; crypto.randomUUID needs a secure context, so fall back to random bytes. */
export function newResponseId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The response's secret: 32 random bytes as hex, made with the id and kept with the progress. */
export function newResponseSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}
