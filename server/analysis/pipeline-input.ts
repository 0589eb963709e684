// What runAnalysis accepts and refuses: its options with their defaults, the progress phases it
// reports, and the checks that turn an input too small or malformed for personas into an
// AnalysisInputError with a sentence a researcher can act on.
import { MIN_GROUP_N } from "./evidence-rules";
import { type AnalysisResult } from "./result";
import { DEFAULT_STABILITY_ROUNDS } from "./stability";
import { ZQuestionDefinition, type AnalysisInput, type QuestionDefinition } from "./survey";

export type AnalysisPhase = "encode" | "choose-k" | "stability" | "profile" | "cards";

export interface AnalysisProgress {
  phase: AnalysisPhase;
  /** Overall progress, 0..100, non-decreasing. */
  percent: number;
}

export interface AnalysisOptions {
  seed?: number;
  /** "auto" (default) or a fixed number of personas. */
  k?: "auto" | number;
  kMin?: number;
  kMax?: number;
  /** k-means++ restarts per k. */
  restarts?: number;
  bootstrapRounds?: number;
  /** Smallest acceptable persona share when choosing k. */
  minShare?: number;
  /** Respondents missing more than this share of segment questions are not clustered. */
  maxMissingShare?: number;
  minRespondents?: number;
  minPerPersona?: number;
  /**
   * Fewest answers per group (persona and rest) for a trait to count as evidence (default
   * MIN_GROUP_N, 30); traits below it are marked insufficient.
   */
  minGroupN?: number;
  /** FDR level for distinguishing traits. */
  alpha?: number;
  /** How close to a second centroid makes a member ambiguous (share of distance). */
  ambiguityTolerance?: number;
  quotesPerPersona?: number;
}

export type AnalysisErrorCode =
  | "invalid-input"
  | "no-segment-questions"
  | "too-few-respondents"
  | "too-few-per-persona"
  | "too-few-distinct";

/** Input the engine cannot turn into personas; `message` is meant for the researcher. */
export class AnalysisInputError extends Error {
  readonly code: AnalysisErrorCode;
  constructor(code: AnalysisErrorCode, message: string) {
    super(message);
    this.name = "AnalysisInputError";
    this.code = code;
  }
}

export function resolveOptions(options: AnalysisOptions): AnalysisResult["parameters"] {
  const k = options.k ?? "auto";
  if (k !== "auto" && (!Number.isInteger(k) || k < 2)) {
    throw new AnalysisInputError(
      "invalid-input",
      `k must be "auto" or an integer of at least 2, got ${String(k)}.`,
    );
  }
  const minGroupN = options.minGroupN ?? MIN_GROUP_N;
  if (!Number.isInteger(minGroupN) || minGroupN < 2) {
    throw new AnalysisInputError(
      "invalid-input",
      `The minimum n per group must be a whole number of at least 2, got ${String(minGroupN)}.`,
    );
  }
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) {
    throw new AnalysisInputError("invalid-input", `The seed must be an integer, got ${seed}.`);
  }
  return {
    seed,
    kMode: k === "auto" ? "auto" : "forced",
    forcedK: k === "auto" ? null : k,
    kMin: options.kMin ?? 2,
    kMax: options.kMax ?? 8,
    restarts: options.restarts ?? 10,
    bootstrapRounds: options.bootstrapRounds ?? DEFAULT_STABILITY_ROUNDS,
    minShare: options.minShare ?? 0.05,
    maxMissingShare: options.maxMissingShare ?? 0.5,
    minRespondents: options.minRespondents ?? 30,
    minPerPersona: options.minPerPersona ?? 5,
    minGroupN,
    alpha: options.alpha ?? 0.05,
    ambiguityTolerance: options.ambiguityTolerance ?? 0.1,
    quotesPerPersona: options.quotesPerPersona ?? 3,
  };
}

export function validateInput(input: AnalysisInput): QuestionDefinition[] {
  const questions = input.questions.map((q, i) => {
    const parsed = ZQuestionDefinition.safeParse(q);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AnalysisInputError(
        "invalid-input",
        `Question ${i + 1} (${String((q as { id?: unknown }).id)}) is invalid: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim(),
      );
    }
    return parsed.data;
  });
  const seen = new Set<string>();
  for (const q of questions) {
    if (seen.has(q.id))
      throw new AnalysisInputError("invalid-input", `Question ${q.id} is listed twice.`);
    seen.add(q.id);
  }
  const ids = new Set<string>();
  for (const r of input.responses) {
    if (typeof r.id !== "string" || r.id === "") {
      throw new AnalysisInputError("invalid-input", "Every response needs a non-empty id.");
    }
    if (ids.has(r.id))
      throw new AnalysisInputError("invalid-input", `Response id ${r.id} occurs twice.`);
    ids.add(r.id);
  }
  return questions;
}
