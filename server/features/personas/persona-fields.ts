// Person-written persona template fields: strategists and owners edit a field, go back to the
// generated draft, or confirm a field that a re-run flagged; everyone reads the fields and their
// history. The generated card is never touched: an edit writes the PersonaField row (the current
// text) and a PersonaFieldEdit (who, when, before, after), so the draft and every earlier version
// stay readable. A field remembers the traits it rests on, so a later run can check them.
import type { Db } from "~/server/db/client";
import { fail } from "~/server/domain/errors";
import {
  draftFieldEvidence,
  draftFieldText,
  isPersonaFieldKey,
  personaField,
  ZEditPersonaFieldInput,
  ZPersonaFieldRef,
  type TEditPersonaFieldInput,
  type TPersonaFieldKey,
  type TPersonaFieldRef,
} from "~/server/features/personas/persona-field-rules";
import type { TPersonaSetStatus } from "~/server/domain/review";
import { access } from "~/server/domain/workspace";
import { requireRole, type MembershipView } from "../workspaces/access";
import { requireEditableStatus } from "../review/persona-review";
import {
  loadPersonaSet,
  personaAt,
  requirePersonaRow,
  resultPersona,
  type PersonaView,
  type RunHeader,
} from "./persona-view";

export interface FieldEditView {
  id: string;
  field: TPersonaFieldKey;
  fieldLabel: string;
  kind: "EDIT" | "REVERT" | "CARRY_FORWARD";
  before: string;
  after: string;
  note: string | null;
  actorName: string | null;
  createdAt: Date;
}

export interface PersonaReviewView {
  run: RunHeader;
  persona: PersonaView;
  /** Other personas of the set (for navigation and comparison). */
  siblings: { index: number; name: string }[];
  clustered: number;
  testsRun: number;
  /** Comparisons on segment questions (their own family); null for runs stored before families. */
  segmentTests: number | null;
  alpha: number;
  /** Fewest answers per group for a trait to count; null for runs stored before the rule. */
  minGroupN: number | null;
  canEdit: boolean;
  editable: boolean;
  history: FieldEditView[];
}

