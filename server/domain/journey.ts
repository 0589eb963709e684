// Journey map input schemas, shared by the map editor's forms and the server: the nested values
// stored as Json (contact strategy, enablers) and the zod inputs of every map, stage, touchpoint
// and KPI use case. Messages are written for the researcher who will read them. The fixed
// vocabularies (layers, channels, effort, objectives, with their labels) are in
// journey-vocabulary.ts and exported from here too.
import { z } from "zod";
import { zText } from "./text";
import {
  journeyTemplateKeys,
  touchpointLayers,
  touchpointChannels,
  efforts,
  marketingObjectives,
  suggestionDecisions,
  journeyLimits,
} from "./journey-vocabulary";

export * from "./journey-vocabulary";

// --- building blocks -------------------------------------------------------------------------

const id = (what: string) =>
  z
    .string({ error: `Choose ${what}.` })
    .trim()
    .min(1, { error: `Choose ${what}.` })
    .max(64, { error: `That ${what.replace(/^an? /, "")} id is not valid.` });

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, { error: `${label} can be at most ${max} characters long.` });

/**
 * A list of short items (one per line in the editor). Blank items are dropped rather than
 * refused, so an empty line at the end of a textarea is not an error.
 */
const itemList = (label: string, maxLength = 300) =>
  z
    .array(
      z
        .string({ error: `${label}: each item must be text.` })
        .trim()
        .max(maxLength, {
          error: `${label}: each item can be at most ${maxLength} characters long.`,
        }),
      { error: `${label} must be a list.` },
    )
    .max(journeyLimits.listItems, {
      error: `${label} can have at most ${journeyLimits.listItems} items.`,
    })
    .transform((items) => items.filter((item) => item.length > 0));

export const ZJourneyMapName = zText({ error: "Enter a name for the journey map." })
  .trim()
  .min(2, { error: "Journey names need at least 2 characters." })
  .max(120, { error: "Journey names can be at most 120 characters long." });

export const ZStageName = zText({ error: "Enter a name for the stage." })
  .trim()
  .min(1, { error: "Give the stage a name." })
  .max(80, { error: "Stage names can be at most 80 characters long." });

export const ZTouchpointLayer = z.enum(touchpointLayers, {
  error: "Choose a layer: customer actions, front of house or back of house.",
});
export const ZTouchpointChannel = z.enum(touchpointChannels, {
  error: "Choose a channel: web, email, phone, in person, social, app, print or other.",
});
export const ZEffort = z.enum(efforts, { error: "Choose an effort: small, medium or large." });
export const ZMarketingObjective = z.enum(marketingObjectives, {
  error: "Choose an objective: acquire, convert, retain or reactivate.",
});

// --- nested values stored as Json ------------------------------------------------------------

/** A stage's contact strategy (Stage.contactStrategy, Json). */
export const ZContactStrategy = z.object({
  rulesAndTriggers: itemList("Contact rules and triggers").default([]),
  channels: z
    .array(ZTouchpointChannel, { error: "Contact channels must be a list." })
    .max(touchpointChannels.length)
    .transform((list) => touchpointChannels.filter((c) => list.includes(c)))
    .default([]),
  offersAndContent: itemList("Offers and content").default([]),
  businessCase: text("The business case", 2000).default(""),
});
export type TContactStrategy = z.output<typeof ZContactStrategy>;
export type TContactStrategyInput = z.input<typeof ZContactStrategy>;

/** What a stage needs to work (Stage.enablers, Json). */
export const ZEnablers = z.object({
  data: itemList("Data enablers").default([]),
  people: itemList("People enablers").default([]),
  process: itemList("Process enablers").default([]),
  technology: itemList("Technology enablers").default([]),
});
export type TEnablers = z.output<typeof ZEnablers>;
export type TEnablersInput = z.input<typeof ZEnablers>;

export const emptyContactStrategy: TContactStrategy = ZContactStrategy.parse({});
export const emptyEnablers: TEnablers = ZEnablers.parse({});

/** Reads a stored value; a row that no longer matches the schema reads as empty, not as a crash. */
export function readContactStrategy(value: unknown): TContactStrategy {
  const parsed = ZContactStrategy.safeParse(value ?? {});
  return parsed.success ? parsed.data : emptyContactStrategy;
}
export function readEnablers(value: unknown): TEnablers {
  const parsed = ZEnablers.safeParse(value ?? {});
  return parsed.success ? parsed.data : emptyEnablers;
}

const kpiNumber = (label: string) =>
  z
    .number({ error: `${label} must be a number.` })
    .refine(Number.isFinite, { error: `${label} must be a finite number.` })
    .nullable()
    .default(null);

export const ZKpi = z.object({
  name: z
    .string({ error: "Enter a name for the KPI." })
    .trim()
    .min(1, { error: "Give each KPI a name." })
    .max(120, { error: "KPI names can be at most 120 characters long." }),
  target: kpiNumber("The KPI target"),
  currentValue: kpiNumber("The KPI's current value"),
  unit: text("The KPI unit", 20).default(""),
});
export type TKpi = z.output<typeof ZKpi>;
export type TKpiInput = z.input<typeof ZKpi>;

// --- use case inputs -------------------------------------------------------------------------

export const ZCreateJourneyMapInput = z.object({
  name: ZJourneyMapName,
  template: z.enum(journeyTemplateKeys, { error: "Choose a template." }),
});
export type TCreateJourneyMapInput = z.input<typeof ZCreateJourneyMapInput>;

export const ZJourneyMapIdInput = z.object({ journeyMapId: id("a journey map") });

