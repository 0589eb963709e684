// The persona gallery: the finished runs a member can pick from (with their review status), and
// for the chosen run (by default the newest finished one) a card per persona: effective name and
// one-line summary, share with its interval, stability, and what needs attention (fields flagged
// after a re-run, open comment threads). Sorting and filtering happen here, not in the page.
import { z } from "zod";
import type { Db } from "~/server/db/client";
import { personaSetStatuses, type TPersonaSetStatus } from "~/server/domain/review";
import { access } from "~/server/domain/workspace";
import { requireRole, type MembershipView } from "../workspaces/access";
import {
  loadPersonaSet,
  personaFace,
  toReadOnlySet,
  type PersonaFace,
  type PersonaSet,
  type PersonaView,
  type RunHeader,
  type SharedSet,
} from "./persona-view";

export const gallerySorts = ["share", "name", "stability"] as const;
export const galleryShows = ["all", "attention", "edited"] as const;

export const ZGalleryInput = z.object({
  runId: z.string().min(1).max(64).optional(),
  sort: z.enum(gallerySorts).default("share"),
  /** Narrows the runs offered (and the default run) to sets in this review status. */
  reviewStatus: z.enum([...personaSetStatuses, "ALL"]).default("ALL"),
  /** Within the run: every persona, those needing attention, or those a person edited. */
  show: z.enum(galleryShows).default("all"),
});
export type TGalleryInput = z.input<typeof ZGalleryInput>;

export interface GalleryRun {
  id: string;
  surveyTitle: string;
  createdAt: Date;
  finishedAt: Date | null;
  reviewStatus: TPersonaSetStatus;
  personaCount: number;
}

/** The persona's face plus its review state; placeholderName as in PersonaView. */
export interface GalleryCard
  extends
    PersonaFace,
    Pick<PersonaView, "id" | "placeholderName" | "editedCount" | "flaggedCount"> {
  nameWrittenByPerson: boolean;
  openThreads: number;
}

export interface Gallery {
  runs: GalleryRun[];
  selected: {
    run: RunHeader;
    clustered: number;
    totalPersonas: number;
    cards: GalleryCard[];
  } | null;
}

export function sortCards(
  cards: GalleryCard[],
  sort: (typeof gallerySorts)[number],
): GalleryCard[] {
  const byIndex = (a: GalleryCard, b: GalleryCard) => a.index - b.index;
  const sorted = [...cards];
  if (sort === "share") sorted.sort((a, b) => b.share.estimate - a.share.estimate || byIndex(a, b));
  if (sort === "name")
    sorted.sort(
      (a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || byIndex(a, b),
    );
  if (sort === "stability") {
    const score = (c: GalleryCard) => c.stability.meanJaccard ?? -1;
    sorted.sort((a, b) => score(b) - score(a) || byIndex(a, b));
  }
  return sorted;
}

/** Open (unresolved) comment threads per persona index: on the persona or on its traits. */
async function openThreadsByPersona(db: Db, set: PersonaSet): Promise<Map<number, number>> {
  const roots = await db.comment.findMany({
    where: { runId: set.run.id, parentId: null, resolvedAt: null },
    select: { targetType: true, targetKey: true },
  });
  const indexById = new Map(set.personas.map((p) => [p.id, p.index]));
  const counts = new Map<number, number>();
  for (const c of roots) {
    const index =
      c.targetType === "PERSONA"
        ? indexById.get(c.targetKey)
        : c.targetType === "TRAIT"
          ? Number(/^p(\d+):/.exec(c.targetKey)?.[1] ?? NaN)
          : undefined;
    if (index !== undefined && Number.isInteger(index))
      counts.set(index, (counts.get(index) ?? 0) + 1);
  }
  return counts;
}

export async function getGallery(
  db: Db,
  actor: MembershipView,
  raw: TGalleryInput,
): Promise<Gallery> {
  requireRole(actor, access.anyMember);
  const input = ZGalleryInput.parse(raw);
  const rows = await db.analysisRun.findMany({
    where: {
      workspaceId: actor.workspaceId,
      status: "SUCCEEDED",
      ...(input.reviewStatus === "ALL" ? {} : { reviewStatus: input.reviewStatus }),
    },
    orderBy: { createdAt: "desc" },
    take: 100,
    include: { survey: { select: { title: true } }, _count: { select: { personas: true } } },
  });
  const runs: GalleryRun[] = rows.map((r) => ({
    id: r.id,
    surveyTitle: r.survey.title,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
    reviewStatus: r.reviewStatus,
    personaCount: r._count.personas,
  }));
  // A run outside the chosen review status gives way to the newest run within it.
  const runId =
    input.runId && (input.reviewStatus === "ALL" || runs.some((r) => r.id === input.runId))
      ? input.runId
      : runs[0]?.id;
  if (!runId) return { runs, selected: null };
  const set = await loadPersonaSet(db, { runId, workspaceId: actor.workspaceId });
  const threads = await openThreadsByPersona(db, set);
  const cards = set.personas
    .map((p): GalleryCard => ({
      ...personaFace(p),
      id: p.id,
      nameWrittenByPerson: p.fields.some((f) => f.key === "name" && f.personWritten),
      placeholderName: p.placeholderName,
      editedCount: p.editedCount,
      flaggedCount: p.flaggedCount,
      openThreads: threads.get(p.index) ?? 0,
    }))
    .filter((c) =>
      input.show === "attention"
        ? c.flaggedCount > 0 || c.openThreads > 0
        : input.show === "edited"
          ? c.editedCount > 0
          : true,
    );
  return {
    runs,
    selected: {
      run: set.run,
      clustered: set.result.encoding.clustered,
      totalPersonas: set.personas.length,
      cards: sortCards(cards, input.sort),
    },
  };
}

/** A run's set without members or edit authors, for comparison and presentation. */
export async function getReadOnlySet(
  db: Db,
  actor: MembershipView,
  runId: string,
): Promise<SharedSet & { runId: string; reviewStatus: TPersonaSetStatus }> {
  requireRole(actor, access.anyMember);
  const set = await loadPersonaSet(db, { runId, workspaceId: actor.workspaceId });
  return { ...toReadOnlySet(set), runId: set.run.id, reviewStatus: set.run.reviewStatus };
}