async function historyOf(db: Db, personaId: string, field?: TPersonaFieldKey) {
  const rows = await db.personaFieldEdit.findMany({
    where: { personaId, ...(field ? { field } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { actor: { select: { name: true } } },
    take: 500,
  });
  return rows.flatMap((r): FieldEditView[] =>
    isPersonaFieldKey(r.field)
      ? [
          {
            id: r.id,
            field: r.field,
            fieldLabel: personaField(r.field).label,
            kind: r.kind,
            before: r.before,
            after: r.after,
            note: r.note,
            actorName: r.actor?.name ?? null,
            createdAt: r.createdAt,
          },
        ]
      : [],
  );
}

export async function getPersonaReview(
  db: Db,
  actor: MembershipView,
  runId: string,
  index: number,
): Promise<PersonaReviewView> {
  requireRole(actor, access.anyMember);
  const set = await loadPersonaSet(db, { runId, workspaceId: actor.workspaceId });
  const persona = personaAt(set, index);
  const editable = set.run.reviewStatus !== "APPROVED";
  return {
    run: set.run,
    persona,
    siblings: set.personas.map((p) => ({ index: p.index, name: p.name })),
    clustered: set.result.encoding.clustered,
    testsRun: set.result.metrics.testsRun,
    segmentTests: set.result.metrics.segmentTests ?? null,
    alpha: set.result.parameters.alpha,
    minGroupN: set.result.parameters.minGroupN ?? null,
    canEdit: (access.review as readonly string[]).includes(actor.role) && editable,
    editable,
    history: await historyOf(db, persona.id),
  };
}

export async function listFieldHistory(
  db: Db,
  actor: MembershipView,
  raw: { personaId: string; field?: TPersonaFieldKey },
): Promise<FieldEditView[]> {
  requireRole(actor, access.anyMember);
  const row = await requirePersonaRow(db, actor.workspaceId, raw.personaId);
  return historyOf(db, row.id, raw.field);
}

async function editableRow(db: Db, actor: MembershipView, personaId: string) {
  requireRole(actor, access.review);
  const row = await requirePersonaRow(db, actor.workspaceId, personaId);
  if (row.run.status !== "SUCCEEDED" || !row.run.result) {
    fail("CONFLICT", "This analysis has not finished, so it has no personas to edit.");
  }
  requireEditableStatus(row.run.reviewStatus as TPersonaSetStatus);
  return { row, persona: resultPersona(row.run.result, row.index) };
}

export async function editPersonaField(
  db: Db,
  actor: MembershipView,
  raw: TEditPersonaFieldInput,
): Promise<{ changed: boolean }> {
  const input = ZEditPersonaFieldInput.parse(raw);
  const { row, persona } = await editableRow(db, actor, input.personaId);
  const draft = draftFieldText(persona.card, input.field);
  return db.$transaction(async (tx) => {
    const existing = await tx.personaField.findUnique({
      where: { personaId_field: { personaId: row.id, field: input.field } },
    });
    const before = existing?.value ?? draft;
    if (input.value === before) {
      // Saving the text already shown changes nothing, except that a person has now looked at it.
      if (existing?.needsReview) {
        await tx.personaField.update({
          where: { id: existing.id },
          data: { needsReview: false, reviewNote: null, updatedById: actor.userId },
        });
      }
      return { changed: false };
    }
    const evidence = [
      ...new Set([
        ...draftFieldEvidence(persona.card, input.field),
        ...(existing?.evidenceTraitIds ?? []),
      ]),
    ];
    await tx.personaField.upsert({
      where: { personaId_field: { personaId: row.id, field: input.field } },
      create: {
        personaId: row.id,
        field: input.field,
        value: input.value,
        origin: "EDITED",
        evidenceTraitIds: evidence,
        updatedById: actor.userId,
      },
      update: {
        value: input.value,
        origin: "EDITED",
        evidenceTraitIds: evidence,
        needsReview: false,
        reviewNote: null,
        updatedById: actor.userId,
      },
    });
    await tx.personaFieldEdit.create({
      data: {
        personaId: row.id,
        field: input.field,
        kind: "EDIT",
        before,
        after: input.value,
        actorId: actor.userId,
      },
    });
    return { changed: true };
  });
}

/** Drops the person-written text: the field shows the generated draft again (kept in history). */
export async function revertPersonaField(
  db: Db,
  actor: MembershipView,
  raw: TPersonaFieldRef,
): Promise<{ changed: boolean }> {
  const input = ZPersonaFieldRef.parse(raw);
  const { row, persona } = await editableRow(db, actor, input.personaId);
  const draft = draftFieldText(persona.card, input.field);
  return db.$transaction(async (tx) => {
    const existing = await tx.personaField.findUnique({
      where: { personaId_field: { personaId: row.id, field: input.field } },
    });
    if (!existing) return { changed: false };
    await tx.personaField.delete({ where: { id: existing.id } });
    await tx.personaFieldEdit.create({
      data: {
        personaId: row.id,
        field: input.field,
        kind: "REVERT",
        before: existing.value,
        after: draft,
        actorId: actor.userId,
      },
    });
    return { changed: true };
  });
}

/** A person checked a field a re-run flagged and keeps its text: the flag goes. */
export async function confirmPersonaField(
  db: Db,
  actor: MembershipView,
  raw: TPersonaFieldRef,
): Promise<void> {
  const input = ZPersonaFieldRef.parse(raw);
  const { row } = await editableRow(db, actor, input.personaId);
  await db.personaField.updateMany({
    where: { personaId: row.id, field: input.field, needsReview: true },
    data: { needsReview: false, reviewNote: null, updatedById: actor.userId },
  });
}
