// A trait of the stored analysis result (result.ts): one persona-versus-rest comparison on one
// question (or one option of it), with its n, intervals, effect size, test, p and FDR-adjusted q.
// Part of schemaVersion 1: new fields must be optional so stored runs still parse.
import { z } from "zod";
import { ZQuestionKind, ZQuestionRole } from "./survey";

const finite = z.number();

export const ZInterval = z.object({ lower: finite, upper: finite });

export const ZEffectName = z.enum(["cohens-h", "cohens-d", "cliffs-delta"]);
export const ZMagnitude = z.enum(["negligible", "small", "medium", "large"]);
export const ZTestName = z.enum([
  "fisher-exact",
  "chi-square",
  "welch-t",
  "mann-whitney",
  /** Both groups constant and different: exact permutation p of the rank-sum test. */
  "exact-permutation",
]);
export const ZTraitFamily = z.enum(["segment", "descriptive"]);

export const ZTrait = z.object({
  /** Unique within the run, e.g. "p0:gender=Female" or "p2:wifi". */
  id: z.string(),
  persona: z.number().int().min(0),
  questionId: z.string(),
  questionLabel: z.string(),
  /** Question label, plus the option for share traits. */
  label: z.string(),
  role: ZQuestionRole,
  kind: ZQuestionKind.exclude(["text"]),
  /** Share traits: one option of a choice question; absent for means. */
  option: z.string().optional(),
  /** The option as respondents read it (runs before labels were carried have only the key). */
  optionLabel: z.string().optional(),
  measure: z.enum(["share", "mean"]),
  /** Whether the question was a clustering input (its differences are partly by construction). */
  segmentInput: z.boolean(),
  /**
   * The multiple-testing family (evidence-rules.ts): "segment" traits describe how the personas
   * were formed and are never counted as findings; "descriptive" ones are the run's tests.
   * Absent in runs stored before families: derive it from segmentInput (traitFamily()).
   */
  family: ZTraitFamily.optional(),
  /** Set when the persona or the rest had fewer answers than the minimum n: no claim is made. */
  insufficient: z.literal(true).optional(),
  personaValue: finite,
  restValue: finite,
  /** Wilson interval (shares) or t interval (means), 95 %. */
  personaInterval: ZInterval,
  restInterval: ZInterval,
  personaN: z.number().int().min(0),
  restN: z.number().int().min(0),
  /** Means: the scale's ends, so that "4.2" can be read as "of 5". */
  scale: z.object({ min: finite, max: finite }).optional(),
  effect: z.object({ name: ZEffectName, value: finite, magnitude: ZMagnitude }),
  /** |effect| on Cohen's d scale (Cliff's delta converted), used to rank traits across kinds. */
  strength: finite,
  test: ZTestName,
  p: finite,
  /** Benjamini-Hochberg adjusted within the trait's family over the run (older runs: all tests). */
  q: finite,
  direction: z.enum(["higher", "lower", "equal"]),
  distinguishing: z.boolean(),
});
export type Trait = z.infer<typeof ZTrait>;
