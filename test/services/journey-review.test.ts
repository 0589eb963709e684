// Reviewing a filled journey map, on a real database with the demo seed and the demo analysis
// (which fills the demo map): comments on a journey cell are checked against the workspace (the
// key must name a map of this workspace and a run that filled it) and counted per cell; the cell
// export has one row per persona (and all respondents) and stage carrying the fill's own numbers,
// and neutralises text a spreadsheet would run as a formula.
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZJourneyFill, type TJourneyFill } from "~/server/analysis/journey/result";
import type { Db } from "~/server/db/client";
import { demoJourneyName } from "~/server/features/demo/car-buying-survey";
import { seedDemo } from "~/server/features/demo/seed";
import { journeyCellKey } from "~/server/domain/journey-cell-key";
import type { MembershipView } from "~/server/features/workspaces/access";
import {
  countJourneyCellThreads,
  createComment,
  listThreads,
  resolveThread,
} from "~/server/features/review/comments";
import { runDemoAnalysis } from "~/server/features/demo/demo-analysis";
import {
  exportJourneyCells,
  journeyCellColumns,
  journeyCellRows,
  journeyCellsCsv,
} from "~/server/features/journeys/journey-export";
import { addMember, makeWorkspaceWithOwner } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;
let strategist: MembershipView;
let mapId = "";
let runId = "";
let stages: { id: string; name: string }[] = [];
let fill: TJourneyFill;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
  await seedDemo(db, { now: new Date("2026-05-04T15:30:00Z") });
  const outcome = await runDemoAnalysis(db);
  expect(outcome?.status).toBe("SUCCEEDED");
  const map = await db.journeyMap.findFirstOrThrow({
    where: { name: demoJourneyName },
    include: { stages: { orderBy: { position: "asc" } }, fills: true },
  });
  mapId = map.id;
  stages = map.stages.map((s) => ({ id: s.id, name: s.name }));
  const stored = map.fills[0];
  if (!stored) throw new Error("The demo analysis did not fill the demo map.");
  runId = stored.runId;
  fill = ZJourneyFill.parse(stored.result);
  strategist = (await addMember(db, map.workspaceId, "STRATEGIST", "Stella Strategist")).actor;
}, 180_000);
afterAll(async () => close());

const painKey = (stageIndex: number, personaIndex: number | null = 0) =>
  journeyCellKey({
    mapId,
    runId,
    personaIndex,
    stageId: stages[stageIndex]?.id ?? "",
    aspect: "pain",
  });

