// Reads a finished run's persona set for review: the stored result, the persona rows and their
// person-written fields, merged into what people see (the effective name, summary and template
// fields, each marked as drafted or person-written, with the evidence it rests on). Every review
// service and the share page read personas through here, so "what a persona says" is decided in
// one place.
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/db/generated/client";
import {
  ZAnalysisResult,
  type AnalysisResult,
  type Persona,
  type TextQuestionSummary,
} from "~/server/analysis/result";
import { fail } from "~/server/domain/errors";
import {
  draftFieldEvidence,
  draftFieldNote,
  draftFieldText,
  personaFields,
  type PersonaFieldDefinition,
  type TPersonaFieldKey,
} from "~/server/features/personas/persona-field-rules";
import type { TPersonaSetStatus } from "~/server/domain/review";

export interface FieldState {
  key: TPersonaFieldKey;
  label: string;
  group: PersonaFieldDefinition["group"];
  hint: string;
  maxLength: number;
  /** The generated text; never changed by edits. */
  draft: string;
  draftNote: string | null;
  /** What people see: the person-written text, else the draft. */
  value: string;
  personWritten: boolean;
  origin: "EDITED" | "CARRIED_FORWARD" | null;
  needsReview: boolean;
  reviewNote: string | null;
  /** Trait ids the shown text rests on (the draft's, or those kept with the person's text). */
  evidenceTraitIds: string[];
  updatedAt: Date | null;
  updatedByName: string | null;
}

export interface PersonaView {
  /** The Persona row's id (comments, edits and ratings refer to it). */
  id: string;
  index: number;
  name: string;
  /** True while the name is still the drafted placeholder (nobody has renamed the persona). */
  placeholderName: boolean;
  /** The card's archetype title ("The Price Hunter"); absent for thin evidence and older runs. */
  title: string | null;
  summary: string;
  avatarSeed: string;
  size: number;
  share: Persona["share"];
  stability: Persona["stability"];
  evidence: Persona["card"]["evidence"];
  fields: FieldState[];
  /** Fields a person wrote, and those flagged because their evidence changed. */
  editedCount: number;
  flaggedCount: number;
  /** The analysis result's persona: traits, quotes, members, card. */
  persona: Persona;
}

