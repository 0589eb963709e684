// Goals of a cell, one summary per GOAL question linked to the stage: choice questions as the
// share choosing each option (Wilson 95 % intervals; multi-select shares need not add to 100 %),
// scale questions as a mean on their own scale (t interval), text questions as themes (shares of
// respondents) and representative quotes. The same evidence rule applies as everywhere in the fill.
import { wilsonInterval } from "../stats/wilson";
import { meanConfidenceInterval } from "../stats/welch-t-test";
import { compareText } from "../text/theme-index";
import { clampInterval, tooFew, tooWide } from "./evidence";
import { plain } from "./format";
import type { JourneyFillParameters, JourneyQuestionInput, JourneyResponseInput } from "./input";
import type { TGoalSummary } from "./result";
import {
  substantive,
  themeAnswers,
  type TextCellContext,
  type TextComparison,
  type ThemeParameters,
} from "./themed-answers";
import {
  isBlank,
  isChoice,
  isText,
  readNumber,
  readText,
  sourceScale,
  type TextAnswer,
} from "./values";

type GoalParameters = ThemeParameters &
  Pick<JourneyFillParameters, "minN" | "minThoughtN" | "maxIntervalWidth">;

/** The options a respondent chose, or null when blank or not one of the declared options. */
function chosen(
  q: JourneyQuestionInput,
  answer: JourneyResponseInput["answers"][string],
): string[] | null {
  if (isBlank(answer)) return null;
  const list = typeof answer === "string" ? [answer] : Array.isArray(answer) ? answer : null;
  if (!list) return null;
  const valid = [...new Set(list)].filter((o) => q.options.length === 0 || q.options.includes(o));
  if (valid.length === 0) return null;
  return q.type === "SINGLE_CHOICE" ? valid.slice(0, 1) : valid;
}

function choiceGoal(
  q: JourneyQuestionInput,
  responses: readonly JourneyResponseInput[],
  params: GoalParameters,
): TGoalSummary {
  const head = { questionId: q.id, label: q.label };
  const answers = responses.flatMap((r) => {
    const c = chosen(q, r.answers[q.id]);
    return c ? [c] : [];
  });
  const n = answers.length;
  const few = tooFew(n, params.minN, "respondents answered this goal question here");
  if (few) return { ...head, ...few };
  const options = q.options.length > 0 ? q.options : [...new Set(answers.flat())].sort(compareText);
  const shares = options.map((option) => {
    const count = answers.filter((a) => a.includes(option)).length;
    const w = wilsonInterval(count, n);
    return { option, count, share: w.estimate, interval: { lower: w.lower, upper: w.upper } };
  });
  for (const s of shares) {
    const wide = tooWide(
      n,
      s.interval,
      { range: 1, name: "0-100 % share scale", write: (v) => `${(v * 100).toFixed(0)} %` },
      params.maxIntervalWidth,
    );
    if (wide) return { ...head, ...wide };
  }
  return { ...head, status: "ok", kind: "choice", n, options: shares };
}

function meanGoal(
  q: JourneyQuestionInput,
  scale: { min: number; max: number },
  responses: readonly JourneyResponseInput[],
  params: GoalParameters,
): TGoalSummary {
  const head = { questionId: q.id, label: q.label };
  const values = responses.flatMap((r) => {
    const x = readNumber(r.answers[q.id]);
    return x !== null && x >= scale.min && x <= scale.max ? [x] : [];
  });
  const few = tooFew(values.length, params.minN, "respondents answered this goal question here");
  if (few) return { ...head, ...few };
  const ci = meanConfidenceInterval(values);
  const interval = { lower: ci.lower, upper: ci.upper };
  const wide = tooWide(
    values.length,
    interval,
    {
      range: scale.max - scale.min,
      name: `${scale.min}..${scale.max} scale`,
      write: (v) => plain(v),
    },
    params.maxIntervalWidth,
  );
  if (wide) return { ...head, ...wide };
  return {
    ...head,
    status: "ok",
    kind: "mean",
    n: values.length,
    mean: ci.mean,
    interval: clampInterval(interval, scale.min, scale.max),
    scale,
  };
}

export function goalTextAnswers(
  q: JourneyQuestionInput,
  responses: readonly JourneyResponseInput[],
): TextAnswer[] {
  return responses.flatMap((r) => {
    const text = readText(r.answers[q.id]);
    return text === null ? [] : [{ responseId: r.id, questionId: q.id, text }];
  });
}

export function summariseGoal(
  q: JourneyQuestionInput,
  responses: readonly JourneyResponseInput[],
  comparison: TextComparison,
  context: TextCellContext,
  params: GoalParameters,
): TGoalSummary | null {
  if (isChoice(q)) return choiceGoal(q, responses, params);
  const scale = sourceScale(q);
  if (scale) return meanGoal(q, scale, responses, params);
  if (!isText(q)) return null;
  const head = { questionId: q.id, label: q.label };
  // One answer per respondent to a goal question, so answers are respondents here.
  const answers = substantive(goalTextAnswers(q, responses));
  const few = tooFew(
    answers.length,
    params.minThoughtN,
    "respondents answered this goal question here",
  );
  if (few) return { ...head, ...few };
  const themed = themeAnswers(answers, comparison, context, params);
  return {
    ...head,
    status: "ok",
    kind: "text",
    n: answers.length,
    themes: themed.themes,
    quotes: themed.representative,
  };
}