describe("comments on journey cells", () => {
  it("starts threads on a cell of a filled map and counts them per cell", async () => {
    const key = painKey(3);
    const thread = await createComment(db, strategist, {
      targetType: "JOURNEY_CELL",
      targetKey: key,
      body: "Fees at Purchase: check with finance.",
    });
    expect(thread.runId).toBe(runId);
    await createComment(db, strategist, {
      targetType: "JOURNEY_CELL",
      targetKey: key,
      body: "Second thread on the same cell.",
    });
    const other = painKey(0, null);
    await createComment(db, strategist, {
      targetType: "JOURNEY_CELL",
      targetKey: other,
      body: "Everyone at Discovery.",
    });
    await resolveThread(db, strategist, { commentId: thread.id });

    const counts = await countJourneyCellThreads(db, strategist, { journeyMapId: mapId, runId });
    expect(counts).toEqual({ [key]: { open: 1, total: 2 }, [other]: { open: 1, total: 1 } });
    const listed = await listThreads(db, strategist, {
      targetType: "JOURNEY_CELL",
      targetKey: key,
    });
    expect(listed.map((t) => t.body)).toEqual([
      "Fees at Purchase: check with finance.",
      "Second thread on the same cell.",
    ]);
  });

  it("refuses keys that are malformed or name a map or run outside the workspace's fills", async () => {
    const post = (targetKey: string, actor = strategist) =>
      createComment(db, actor, { targetType: "JOURNEY_CELL", targetKey, body: "Hello" });
    await expect(post("not-a-cell")).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(post(painKey(1).replace(/:pain$/, ":price"))).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    // A run of the workspace that did not fill this map, and a map that is not there.
    await expect(post(painKey(1).replace(`:${runId}:`, ":nosuchrun:"))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(post(painKey(1).replace(`${mapId}:`, "nosuchmap:"))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Another workspace's member cannot comment on this workspace's map.
    const { actor: outsider } = await makeWorkspaceWithOwner(db, "Elsewhere");
    await expect(post(painKey(1), outsider)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // runId given with the key must agree with it.
    await expect(
      createComment(db, strategist, {
        targetType: "JOURNEY_CELL",
        targetKey: painKey(1),
        runId: "another-run",
        body: "Hello",
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("journey cell export", () => {
  it("writes one CSV row per persona and stage with the fill's numbers", async () => {
    const file = await exportJourneyCells(db, strategist, { journeyMapId: mapId, format: "csv" });
    expect(file.fileName).toBe("buying-a-car-with-northwind-journey-cells.csv");
    const parsed = Papa.parse<Record<string, string>>(file.body, {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.meta.fields).toEqual([...journeyCellColumns]);
    const names = [...fill.personas.map((p) => p.name), "All respondents"];
    expect(parsed.data).toHaveLength(names.length * stages.length);
    expect(parsed.data.map((r) => `${r.persona}|${r.stage}`)).toEqual(
      names.flatMap((n) => stages.map((s) => `${n}|${s.name}`)),
    );
    let significant = 0;
    for (const row of parsed.data) {
      const personaIndex = row.persona_index === "" ? null : Number(row.persona_index);
      const stageId = stages.find((s) => s.name === row.stage)?.id;
      const cell = fill.cells.find((c) => c.personaIndex === personaIndex && c.stageId === stageId);
      if (!cell) throw new Error(`No cell for ${row.persona} at ${row.stage}`);
      expect(row.emotion_status).toBe(cell.emotion.status);
      expect(Number(row.emotion_n)).toBe(cell.emotion.n);
      if (cell.emotion.status === "ok") {
        expect(Number(row.emotion_mean)).toBeCloseTo(cell.emotion.mean, 3);
        expect(Number(row.emotion_lower)).toBeCloseTo(cell.emotion.interval.lower, 3);
        expect(Number(row.emotion_upper)).toBeCloseTo(cell.emotion.interval.upper, 3);
      } else {
        expect(row.emotion_mean).toBe("");
        expect(row.emotion_note).toBe(cell.emotion.reason);
      }
      expect(row.pain_status).toBe(cell.pain.status);
      if (cell.pain.status === "ok") {
        expect(Number(row.pain_index)).toBeCloseTo(cell.pain.index, 1);
        expect(Number(row.pain_severe_share)).toBeCloseTo(cell.pain.severe.share, 3);
        expect(row.pain_significant).toBe(cell.pain.test ? String(cell.pain.test.significant) : "");
        if (cell.pain.test?.significant) significant += 1;
      } else {
        expect(row.pain_index).toBe("");
      }
      const theme = cell.thoughts.status === "ok" ? cell.thoughts.themes[0] : undefined;
      expect(row.top_theme).toBe(theme?.label ?? "");
    }
    // The demo plants a group in pain: at least one cell is significant, and so says the CSV.
    expect(significant).toBeGreaterThan(0);
  });

  it("writes JSON with typed values for a chosen run", async () => {
    const file = await exportJourneyCells(db, strategist, {
      journeyMapId: mapId,
      runId,
      format: "json",
    });
    const body = JSON.parse(file.body) as { runId: string; cells: Record<string, unknown>[] };
    expect(body.runId).toBe(runId);
    expect(body.cells).toHaveLength((fill.personas.length + 1) * stages.length);
    expect(typeof body.cells[0]?.persona_n).toBe("number");
    await expect(
      exportJourneyCells(db, strategist, {
        journeyMapId: mapId,
        runId: "nosuchrun",
        format: "csv",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("neutralises text cells that a spreadsheet would run as a formula", () => {
    const named = {
      ...fill,
      personas: fill.personas.map((p, i) => (i === 0 ? { ...p, name: '=HYPERLINK("x")' } : p)),
    };
    const csv = journeyCellsCsv(journeyCellRows(named, stages));
    const rows = Papa.parse<Record<string, string>>(csv, { header: true }).data;
    expect(rows[0]?.persona).toBe(`'=HYPERLINK("x")`);
    // Negative numbers are numbers, not formulas: they stay as they are.
    for (const row of rows.filter((r) => r.emotion_mean?.startsWith("-"))) {
      expect(row.emotion_mean).toMatch(/^-\d/);
    }
    expect(rows.some((r) => r.emotion_mean?.startsWith("'"))).toBe(false);
  });
});
