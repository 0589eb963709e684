// Words for analysis runs shared by the personas pages: statuses, phases, stability, dates.
import type { RunSummary } from "~/server/features/analysis-runs/analysis-run-views";
import { formatDateTime } from "~/app/_lib/format";

export type RunStatus = RunSummary["status"];

export const statusLabels: Record<RunStatus, string> = {
  QUEUED: "Queued",
  RUNNING: "Running",
  SUCCEEDED: "Finished",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};

export function isActive(status: RunStatus): boolean {
  return status === "QUEUED" || status === "RUNNING";
}

const phaseLabels: Record<string, string> = {
  load: "Loading answers",
  encode: "Encoding answers",
  "choose-k": "Choosing the number of personas",
  stability: "Checking stability",
  profile: "Profiling personas",
  cards: "Drafting persona cards",
  done: "Done",
};

export function phaseLabel(status: RunStatus, phase: string | null): string {
  if (status === "QUEUED") return "Waiting to start";
  if (!phase) return "Starting";
  return phaseLabels[phase] ?? phase;
}

/** A run's (or comment's, or event's) date and time in the viewer's locale (app/_lib/format.ts). */
export const formatWhen = (date: Date, locale: string): string => formatDateTime(date, { locale });

/** Parameters as the run stored them (versions chosen, k, seed, partial responses). */
export interface StoredParameters {
  versionNumbers: number[];
  includePartial: boolean;
  seed: number | null;
  k: "auto" | number | null;
}

export function readParameters(value: unknown): StoredParameters {
  const p = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const versions = Array.isArray(p.versionNumbers)
    ? p.versionNumbers.filter((v): v is number => typeof v === "number")
    : [];
  return {
    versionNumbers: versions,
    includePartial: p.includePartial === true,
    seed: typeof p.seed === "number" ? p.seed : null,
    k: p.k === "auto" ? "auto" : typeof p.k === "number" ? p.k : null,
  };
}

export function kText(k: StoredParameters["k"]): string {
  return k === "auto" ? "chosen automatically" : k === null ? "unknown" : `fixed at ${k}`;
}

export {
  stabilityText,
  stabilityTitle,
  type StabilityFigures,
} from "~/server/analysis/stability-text";
