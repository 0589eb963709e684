// Journey cell exports: one row per persona (and the all-respondents row) and stage of a map's fill
// by one run, with the emotion mean and interval, the pain index with its interval, severe share,
// Benjamini-Hochberg q and verdict, the top thought theme, and for cells without enough evidence
// their status with n and the reason. CSV (text cells that a spreadsheet would run as a formula
// are neutralised) or JSON (typed values).
import Papa from "papaparse";
import { ZJourneyFill, type TJourneyFill } from "~/server/analysis/journey/result";
import type { Db } from "~/server/db/client";
import { fail } from "~/server/domain/errors";
import { access } from "~/server/domain/workspace";
import { requireRole, type MembershipView } from "../workspaces/access";
import { getJourneyFill } from "./journey-fills";
import { requireJourneyMap } from "./journey-lookup";
import { exportFileName, neutralizeCell } from "../responses/response-export";

export const journeyCellColumns = [
  "persona",
  "persona_index",
  "persona_n",
  "stage",
  "stage_position",
  "emotion_status",
  "emotion_n",
  "emotion_mean",
  "emotion_lower",
  "emotion_upper",
  "emotion_note",
  "pain_status",
  "pain_n",
  "pain_index",
  "pain_lower",
  "pain_upper",
  "pain_severe_share",
  "pain_q",
  "pain_significant",
  "pain_note",
  "top_theme",
  "top_theme_share",
] as const;
export type JourneyCellColumn = (typeof journeyCellColumns)[number];
export type JourneyCellRow = Record<JourneyCellColumn, string | number | boolean | null>;

const round = (v: number, digits: number) => Number(v.toFixed(digits));

/**
 * The rows of a fill: personas in index order, then all respondents; stages in the order given
 * (the map's current order; stages of the fill no longer on the map come last under their
 * stored names).
 */
export function journeyCellRows(
  fill: TJourneyFill,
  stages: { id: string; name: string }[],
): JourneyCellRow[] {
  const onMap = new Set(stages.map((s) => s.id));
  const order = [
    ...stages.filter((s) => fill.stages.some((f) => f.id === s.id)),
    ...fill.stages.filter((s) => !onMap.has(s.id)),
  ];
  const rows = [
    ...fill.personas.map((p) => ({ index: p.index as number | null, name: p.name, n: p.n })),
    { index: null, name: "All respondents", n: fill.respondents },
  ];
  const cells = new Map(fill.cells.map((c) => [`${c.personaIndex ?? "all"}|${c.stageId}`, c]));
  return rows.flatMap((row) =>
    order.map((stage, position) => {
      const cell = cells.get(`${row.index ?? "all"}|${stage.id}`);
      const emotion = cell?.emotion;
      const pain = cell?.pain;
      const thoughts = cell?.thoughts;
      const theme = thoughts?.status === "ok" ? thoughts.themes[0] : undefined;
      const emotionOk = emotion?.status === "ok" ? emotion : undefined;
      const painOk = pain?.status === "ok" ? pain : undefined;
      return {
        persona: row.name,
        persona_index: row.index,
        persona_n: row.n,
        stage: stage.name,
        stage_position: position + 1,
        emotion_status: emotion?.status ?? "missing",
        emotion_n: emotion?.n ?? null,
        emotion_mean: emotionOk ? round(emotionOk.mean, 3) : null,
        emotion_lower: emotionOk ? round(emotionOk.interval.lower, 3) : null,
        emotion_upper: emotionOk ? round(emotionOk.interval.upper, 3) : null,
        emotion_note: emotion?.status === "insufficient" ? emotion.reason : null,
        pain_status: pain?.status ?? "missing",
        pain_n: pain?.n ?? null,
        pain_index: painOk ? round(painOk.index, 1) : null,
        pain_lower: painOk ? round(painOk.interval.lower, 1) : null,
        pain_upper: painOk ? round(painOk.interval.upper, 1) : null,
        pain_severe_share: painOk ? round(painOk.severe.share, 3) : null,
        pain_q: painOk?.test ? round(painOk.test.q, 4) : null,
        pain_significant: painOk?.test ? painOk.test.significant : null,
        pain_note: pain?.status === "insufficient" ? pain.reason : null,
        top_theme: theme?.label ?? null,
        top_theme_share: theme ? round(theme.share, 3) : null,
      };
    }),
  );
}

export function journeyCellsCsv(rows: JourneyCellRow[]): string {
  return Papa.unparse(
    {
      fields: [...journeyCellColumns],
      data: rows.map((row) =>
        journeyCellColumns.map((c) => {
          const value = row[c];
          return neutralizeCell(typeof value === "boolean" ? String(value) : value);
        }),
      ),
    },
    { newline: "\r\n" },
  );
}

export interface JourneyExportFile {
  fileName: string;
  contentType: string;
  body: string;
}

/** A file name from the map's name, e.g. "car-buying-journey-cells.csv". */
export function journeyFileName(mapName: string, what: string, format: string): string {
  return exportFileName(mapName, "csv").replace(/-responses\.csv$/, `-${what}.${format}`);
}

export async function exportJourneyCells(
  db: Db,
  actor: MembershipView,
  input: { journeyMapId: string; runId?: string; format: "csv" | "json" },
): Promise<JourneyExportFile> {
  requireRole(actor, access.anyMember);
  const map = await requireJourneyMap(db, actor.workspaceId, input.journeyMapId);
  const stored = await getJourneyFill(db, actor, input);
  if (!stored) {
    return fail("NOT_FOUND", "No analysis run has filled this journey map yet.");
  }
  const parsed = ZJourneyFill.safeParse(stored.result);
  if (!parsed.success) {
    return fail("CONFLICT", "This fill was stored by an earlier version; refill the map first.");
  }
  const rows = journeyCellRows(parsed.data, map.stages);
  const fileName = journeyFileName(map.name, "journey-cells", input.format);
  return input.format === "csv"
    ? { fileName, contentType: "text/csv; charset=utf-8", body: journeyCellsCsv(rows) }
    : {
        fileName,
        contentType: "application/json; charset=utf-8",
        body: JSON.stringify(
          { map: map.name, runId: stored.runId, runCreatedAt: stored.runCreatedAt, cells: rows },
          null,
          2,
        ),
      };
}
