// Exports of a run's persona set for every member: personas (one row each: effective template
// fields as people see them, with whether a person wrote each, share with interval, stability,
// review status) and traits (one row per persona x trait: values with intervals, n, effect with
// its approximate interval, p and q, its false-discovery family and whether it had too few
// answers to count) as CSV or JSON, and the run's full stored result as JSON.
// CSV text cells that a spreadsheet would run as formulas are neutralised, as in the response
// export.
import Papa from "papaparse";
import type { Db } from "~/server/db/client";
import { effectInterval } from "~/server/analysis/effect-intervals";
import { traitFamily } from "~/server/analysis/evidence-rules";
import { traitOptionLabel } from "~/server/analysis/option-labels";
import { personaFields } from "~/server/features/personas/persona-field-rules";
import { access } from "~/server/domain/workspace";
import { requireRole, type MembershipView } from "../workspaces/access";
import { loadPersonaSet, type PersonaSet } from "./persona-view";
import { neutralizeCell, type ExportCell, type ExportRow } from "../responses/response-export";

export const exportDatasets = ["personas", "traits", "result"] as const;
export type ExportDataset = (typeof exportDatasets)[number];

export interface TableExport {
  columns: string[];
  rows: ExportRow[];
}

const round = (value: number, digits = 6): number => Number(value.toFixed(digits));

export function personaTable(set: PersonaSet): TableExport {
  const fieldColumns = personaFields.flatMap((f) => [f.key, `${f.key}_source`]);
  const columns = [
    "run_id",
    "review_status",
    "persona_index",
    "persona_id",
    ...fieldColumns,
    "size",
    "clustered",
    "share",
    "share_lower",
    "share_upper",
    "stability",
    "stability_jaccard",
    "evidence",
    "flagged_fields",
  ];
  const rows = set.personas.map((p) => {
    const row: ExportRow = {
      run_id: set.run.id,
      review_status: set.run.reviewStatus,
      persona_index: p.index,
      persona_id: p.id,
      size: p.size,
      clustered: set.result.encoding.clustered,
      share: round(p.share.estimate),
      share_lower: round(p.share.lower),
      share_upper: round(p.share.upper),
      stability: p.stability.label,
      stability_jaccard: p.stability.meanJaccard === null ? null : round(p.stability.meanJaccard),
      evidence: p.evidence,
      flagged_fields: p.fields
        .filter((f) => f.needsReview)
        .map((f) => f.key)
        .join(";"),
    };
    for (const f of p.fields) {
      row[f.key] = f.value;
      row[`${f.key}_source`] = f.personWritten ? "person" : "draft";
    }
    return row;
  });
  return { columns, rows };
}

export function traitTable(set: PersonaSet): TableExport {
  const columns = [
    "run_id",
    "persona_index",
    "persona_name",
    "trait_id",
    "question_id",
    "label",
    "option",
    "option_label",
    "role",
    "measure",
    "segment_input",
    "family",
    "persona_value",
    "persona_lower",
    "persona_upper",
    "rest_value",
    "rest_lower",
    "rest_upper",
    "persona_n",
    "rest_n",
    "effect",
    "effect_value",
    "effect_lower_approx",
    "effect_upper_approx",
    "magnitude",
    "test",
    "p",
    "q",
    "direction",
    "distinguishing",
    "insufficient",
  ];
  const rows = set.personas.flatMap((p) =>
    p.persona.traits.map((t): ExportRow => {
      const ci = effectInterval(t.effect.name, t.effect.value, t.personaN, t.restN);
      return {
        run_id: set.run.id,
        persona_index: p.index,
        persona_name: p.name,
        trait_id: t.id,
        question_id: t.questionId,
        label: t.label,
        option: t.option ?? null,
        option_label: t.option === undefined ? null : traitOptionLabel(t),
        role: t.role,
        measure: t.measure,
        segment_input: t.segmentInput ? 1 : 0,
        family: traitFamily(t),
        persona_value: round(t.personaValue),
        persona_lower: round(t.personaInterval.lower),
        persona_upper: round(t.personaInterval.upper),
        rest_value: round(t.restValue),
        rest_lower: round(t.restInterval.lower),
        rest_upper: round(t.restInterval.upper),
        persona_n: t.personaN,
        rest_n: t.restN,
        effect: t.effect.name,
        effect_value: round(t.effect.value),
        effect_lower_approx: round(ci.lower),
        effect_upper_approx: round(ci.upper),
        magnitude: t.effect.magnitude,
        test: t.test,
        p: t.p,
        q: t.q,
        direction: t.direction,
        distinguishing: t.distinguishing ? 1 : 0,
        insufficient: t.insufficient ? 1 : 0,
      };
    }),
  );
  return { columns, rows };
}

export function tableToCsv(table: TableExport): string {
  return Papa.unparse(
    {
      fields: table.columns,
      data: table.rows.map((row) =>
        table.columns.map((c) => neutralizeCell((row[c] ?? null) as ExportCell)),
      ),
    },
    { newline: "\r\n" },
  );
}

export function tableToJson(table: TableExport): string {
  return JSON.stringify(
    table.rows.map((row) => Object.fromEntries(table.columns.map((c) => [c, row[c] ?? null]))),
    null,
    2,
  );
}

export interface PersonaExportFile {
  fileName: string;
  contentType: string;
  body: string;
}

function slug(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 50)
      .replace(/-+$/, "") || "analysis"
  );
}

export async function exportPersonaSet(
  db: Db,
  actor: MembershipView,
  runId: string,
  dataset: ExportDataset,
  format: "csv" | "json",
): Promise<PersonaExportFile> {
  requireRole(actor, access.anyMember);
  const set = await loadPersonaSet(db, { runId, workspaceId: actor.workspaceId });
  const base = `${slug(set.run.surveyTitle)}-${set.run.id.slice(-8)}`;
  if (dataset === "result") {
    return {
      fileName: `${base}-result.json`,
      contentType: "application/json; charset=utf-8",
      body: JSON.stringify(set.result, null, 2),
    };
  }
  const table = dataset === "personas" ? personaTable(set) : traitTable(set);
  return format === "csv"
    ? {
        fileName: `${base}-${dataset}.csv`,
        contentType: "text/csv; charset=utf-8",
        // The byte-order mark makes spreadsheet programs read UTF-8 correctly.
        body: `\uFEFF${tableToCsv(table)}\r\n`,
      }
    : {
        fileName: `${base}-${dataset}.json`,
        contentType: "application/json; charset=utf-8",
        body: tableToJson(table),
      };
}

/** A file name for a persona's card: survey, persona number and name. */
export function personaFileName(surveyTitle: string, index: number, name: string, ext: string) {
  return `${slug(surveyTitle)}-persona-${index + 1}-${slug(name)}.${ext}`;
}
