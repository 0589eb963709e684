// The share traits of the profile: per option of a choice question, the persona's and the rest's
// shares with Wilson intervals, Cohen's h, and Fisher's exact test when an expected count is below
// 5 (chi-square is unreliable there), chi-square otherwise. A two-option single choice (yes/no) is
// one comparison per persona, on the option the persona chose more often.
import { choiceAnswer, optionsOf } from "./answer-values";
import type { Trait } from "./result";
import { chiSquareIndependence } from "./stats/chi-square";
import { cohensH } from "./stats/effect-sizes";
import { fisherExact2x2 } from "./stats/fisher-exact";
import { wilsonInterval } from "./stats/wilson";
import type { QuestionDefinition, SurveyResponse } from "./survey";
import {
  directionOf,
  magnitudeOf,
  strengthOf,
  traitId,
  type ProfileInput,
  type Untested,
} from "./trait-measure";

const YES = /^(yes|y|true|1)$/i;

/**
 * The options worth a comparison: those chosen by some but not all who answered. When a single
 * choice has two such options, `pair` is set: "no" is exactly "not yes", so the question is one
 * test per persona, not two.
 */
export function comparedOptions(
  question: QuestionDefinition,
  options: readonly string[],
  answers: readonly (readonly string[] | null)[],
): { options: string[]; pair: boolean } {
  const answered = answers.filter((a) => a !== null).length;
  const varying = options.filter((option) => {
    const chose = answers.filter((a) => a?.includes(option)).length;
    return chose > 0 && chose < answered;
  });
  return { options: varying, pair: question.kind === "categorical" && varying.length === 2 };
}

/**
 * Which option of a two-option question a persona's one trait names: the one the persona chose
 * more often, so that "most often …" on its card is true; on a tie the "yes"-like one, else the
 * first listed. Both options give the same test (the 2 × 2 table is the same), so the choice
 * changes the wording, never the evidence.
 */
export function pairOption(
  pair: readonly [string, string],
  counts: readonly [number, number],
): string {
  const [first, second] = pair;
  if (counts[0] !== counts[1]) return counts[0] > counts[1] ? first : second;
  return YES.test(second.trim()) && !YES.test(first.trim()) ? second : first;
}

/**
 * Every respondent's chosen options for one question. Each distinct plain answer is read once and
 * its (never modified) list shared, so a million respondents hold references, not a million lists.
 */
function choiceColumn(
  question: QuestionDefinition,
  responses: readonly SurveyResponse[],
): (readonly string[] | null)[] {
  const known = new Map<unknown, readonly string[] | null>();
  return responses.map((r) => {
    const answer = r.answers[question.id];
    if (typeof answer === "object" && answer !== null) return choiceAnswer(question, answer);
    let chosen = known.get(answer);
    if (chosen === undefined) {
      chosen = choiceAnswer(question, answer);
      known.set(answer, chosen);
    }
    return chosen;
  });
}

export function shareTraits(
  question: QuestionDefinition,
  input: ProfileInput,
  confidence: number,
  segmentInput: boolean,
): Untested[] {
  const answers = choiceColumn(question, input.responses);
  const options = optionsOf(question, answers);
  const compared = comparedOptions(question, options, answers);
  const tested = new Set(compared.options);
  const out: Untested[] = [];
  for (let persona = 0; persona < input.k; persona++) {
    let nP = 0;
    let nR = 0;
    const xP = new Array<number>(options.length).fill(0);
    const xR = new Array<number>(options.length).fill(0);
    answers.forEach((chosen, i) => {
      if (!chosen) return;
      const inPersona = input.assignments[i] === persona;
      if (inPersona) nP++;
      else nR++;
      for (const o of chosen) {
        const j = options.indexOf(o);
        if (j < 0) continue;
        if (inPersona) xP[j]! += 1;
        else xR[j]! += 1;
      }
    });
    if (nP === 0 || nR === 0) continue;
    let keep = tested;
    if (compared.pair) {
      const [first, second] = compared.options as [string, string];
      const count = (o: string): number => xP[options.indexOf(o)] as number;
      keep = new Set([pairOption([first, second], [count(first), count(second)])]);
    }
    options.forEach((option, j) => {
      if (!keep.has(option)) return;
      const a = xP[j] as number;
      const c = xR[j] as number;
      const chose = a + c;
      const total = nP + nR;
      // Chosen by nobody or everybody: there is nothing to compare.
      if (chose === 0 || chose === total) return;
      const personaShare = wilsonInterval(a, nP, confidence);
      const restShare = wilsonInterval(c, nR, confidence);
      const h = cohensH(personaShare.estimate, restShare.estimate);
      const minExpected = (Math.min(nP, nR) * Math.min(chose, total - chose)) / total;
      const small = minExpected < 5;
      const p = small
        ? fisherExact2x2([
            [a, nP - a],
            [c, nR - c],
          ]).p
        : chiSquareIndependence([
            [a, nP - a],
            [c, nR - c],
          ]).p;
      out.push({
        id: traitId(persona, question.id, option),
        persona,
        questionId: question.id,
        questionLabel: question.label,
        label: `${question.label}: ${option}`,
        role: question.role,
        kind: question.kind as Trait["kind"],
        option,
        measure: "share",
        segmentInput,
        personaValue: personaShare.estimate,
        restValue: restShare.estimate,
        personaInterval: { lower: personaShare.lower, upper: personaShare.upper },
        restInterval: { lower: restShare.lower, upper: restShare.upper },
        personaN: nP,
        restN: nR,
        effect: { name: "cohens-h", value: h, magnitude: magnitudeOf("cohens-h", h) },
        strength: strengthOf("cohens-h", h),
        test: small ? "fisher-exact" : "chi-square",
        p,
        direction: directionOf(h),
      });
    });
  }
  return out;
}
