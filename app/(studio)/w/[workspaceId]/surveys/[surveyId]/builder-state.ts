// The builder's working copy of a survey and the pure edits on it: add, change type, reorder
// (pages stay contiguous), move to a page, duplicate, delete, and validation with the same
// schemas the server applies, keyed by question so errors show next to the right field.
import type { RouterOutputs } from "~/server/api/root";
import { conditionSources, renameSource, withoutSource } from "~/server/domain/survey/conditions";
import {
  ZSurveyMeta,
  ZSurveyQuestions,
  type TChoiceOption,
  type TLocalizedText,
  type TPersonaPhrase,
  type TPersonaPhrasing,
  type TQuestionDefinition,
  type TQuestionRole,
  type TQuestionType,
  type TSurveyMeta,
} from "~/server/domain/survey/definition";

export type SurveyData = RouterOutputs["survey"]["get"];
export type JourneyData = RouterOutputs["journey"]["list"];

/** A question being edited; `uid` is a local identity that survives key edits and saves. */
export type DraftQuestion = TQuestionDefinition & { uid: string };

export interface Draft {
  meta: TSurveyMeta;
  questions: DraftQuestion[];
}

export const isChoice = (type: TQuestionType) =>
  type === "SINGLE_CHOICE" || type === "MULTIPLE_CHOICE";
export const isNumeric = (type: TQuestionType) =>
  ["LIKERT", "RATING", "EMOTION", "PAIN", "NUMBER"].includes(type);

/** Pages stay contiguous in the list, so grouping by page never reorders what people see. */
const byPage = (questions: DraftQuestion[]) =>
  questions
    .map((q, i) => ({ q, i }))
    .sort((a, b) => a.q.page - b.q.page || a.i - b.i)
    .map(({ q }) => q);

export function draftFromSurvey(survey: SurveyData): Draft {
  return {
    meta: { ...survey.meta, languages: [...survey.meta.languages] },
    questions: byPage(
      survey.questions.map(({ id, ...q }) => ({ ...q, uid: id }) satisfies DraftQuestion),
    ),
  };
}

const cleanText = (t: TLocalizedText): TLocalizedText =>
  t.de?.trim() ? { en: t.en, de: t.de } : { en: t.en };

const cleanOptional = (t: Partial<TLocalizedText> | null | undefined) => {
  if (!t || (!t.en?.trim() && !t.de?.trim())) return undefined;
  return cleanText({ en: t.en ?? "", de: t.de });
};

const cleanPhrase = (p: TPersonaPhrase | undefined): TPersonaPhrase | undefined => {
  const phrase = p?.phrase.trim() ?? "";
  const title = p?.title.trim() ?? "";
  return phrase || title ? { phrase, title } : undefined;
};

/** Persona wording that fits the type: scale ends for scales, phrases for existing options. */
export function cleanPersona(q: TQuestionDefinition): TPersonaPhrasing | null {
  const persona = q.persona;
  if (!persona) return null;
  if (isChoice(q.type)) {
    const options = Object.fromEntries(
      q.options.flatMap((o) => {
        const phrase = cleanPhrase(persona.options?.[o.value]);
        return phrase ? [[o.value, phrase]] : [];
      }),
    );
    return Object.keys(options).length > 0 ? { options } : null;
  }
  if (!isNumeric(q.type)) return null;
  const high = cleanPhrase(persona.high);
  const low = cleanPhrase(persona.low);
  return high || low ? { ...(high ? { high } : {}), ...(low ? { low } : {}) } : null;
}

