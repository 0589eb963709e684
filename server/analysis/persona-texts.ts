// What a group of respondents (one persona, or everyone clustered) says in its own words: for
// every free-text question, the group's themes with shares of respondents and quotes, and its
// tone as shares negative / neutral / positive with Wilson intervals. The text work itself is
// text/summarise.ts; this module only picks the answers (one per respondent per question, so
// respondents are the unit), applies the evidence rules and turns rows back into response ids.
//
// Evidence: a group with fewer than `minGroupN` answers to a question carries no claim, so it
// gets neither themes nor tone, only "insufficient evidence (n = …)". Tone is shown only where it
// is valid: the tone model reads English, so answers that read as German are left out of it, and
// when fewer than `minGroupN` English answers remain the tone is null with the reason.
import type { PersonaTexts, TextQuestionSummary } from "./result";
import type { QuestionDefinition, SurveyResponse } from "./survey";
import { summariseTexts, type TextCache, type TextsSummary } from "./text/summarise";

/** Themes kept per question and group: the greedy selection ranks them, the tail adds little. */
export const TEXT_THEMES_PER_QUESTION = 8;
/** Quotes per theme (the report shows two or three). */
export const TEXT_QUOTES_PER_THEME = 3;

/** Free-text questions: what respondents wrote in their own words (any role). */
export function freeTextQuestions(questions: readonly QuestionDefinition[]): QuestionDefinition[] {
  return questions.filter((q) => q.kind === "text");
}

/** A respondent's answer as text; anything else (skipped, a number, a list) is no answer. */
function answerText(response: SurveyResponse, questionId: string): string {
  const value = response.answers[questionId];
  return typeof value === "string" ? value.trim() : "";
}

function share(s: TextsSummary["tone"]["negative"]) {
  return {
    count: s.count,
    share: s.share,
    lower: s.interval.lower,
    upper: s.interval.upper,
  };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function toneOf(
  summary: TextsSummary,
  minGroupN: number,
): Pick<TextQuestionSummary, "tone" | "toneNote"> {
  const english = summary.tone.n;
  const other = summary.otherLanguage;
  if (english < minGroupN) {
    const reason =
      other > 0
        ? `${plural(other, "answer")} of ${summary.n} read as German and the tone model reads English only`
        : `only ${plural(english, "answer")} to read`;
    return {
      tone: null,
      toneNote: `No tone shown: ${reason}; tone needs at least ${minGroupN} English answers.`,
    };
  }
  const t = summary.tone;
  return {
    tone: {
      n: t.n,
      negative: share(t.negative),
      neutral: share(t.neutral),
      positive: share(t.positive),
      lean: t.lean,
    },
    toneNote:
      other > 0
        ? `Tone of the ${english} answers in English; ${plural(other, "answer")} in German ${other === 1 ? "is" : "are"} left out (the tone model reads English only).`
        : null,
  };
}

/** One question's themes and tone for one group of respondents. */
export function summariseQuestion(
  question: QuestionDefinition,
  group: readonly SurveyResponse[],
  minGroupN: number,
  cache?: TextCache,
): TextQuestionSummary {
  const texts = group.map((r) => answerText(r, question.id));
  const base = { questionId: question.id, questionLabel: question.label, role: question.role };
  const summary = summariseTexts(texts, {
    maxThemes: TEXT_THEMES_PER_QUESTION,
    quotesPerTheme: TEXT_QUOTES_PER_THEME,
    cache,
  });
  if (summary.n < minGroupN) {
    return {
      ...base,
      n: summary.n,
      insufficient: true,
      note: `Insufficient evidence (n = ${summary.n}): themes and tone need at least ${minGroupN} answers.`,
      topic: [],
      themes: [],
      unthemed: 0,
      tone: null,
      toneNote: null,
      otherLanguage: summary.otherLanguage,
    };
  }
  const idOf = (row: number): string => (group[row] as SurveyResponse).id;
  return {
    ...base,
    n: summary.n,
    insufficient: false,
    note:
      summary.themes.length === 0 ? "No theme is shared by enough respondents to report." : null,
    topic: summary.topic.map((t) => ({ label: t.label, share: t.share })),
    themes: summary.themes.map((t) => ({
      label: t.label,
      phrases: t.phrases,
      n: t.n,
      share: t.share,
      lower: t.interval.lower,
      upper: t.interval.upper,
      quotes: t.quotes.map((q) => ({ responseId: idOf(q.row), text: q.text })),
    })),
    unthemed: summary.unthemed,
    ...toneOf(summary, minGroupN),
    otherLanguage: summary.otherLanguage,
  };
}

/**
 * Every free-text question summarised for one group; [] when the survey has none. Groups drawn
 * from the same answers (each persona, then everyone) share one `cache`, so each text is read once.
 */
export function summariseGroupTexts(
  questions: readonly QuestionDefinition[],
  group: readonly SurveyResponse[],
  minGroupN: number,
  cache?: TextCache,
): PersonaTexts {
  return freeTextQuestions(questions).map((q) => summariseQuestion(q, group, minGroupN, cache));
}