export interface RunHeader {
  id: string;
  workspaceId: string;
  surveyId: string;
  surveyTitle: string;
  reviewStatus: TPersonaSetStatus;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface PersonaSet {
  run: RunHeader;
  result: AnalysisResult;
  personas: PersonaView[];
}

const fieldInclude = {
  fields: { include: { updatedBy: { select: { name: true } } } },
} as const satisfies Prisma.PersonaInclude;

type PersonaRow = Prisma.PersonaGetPayload<{ include: typeof fieldInclude }>;

export function buildPersonaView(row: PersonaRow, persona: Persona): PersonaView {
  const stored = new Map(row.fields.map((f) => [f.field, f]));
  const fields: FieldState[] = personaFields.map((def) => {
    const own = stored.get(def.key);
    const draft = draftFieldText(persona.card, def.key);
    return {
      key: def.key,
      label: def.label,
      group: def.group,
      hint: def.hint,
      maxLength: def.maxLength,
      draft,
      draftNote: draftFieldNote(persona.card, def.key),
      value: own ? own.value : draft,
      personWritten: own !== undefined,
      origin: own ? own.origin : null,
      needsReview: own?.needsReview ?? false,
      reviewNote: own?.reviewNote ?? null,
      evidenceTraitIds: own ? own.evidenceTraitIds : draftFieldEvidence(persona.card, def.key),
      updatedAt: own?.updatedAt ?? null,
      updatedByName: own?.updatedBy?.name ?? null,
    };
  });
  const valueOf = (key: TPersonaFieldKey): string => fields.find((f) => f.key === key)?.value ?? "";
  const name = valueOf("name") || persona.name;
  return {
    id: row.id,
    index: row.index,
    name,
    placeholderName: name === persona.card.name,
    title: persona.card.title ?? null,
    summary: valueOf("summary").split("\n")[0] ?? "",
    avatarSeed: persona.card.avatarSeed,
    size: persona.size,
    share: persona.share,
    stability: persona.stability,
    evidence: persona.card.evidence,
    fields,
    editedCount: fields.filter((f) => f.personWritten).length,
    flaggedCount: fields.filter((f) => f.needsReview).length,
    persona,
  };
}

/** The run's header and parsed result; refuses runs that are missing or not finished. */
export async function loadRunResult(
  db: Db,
  where: { runId: string; workspaceId?: string },
): Promise<{ run: RunHeader; result: AnalysisResult }> {
  const row = await db.analysisRun.findFirst({
    where: {
      id: where.runId,
      ...(where.workspaceId ? { workspaceId: where.workspaceId } : {}),
    },
    include: { survey: { select: { title: true } } },
  });
  if (!row) return fail("NOT_FOUND", "That analysis run does not exist in this workspace.");
  if (row.status !== "SUCCEEDED" || !row.result) {
    return fail("CONFLICT", "This analysis has not finished, so it has no personas to review.");
  }
  return {
    run: {
      id: row.id,
      workspaceId: row.workspaceId,
      surveyId: row.surveyId,
      surveyTitle: row.survey.title,
      reviewStatus: row.reviewStatus,
      createdAt: row.createdAt,
      finishedAt: row.finishedAt,
    },
    result: ZAnalysisResult.parse(row.result),
  };
}

/** A finished run's whole persona set, personas in index order. */
export async function loadPersonaSet(
  db: Db,
  where: { runId: string; workspaceId?: string },
): Promise<PersonaSet> {
  const { run, result } = await loadRunResult(db, where);
  const rows = await db.persona.findMany({
    where: { runId: run.id },
    include: fieldInclude,
    orderBy: { index: "asc" },
  });
  const byIndex = new Map(result.personas.map((p) => [p.index, p]));
  const personas = rows.flatMap((row) => {
    const persona = byIndex.get(row.index);
    return persona ? [buildPersonaView(row, persona)] : [];
  });
  return { run, result, personas };
}

/** One persona of a set by its index, or NOT_FOUND. */
export function personaAt(set: PersonaSet, index: number): PersonaView {
  const found = set.personas.find((p) => p.index === index);
  return found ?? fail("NOT_FOUND", "This run has no persona with that number.");
}

/** The Persona row with its run, scoped to the workspace; NOT_FOUND otherwise. */
export async function requirePersonaRow(db: Db, workspaceId: string, personaId: string) {
  const row = await db.persona.findFirst({
    where: { id: personaId, run: { workspaceId } },
    include: { run: { select: { id: true, reviewStatus: true, status: true, result: true } } },
  });
  return row ?? fail("NOT_FOUND", "That persona does not exist in this workspace.");
}

/** The result's persona for a Persona row (the card, traits and quotes). */
export function resultPersona(result: unknown, index: number): Persona {
  const parsed = ZAnalysisResult.parse(result);
  const persona = parsed.personas.find((p) => p.index === index);
  return persona ?? fail("NOT_FOUND", "This run has no persona with that number.");
}

/** "What they say" for stakeholders: themes, quotes and tone, without the quotes' response ids. */
export type SharedTextQuestion = Omit<TextQuestionSummary, "themes"> & {
  themes: (Omit<TextQuestionSummary["themes"][number], "quotes"> & {
    quotes: { text: string }[];
  })[];
};

export function sharedTexts(
  texts: readonly TextQuestionSummary[] | undefined,
): SharedTextQuestion[] {
  return (texts ?? []).map((q) => ({
    ...q,
    themes: q.themes.map((t) => ({ ...t, quotes: t.quotes.map((x) => ({ text: x.text })) })),
  }));
}

/** What every summary of a persona shows, from the gallery card to the stakeholder page. */
export type PersonaFace = Pick<
  PersonaView,
  "index" | "name" | "summary" | "avatarSeed" | "size" | "share" | "stability" | "evidence"
>;

/** Only the face's fields, picked one by one so nothing else of the view leaks into a copy. */
export function personaFace(p: PersonaView): PersonaFace {
  return {
    index: p.index,
    name: p.name,
    summary: p.summary,
    avatarSeed: p.avatarSeed,
    size: p.size,
    share: p.share,
    stability: p.stability,
    evidence: p.evidence,
  };
}

/** What a stakeholder sees of a persona: no response ids, no member lists, no edit authors. */
export interface SharedPersona extends PersonaFace {
  fields: Pick<
    FieldState,
    "key" | "label" | "group" | "value" | "personWritten" | "evidenceTraitIds"
  >[];
  traits: Persona["traits"];
  distinguishingTraitIds: string[];
  quotes: { questionLabel: string; text: string }[];
  /** Per free-text question: themes and tone (empty for runs stored before texts existed). */
  texts: SharedTextQuestion[];
}

export interface SharedSet {
  surveyTitle: string;
  finishedAt: Date | null;
  clustered: number;
  testsRun: number;
  /** Comparisons on segment questions (their own family); null for runs stored before families. */
  segmentTests: number | null;
  alpha: number;
  /** Fewest answers per group for a trait to count; null for runs stored before the rule. */
  minGroupN: number | null;
  personas: SharedPersona[];
}

function toShared(p: PersonaView): SharedPersona {
  return {
    ...personaFace(p),
    fields: p.fields.map((f) => ({
      key: f.key,
      label: f.label,
      group: f.group,
      value: f.value,
      personWritten: f.personWritten,
      evidenceTraitIds: f.evidenceTraitIds,
    })),
    traits: p.persona.traits,
    distinguishingTraitIds: p.persona.distinguishingTraitIds,
    quotes: p.persona.card.quotes.map((q) => ({ questionLabel: q.questionLabel, text: q.text })),
    texts: sharedTexts(p.persona.texts),
  };
}

/** A set as read-only viewers see it (share links, presentation, comparison). */
export function toReadOnlySet(set: PersonaSet): SharedSet {
  return {
    surveyTitle: set.run.surveyTitle,
    finishedAt: set.run.finishedAt,
    clustered: set.result.encoding.clustered,
    testsRun: set.result.metrics.testsRun,
    segmentTests: set.result.metrics.segmentTests ?? null,
    alpha: set.result.parameters.alpha,
    minGroupN: set.result.parameters.minGroupN ?? null,
    personas: set.personas.map(toShared),
  };
}