export const ZUpdateJourneyMapInput = ZJourneyMapIdInput.extend({
  name: ZJourneyMapName.optional(),
  description: text("The description", 2000).optional(),
  objective: ZMarketingObjective.nullable().optional(),
  /** The complete set of focus stages; stages not listed stop being focus stages. */
  focusStageIds: z
    .array(id("a stage"))
    .max(journeyLimits.stages, { error: "Choose fewer focus stages." })
    .optional(),
});
export type TUpdateJourneyMapInput = z.input<typeof ZUpdateJourneyMapInput>;

export const ZDuplicateJourneyMapInput = ZJourneyMapIdInput.extend({
  name: ZJourneyMapName.optional(),
});

export const ZLinkSurveyInput = ZJourneyMapIdInput.extend({
  surveyId: id("a survey").nullable(),
});

export const ZStageIdInput = z.object({ stageId: id("a stage") });

const ZIndex = z
  .number({ error: "The position must be a number." })
  .int({ error: "The position must be a whole number." })
  .min(0, { error: "The position cannot be negative." });

export const ZAddStageInput = ZJourneyMapIdInput.extend({
  name: ZStageName,
  /** Where to insert it (0 = first); at the end when omitted. */
  index: ZIndex.optional(),
});

/** The stage's own fields; every one optional, so each form saves only what it shows. */
export const ZStageFields = z.object({
  name: ZStageName,
  /** The name in German, for German question text; empty means the name is used as it is. */
  nameDe: text("The German stage name", 80),
  description: text("The stage description", 2000),
  goals: itemList("Goals"),
  customerActions: itemList("Customer actions"),
  timeFrame: text("The time frame", 120),
  personnel: itemList("Personnel involved"),
  drivers: itemList("Customer drivers"),
  barriers: itemList("Barriers"),
  valueProposition: itemList("Value proposition"),
  contactStrategy: ZContactStrategy,
  enablers: ZEnablers,
});
export type TStageFields = z.output<typeof ZStageFields>;

export const ZUpdateStageInput = ZStageIdInput.extend(ZStageFields.partial().shape);
export type TUpdateStageInput = z.input<typeof ZUpdateStageInput>;

export const ZMoveStageInput = ZStageIdInput.extend({ index: ZIndex });

export const ZSetStageKpisInput = ZStageIdInput.extend({
  kpis: z.array(ZKpi, { error: "KPIs must be a list." }).max(journeyLimits.kpisPerStage, {
    error: `A stage can have at most ${journeyLimits.kpisPerStage} KPIs.`,
  }),
});
export type TSetStageKpisInput = z.input<typeof ZSetStageKpisInput>;

export const ZTouchpointFields = z.object({
  name: z
    .string({ error: "Enter a name for the touchpoint." })
    .trim()
    .min(1, { error: "Give the touchpoint a name." })
    .max(120, { error: "Touchpoint names can be at most 120 characters long." }),
  description: text("The touchpoint description", 1000).default(""),
  channel: ZTouchpointChannel.default("OTHER"),
  team: text("The team", 80).default(""),
  effort: ZEffort.nullable().default(null),
  momentOfTruth: z.boolean({ error: "Moment of truth is yes or no." }).default(false),
});
export type TTouchpointFields = z.output<typeof ZTouchpointFields>;
export type TTouchpointFieldsInput = z.input<typeof ZTouchpointFields>;

export const ZAddTouchpointInput = ZTouchpointFields.extend({
  stageId: id("a stage"),
  layer: ZTouchpointLayer,
});
export type TAddTouchpointInput = z.input<typeof ZAddTouchpointInput>;

export const ZTouchpointIdInput = z.object({ touchpointId: id("a touchpoint") });

export const ZUpdateTouchpointInput = ZTouchpointIdInput.extend({
  name: ZTouchpointFields.shape.name.optional(),
  description: text("The touchpoint description", 1000).optional(),
  channel: ZTouchpointChannel.optional(),
  team: text("The team", 80).optional(),
  effort: ZEffort.nullable().optional(),
  momentOfTruth: z.boolean({ error: "Moment of truth is yes or no." }).optional(),
});
export type TUpdateTouchpointInput = z.input<typeof ZUpdateTouchpointInput>;

/** Moves a touchpoint to a cell (stage x layer) and a place in it; also reorders within a cell. */
export const ZMoveTouchpointInput = ZTouchpointIdInput.extend({
  stageId: id("a stage"),
  layer: ZTouchpointLayer,
  index: ZIndex,
});
export type TMoveTouchpointInput = z.input<typeof ZMoveTouchpointInput>;

export const ZDecideMomentOfTruthInput = ZJourneyMapIdInput.extend({
  stageId: id("a stage"),
  personaKey: z
    .string({ error: "Choose a persona." })
    .trim()
    .min(1, { error: "Choose a persona." })
    .max(200, { error: "That persona key is not valid." }),
  decision: z.enum(suggestionDecisions, { error: "Accept or dismiss the suggestion." }),
});
export type TDecideMomentOfTruthInput = z.input<typeof ZDecideMomentOfTruthInput>;

// --- rules -----------------------------------------------------------------------------------

/** Moves one item of a list to `index` (clamped); the rest keep their order. */
export function moveItem<T>(items: readonly T[], from: number, index: number): T[] {
  const out = [...items];
  const [item] = out.splice(from, 1);
  if (item === undefined) return out;
  out.splice(Math.max(0, Math.min(index, out.length)), 0, item);
  return out;
}

export { stageForQuestion } from "./stage-match";