/** What is sent to survey.saveDraft: empty optional texts dropped, settings for the type only. */
export function toPayload(draft: Draft): { meta: TSurveyMeta; questions: TQuestionDefinition[] } {
  // Pages are numbered without gaps, in the order people see them.
  const pageNumbers = pagesOf(draft.questions);
  return {
    meta: draft.meta,
    questions: draft.questions.map(({ uid: _uid, ...q }) => {
      const s = q.settings;
      const settings: TQuestionDefinition["settings"] = {};
      if (q.type === "LIKERT") settings.points = s.points ?? 5;
      if (q.type === "MATRIX" && s.matrix) {
        settings.matrix = {
          ...s.matrix,
          rows: s.matrix.rows.map((r) => ({ ...r, label: cleanText(r.label) })),
        };
      }
      if (q.type === "LIKERT" || q.type === "RATING" || q.type === "MATRIX") {
        const min = cleanOptional(s.minLabel);
        const max = cleanOptional(s.maxLabel);
        if (min) settings.minLabel = min;
        if (max) settings.maxLabel = max;
      }
      if (q.type === "RATING" && s.nps) settings.nps = true;
      if (q.type === "NUMBER") {
        if (s.min !== undefined) settings.min = s.min;
        if (s.max !== undefined) settings.max = s.max;
      }
      const helpEn = q.help?.en?.trim() ? q.help.en : undefined;
      const helpDe = q.help?.de?.trim() ? q.help.de : undefined;
      return {
        ...q,
        page: pageNumbers.indexOf(q.page),
        text: cleanText(q.text),
        help:
          helpEn || helpDe
            ? { ...(helpEn ? { en: helpEn } : {}), ...(helpDe ? { de: helpDe } : {}) }
            : null,
        options: isChoice(q.type)
          ? q.options.map((o) => ({ value: o.value, label: cleanText(o.label) }))
          : [],
        randomizeOptions: isChoice(q.type) ? q.randomizeOptions : false,
        settings,
        persona: cleanPersona(q),
      };
    }),
  };
}

export const draftFingerprint = (draft: Draft) => JSON.stringify(toPayload(draft));

export const defaultRoleFor: Record<TQuestionType, TQuestionRole> = {
  SINGLE_CHOICE: "SEGMENT",
  MULTIPLE_CHOICE: "SEGMENT",
  LIKERT: "SEGMENT",
  RATING: "OTHER",
  EMOTION: "EMOTION",
  PAIN: "PAIN",
  NUMBER: "DEMOGRAPHIC",
  SHORT_TEXT: "OTHER",
  LONG_TEXT: "THOUGHT",
  MATRIX: "SEGMENT",
};

const defaultOptions = (): TChoiceOption[] => [
  { value: "option_1", label: { en: "Option 1" } },
  { value: "option_2", label: { en: "Option 2" } },
];

