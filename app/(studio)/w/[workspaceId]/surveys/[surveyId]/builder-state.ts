// The builder's working copy of a survey: the draft shape, how it is made from a stored survey
// and turned into what survey.saveDraft takes, and new questions and type changes. The edits on
// the question list are in question-list-edits.ts, validation in draft-errors.ts.
import type { SurveyJsPreview } from "../surveyjs-import";
import type { RouterOutputs } from "~/server/api/root";
import {
  locales,
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

export const pagesOf = (list: DraftQuestion[]) => [...new Set(list.map((q) => q.page))];

/**
 * The draft with new settings. Moving to another journey map (whose stage ids are `keep`)
 * unties the questions tied to the old map's stages; `untied` says how many.
 */
export function withMeta(
  draft: Draft,
  meta: TSurveyMeta,
  keep: Iterable<string> | undefined,
): { next: Draft; untied: number } {
  if (meta.journeyMapId === draft.meta.journeyMapId) return { next: { ...draft, meta }, untied: 0 };
  const kept = new Set(keep);
  const untied = draft.questions.filter((q) => q.stageId && !kept.has(q.stageId)).length;
  const questions = draft.questions.map((q) =>
    q.stageId && !kept.has(q.stageId) ? { ...q, stageId: null } : q,
  );
  return { next: { meta, questions }, untied };
}

/** The draft with an import's questions in place of its own, and the languages of both. */
export function withImported(draft: Draft, preview: SurveyJsPreview, uidStem: string): Draft {
  const languages = locales.filter(
    (l) => draft.meta.languages.includes(l) || preview.meta.languages.includes(l),
  );
  return {
    meta: { ...draft.meta, languages },
    questions: preview.questions.map((q, i) => ({ ...q, uid: `${uidStem}_${i}` })),
  };
}
