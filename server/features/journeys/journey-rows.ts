// The rows of a journey map's structure (stages with their touchpoints and KPIs), as Prisma
// nested creates: from a template (the services and the demo seed both create maps this way, so
// the demo map is exactly what a researcher gets from the template) and from a stored map (the
// deep copy behind "duplicate").
import {
  ZContactStrategy,
  ZEnablers,
  ZKpi,
  readContactStrategy,
  readEnablers,
  type TTouchpointLayer,
} from "~/server/domain/journey";
import type { JourneyTemplate } from "~/server/domain/journey-templates";
import type { Prisma } from "~/server/db/generated/client";

export type StageCreate = Prisma.StageCreateWithoutJourneyMapInput;

/** Positions are 0-based and contiguous per cell (stage x layer), in the order given. */
function positionsByLayer<T extends { layer: TTouchpointLayer }>(items: readonly T[]) {
  const next: Partial<Record<TTouchpointLayer, number>> = {};
  return items.map((item) => {
    const position = next[item.layer] ?? 0;
    next[item.layer] = position + 1;
    return { item, position };
  });
}

export function stagesFromTemplate(template: JourneyTemplate): StageCreate[] {
  return template.stages.map((s, position) => ({
    position,
    name: s.name,
    nameDe: s.nameDe ?? "",
    description: s.description,
    goals: [...s.goals],
    customerActions: [...s.customerActions],
    timeFrame: s.timeFrame,
    personnel: [...s.personnel],
    isFocus: s.isFocus ?? false,
    drivers: [...(s.drivers ?? [])],
    barriers: [...(s.barriers ?? [])],
    valueProposition: [...(s.valueProposition ?? [])],
    // Parsed, so a template can never store a value the editor would refuse.
    contactStrategy: ZContactStrategy.parse(s.contactStrategy ?? {}),
    enablers: ZEnablers.parse(s.enablers ?? {}),
    touchpoints: {
      create: positionsByLayer(s.touchpoints).map(({ item, position: p }) => ({
        position: p,
        layer: item.layer,
        name: item.name,
        channel: item.channel,
        team: item.team ?? "",
        effort: item.effort ?? null,
        momentOfTruth: item.momentOfTruth ?? false,
      })),
    },
    kpis: {
      create: (s.kpis ?? []).map((k, p) => ({ position: p, ...ZKpi.parse(k) })),
    },
  }));
}

/** A stored stage as its select for copying: everything but ids and evidence. */
export const stageCopySelect = {
  position: true,
  name: true,
  nameDe: true,
  description: true,
  goals: true,
  customerActions: true,
  timeFrame: true,
  personnel: true,
  isFocus: true,
  drivers: true,
  barriers: true,
  valueProposition: true,
  contactStrategy: true,
  enablers: true,
  touchpoints: {
    select: {
      layer: true,
      position: true,
      name: true,
      description: true,
      channel: true,
      team: true,
      effort: true,
      momentOfTruth: true,
    },
  },
  kpis: { select: { position: true, name: true, target: true, currentValue: true, unit: true } },
} satisfies Prisma.StageSelect;

type StoredStage = Prisma.StageGetPayload<{ select: typeof stageCopySelect }>;

export function stagesFromStored(stages: readonly StoredStage[]): StageCreate[] {
  return [...stages]
    .sort((a, b) => a.position - b.position)
    .map((s, position) => ({
      ...s,
      position,
      contactStrategy: readContactStrategy(s.contactStrategy),
      enablers: readEnablers(s.enablers),
      touchpoints: { create: s.touchpoints.map((t) => ({ ...t })) },
      kpis: { create: s.kpis.map((k) => ({ ...k })) },
    }));
}