export function uniqueKey(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const stem = base.replace(/[^a-z0-9_]/g, "_").replace(/^[^a-z]+/, "") || "q";
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n += 1) {
    const candidate = `${stem.slice(0, 60)}_${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** A new matrix: two rows to name, rated 1 to 5. */
const newMatrix = (): TQuestionDefinition["settings"] => ({
  matrix: {
    rows: [
      { key: "row_1", label: { en: "" } },
      { key: "row_2", label: { en: "" } },
    ],
  },
});

export function newQuestion(
  type: TQuestionType,
  page: number,
  taken: string[],
  uid: string,
): DraftQuestion {
  return {
    uid,
    key: uniqueKey(`q_${taken.length + 1}`, taken),
    type,
    role: defaultRoleFor[type],
    stageId: null,
    page,
    required: false,
    randomizeOptions: false,
    text: { en: "" },
    help: null,
    options: isChoice(type) ? defaultOptions() : [],
    settings: type === "LIKERT" ? { points: 5 } : type === "MATRIX" ? newMatrix() : {},
    logic: null,
    persona: null,
  };
}

export function changeType(q: DraftQuestion, type: TQuestionType): DraftQuestion {
  const options = isChoice(type) ? (q.options.length >= 2 ? q.options : defaultOptions()) : [];
  const role =
    q.role === defaultRoleFor[q.type] && defaultRoleFor[type] !== q.role
      ? defaultRoleFor[type]
      : q.role;
  return {
    ...q,
    type,
    role,
    options,
    settings:
      type === "LIKERT"
        ? { points: q.settings.points ?? 5, ...q.settings }
        : type === "MATRIX"
          ? { ...newMatrix(), ...q.settings }
          : q.settings,
  };
}

/** Up or down one place; at a page's edge the question moves onto the neighbouring page. */
export function moveQuestion(list: DraftQuestion[], uid: string, delta: -1 | 1): DraftQuestion[] {
  const i = list.findIndex((q) => q.uid === uid);
  const neighbour = list[i + delta];
  const q = list[i];
  if (!q || !neighbour) return list;
  const next = [...list];
  if (neighbour.page !== q.page) {
    next[i] = { ...q, page: neighbour.page };
  } else {
    next[i] = neighbour;
    next[i + delta] = q;
  }
  return next;
}

export function moveToPage(list: DraftQuestion[], uid: string, page: number): DraftQuestion[] {
  const q = list.find((x) => x.uid === uid);
  if (!q || q.page === page) return list;
  const rest = list.filter((x) => x.uid !== uid);
  const after = rest.reduce((at, x, index) => (x.page <= page ? index + 1 : at), 0);
  return [...rest.slice(0, after), { ...q, page }, ...rest.slice(after)];
}

export function insertQuestion(list: DraftQuestion[], q: DraftQuestion): DraftQuestion[] {
  const after = list.reduce((at, x, index) => (x.page <= q.page ? index + 1 : at), 0);
  return [...list.slice(0, after), q, ...list.slice(after)];
}

export function duplicateQuestion(list: DraftQuestion[], uid: string, newUid: string) {
  const i = list.findIndex((q) => q.uid === uid);
  const q = list[i];
  if (!q) return list;
  const copy: DraftQuestion = {
    ...structuredClone(q),
    uid: newUid,
    key: uniqueKey(
      `${q.key}_copy`,
      list.map((x) => x.key),
    ),
  };
  return [...list.slice(0, i + 1), copy, ...list.slice(i + 1)];
}

/** Removes a question and the display logic of questions that depended on it. */
export function removeQuestion(list: DraftQuestion[], uid: string): DraftQuestion[] {
  const gone = list.find((q) => q.uid === uid);
  return list
    .filter((q) => q.uid !== uid)
    .map((q) => (gone ? { ...q, logic: withoutSource(q.logic, gone.key) } : q));
}

export const dependants = (list: DraftQuestion[], key: string) =>
  list.filter((q) => conditionSources(q.logic).includes(key));

/** Replaces one question; a changed key is followed by the logic that refers to it. */
export function updateQuestion(list: DraftQuestion[], next: DraftQuestion): DraftQuestion[] {
  const prev = list.find((q) => q.uid === next.uid);
  return list.map((q) => {
    if (q.uid === next.uid) return next;
    if (prev && prev.key !== next.key && q.logic && conditionSources(q.logic).includes(prev.key)) {
      return { ...q, logic: renameSource(q.logic, prev.key, next.key) };
    }
    return q;
  });
}

export const pagesOf = (list: DraftQuestion[]) => [...new Set(list.map((q) => q.page))];

/** Field errors: "meta.title", or per question uid a map from a path like "options.1.value". */
export interface DraftErrors {
  meta: Record<string, string[]>;
  questions: Record<string, Record<string, string[]>>;
  general: string[];
  count: number;
}

export const noErrors: DraftErrors = { meta: {}, questions: {}, general: [], count: 0 };

function push(map: Record<string, string[]>, path: string, message: string) {
  (map[path] ??= []).push(message);
}

export function validateDraft(draft: Draft): DraftErrors {
  const payload = toPayload(draft);
  const errors: DraftErrors = { meta: {}, questions: {}, general: [], count: 0 };
  const meta = ZSurveyMeta.safeParse(payload.meta);
  if (!meta.success) {
    for (const issue of meta.error.issues) push(errors.meta, issue.path.join("."), issue.message);
    errors.count += meta.error.issues.length;
  }
  const questions = ZSurveyQuestions.safeParse(payload.questions);
  if (!questions.success) {
    for (const issue of questions.error.issues) {
      const [index, ...rest] = issue.path;
      const uid = typeof index === "number" ? draft.questions[index]?.uid : undefined;
      if (uid) push((errors.questions[uid] ??= {}), rest.join("."), issue.message);
      else errors.general.push(issue.message);
    }
    errors.count += questions.error.issues.length;
  }
  return errors;
}

/**
 * The server's refusal in the same shape. Its field errors are keyed by the top-level input
 * path: "meta", "questions", "title", or a question's index ("3", or "questions.3.options").
 */
export function serverErrors(
  draft: Draft,
  message: string,
  fieldErrors: Record<string, string[] | undefined>,
): DraftErrors {
  const errors: DraftErrors = { meta: {}, questions: {}, general: [], count: 0 };
  for (const [path, messages] of Object.entries(fieldErrors)) {
    for (const text of messages ?? []) {
      const match = /^(?:questions\.)?(\d+)(?:\.(.+))?$/.exec(path);
      const uid = match ? draft.questions[Number(match[1])]?.uid : undefined;
      if (uid) push((errors.questions[uid] ??= {}), match?.[2] ?? "", text);
      else if (["title", "description", "languages", "journeyMapId"].includes(path)) {
        push(errors.meta, path, text);
      } else errors.general.push(text);
      errors.count += 1;
    }
  }
  if (errors.count === 0) errors.general.push(message);
  return errors;
}
