// The journey filler's input contract: the map's stages, the survey questions linked to them, the
// personas of one analysis run (with the response ids behind each) and the responses themselves,
// all as plain data; plus the options that decide when a cell has enough evidence. Question types
// and roles are the survey builder's own (server/domain/survey/definition.ts), so a caller passes
// its questions through without translating them.
import { z } from "zod";
import { questionRoles, questionTypes } from "~/server/domain/survey/question-vocabulary";
import { EFFORTS } from "./result";

export const ZJourneyStageInput = z.object({
  id: z.string().min(1),
  name: z.string(),
  position: z.number().int(),
});

export const ZJourneyQuestionInput = z.object({
  /** The key the answers are stored under (a response's `answers[id]`). */
  id: z.string().min(1),
  label: z.string().default(""),
  /** Questions not linked to a stage of this map are ignored. */
  stageId: z.string().min(1).nullable(),
  role: z.enum(questionRoles),
  type: z.enum(questionTypes),
  /** Choice questions: option values, in the order the survey shows them. */
  options: z.array(z.string()).default([]),
  /**
   * The scale's ends for LIKERT (1..points) and NUMBER questions; EMOTION (−2..2), PAIN (0..4)
   * and RATING (0..10) have fixed scales and ignore it.
   */
  scale: z
    .object({ min: z.number(), max: z.number() })
    .refine((s) => s.min < s.max, { message: "min must be below max" })
    .optional(),
});

export const ZJourneyPersonaInput = z.object({
  index: z.number().int().min(0),
  /** A caller's stable key for the persona (e.g. its run's persona id); default "p<index>". */
  key: z.string().min(1).optional(),
  name: z.string(),
  /** Share of the clustered respondents, 0..1 (weights a gap's priority). */
  share: z.number().min(0).max(1),
  memberResponseIds: z.array(z.string()),
});

const ZAnswer = z
  .union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()])
  .optional();

export const ZJourneyResponseInput = z.object({
  id: z.string().min(1),
  answers: z.record(z.string(), ZAnswer),
});

const ZTeams = z
  .union([z.string(), z.array(z.string())])
  .transform((t) => (typeof t === "string" ? [t] : t).filter((name) => name.trim() !== ""));

export const ZJourneyFillInput = z.object({
  stages: z.array(ZJourneyStageInput),
  questions: z.array(ZJourneyQuestionInput),
  personas: z.array(ZJourneyPersonaInput),
  responses: z.array(ZJourneyResponseInput),
  /** Effort to close a gap at a stage (from its touchpoints); MEDIUM where missing. */
  effortByStage: z.record(z.string(), z.enum(EFFORTS)).default({}),
  /** Team(s) responsible at a stage (from its touchpoints). */
  teamByStage: z.record(z.string(), ZTeams).default({}),
});
export type TJourneyFillInput = z.input<typeof ZJourneyFillInput>;
export type JourneyFillData = z.output<typeof ZJourneyFillInput>;
export type JourneyStageInput = z.output<typeof ZJourneyStageInput>;
export type JourneyQuestionInput = z.output<typeof ZJourneyQuestionInput>;
export type JourneyPersonaInput = z.output<typeof ZJourneyPersonaInput>;
export type JourneyResponseInput = z.output<typeof ZJourneyResponseInput>;
export type JourneyAnswer = z.output<typeof ZAnswer>;

export const ZJourneyFillOptions = z.object({
  /** Fewest answers a cell needs before it shows a value. */
  minN: z.number().int().min(2).default(30),
  /** Same for thoughts (quotes, themes, text sentiment); defaults to minN. */
  minThoughtN: z.number().int().min(2).optional(),
  /**
   * Widest 95 % interval a value may have, as a share of its scale's range (emotion −2..2 → 4
   * points, pain index 0..100, shares 0..1). 0.5: an interval over half the scale says nothing.
   */
  maxIntervalWidth: z.number().gt(0).max(1).default(0.5),
  /** False-discovery rate for "suffers more than the other personas". */
  alpha: z.number().gt(0).lt(1).default(0.05),
  maxThemes: z.number().int().min(0).default(4),
  /** Fewest answers sharing a key term before it makes a theme. */
  minThemeCount: z.number().int().min(1).default(3),
  quotesPerTheme: z.number().int().min(0).default(2),
  quotesPerCell: z.number().int().min(0).default(3),
  /**
   * Also suggest a persona's largest emotion drop as a moment of truth when its interval includes
   * 0 (it may be noise). Off by default: a suggestion should rest on a real drop.
   */
  suggestNoisyDrops: z.boolean().default(false),
  effortWeights: z
    .object({ SMALL: z.number().gt(0), MEDIUM: z.number().gt(0), LARGE: z.number().gt(0) })
    .default({ SMALL: 1, MEDIUM: 2, LARGE: 3 }),
});
export type TJourneyFillOptions = z.input<typeof ZJourneyFillOptions>;
export type JourneyFillParameters = Omit<z.output<typeof ZJourneyFillOptions>, "minThoughtN"> & {
  minThoughtN: number;
};

export function resolveFillOptions(options: TJourneyFillOptions = {}): JourneyFillParameters {
  const parsed = ZJourneyFillOptions.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new JourneyFillInputError(
      `Option ${issue?.path.join(".") ?? ""} is invalid: ${issue?.message ?? ""}`,
    );
  }
  return { ...parsed.data, minThoughtN: parsed.data.minThoughtN ?? parsed.data.minN };
}

/** Input the filler cannot work with; the message is meant for the researcher or the log. */
export class JourneyFillInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JourneyFillInputError";
  }
}
