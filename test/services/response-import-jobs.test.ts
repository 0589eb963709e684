// CSV imports as jobs on a real database: the request stores the file and queues it, a worker
// writes every row and stores the report; a cancel before or during the run, a worker that stops
// half-way and a file with a bad row all leave no response behind (one transaction), and the
// stored import says what happened.
import { afterEach, beforeAll, afterAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import type { TQuestionDefinitionInput } from "~/server/domain/survey/definition";
import type { TImportMapping } from "~/server/domain/survey/response-import";
import { InProcessJobQueue } from "~/server/infra/jobs/in-process";
import type { MembershipView } from "~/server/features/workspaces/access";
import { previewResponseImport } from "~/server/features/responses/response-import";
import {
  cancelResponseImport,
  getResponseImport,
  runResponseImportJob,
  startResponseImport,
  workOnResponseImports,
} from "~/server/features/responses/response-import-jobs";
import { makePublishedSurvey, makeWorkspaceWithOwner } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;
const queues: InProcessJobQueue[] = [];

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
});
afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.stop()));
});
afterAll(async () => close());

const questions: TQuestionDefinitionInput[] = [
  {
    key: "main",
    type: "SINGLE_CHOICE",
    text: { en: "Main channel?" },
    options: [
      { value: "web", label: { en: "Websites" } },
      { value: "dealer", label: { en: "Dealers" } },
    ],
  },
  { key: "age", type: "NUMBER", settings: { min: 16, max: 100 }, text: { en: "Age?" } },
];

/** A file of `rows` valid responses; `badRow` (1-based data row) gets an option that does not exist. */
function csvOf(rows: number, badRow?: number): string {
  const lines = ["response_id,main,age"];
  for (let i = 1; i <= rows; i += 1) {
    const main = i === badRow ? "teleport" : i % 3 === 0 ? "dealer" : "web";
    lines.push(`r-${i},${main},${20 + (i % 60)}`);
  }
  return `${lines.join("\n")}\n`;
}

async function setup() {
  const { actor, survey } = await makePublishedSurvey(db, questions, {
    meta: { title: "Imports" },
    publishedAt: new Date("2025-01-01T00:00:00Z"),
  });
  const mapping = (await previewResponseImport(db, actor, { surveyId: survey.id, csv: csvOf(3) }))
    .mapping;
  return { actor, surveyId: survey.id, mapping };
}

function newQueue() {
  const queue = new InProcessJobQueue({ retryDelayMs: 10 });
  queues.push(queue);
  return queue;
}

const responseCount = (surveyId: string) => db.response.count({ where: { version: { surveyId } } });

async function waitForEnd(actor: MembershipView, importId: string, ms = 30_000) {
  const end = Date.now() + ms;
  for (;;) {
    const view = await getResponseImport(db, actor, importId);
    if (view.status !== "QUEUED" && view.status !== "RUNNING") return view;
    if (Date.now() > end) throw new Error(`import ${importId} still ${view.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const start = (
  queue: InProcessJobQueue,
  actor: MembershipView,
  surveyId: string,
  mapping: TImportMapping,
  csv: string,
) => startResponseImport(db, queue, actor, { surveyId, csv, mapping });

describe("CSV import as a job", () => {
  it("waits in line with its place shown, then a worker writes every row and stores the report", async () => {
    const { actor, surveyId, mapping } = await setup();
    const queue = newQueue();
    const first = await start(queue, actor, surveyId, mapping, csvOf(40));
    const second = await start(queue, actor, surveyId, mapping, csvOf(25));
    // The request stored the files; nothing is written before a worker takes them.
    expect(await responseCount(surveyId)).toBe(0);
    expect(await getResponseImport(db, actor, first.importId)).toMatchObject({
      status: "QUEUED",
      ahead: 0,
    });
    expect((await getResponseImport(db, actor, second.importId)).ahead).toBe(1);

    await workOnResponseImports(queue, db);
    const done = await waitForEnd(actor, first.importId);
    expect(done).toMatchObject({ status: "SUCCEEDED", rowsDone: 40, rowsTotal: 40, ahead: null });
    expect(done.report).toMatchObject({ refused: false, imported: 40 });
    const next = await waitForEnd(actor, second.importId);
    // The second file's rows r-1..r-25 were all in the first: the same ids, stored once.
    expect(next.report).toMatchObject({ imported: 0 });
    expect(next.report?.duplicates).toHaveLength(25);
    expect(await responseCount(surveyId)).toBe(40);
    // The file is not kept once the report is stored.
    const stored = await db.responseImport.findUniqueOrThrow({ where: { id: first.importId } });
    expect(stored.csv).toBe("");
  });

  it("cancelled while waiting: the worker skips it and nothing is written", async () => {
    const { actor, surveyId, mapping } = await setup();
    const queue = newQueue();
    const { importId } = await start(queue, actor, surveyId, mapping, csvOf(30));
    expect((await cancelResponseImport(db, actor, importId)).status).toBe("CANCELLED");
    await workOnResponseImports(queue, db);
    await waitForEnd(actor, importId);
    // Give the queued job its turn: it must find the import cancelled and leave it so.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await getResponseImport(db, actor, importId)).status).toBe("CANCELLED");
    expect(await responseCount(surveyId)).toBe(0);
  });

  it("cancelled from the page while its rows are being checked: nothing is written", async () => {
    const { actor, surveyId, mapping } = await setup();
    const queue = newQueue();
    const { importId } = await start(queue, actor, surveyId, mapping, csvOf(5_000));
    let cancelledAt: number | null = null;
    await runResponseImportJob(db, importId, {
      concurrentConnections: false,
      hooks: {
        async progress(phase, done) {
          if (phase === "checking" && done > 0 && cancelledAt === null) {
            cancelledAt = done;
            await cancelResponseImport(db, actor, importId);
          }
        },
      },
    });
    expect(cancelledAt).toBeGreaterThan(0);
    expect(cancelledAt).toBeLessThan(5_000);
    expect(await getResponseImport(db, actor, importId)).toMatchObject({
      status: "CANCELLED",
      report: null,
    });
    expect(await responseCount(surveyId)).toBe(0);
  });

  it("cancelled half-way through writing: the transaction rolls back every row", async () => {
    const { actor, surveyId, mapping } = await setup();
    const queue = newQueue();
    const { importId } = await start(queue, actor, surveyId, mapping, csvOf(30));
    let written = 0;
    await runResponseImportJob(db, importId, {
      concurrentConnections: false,
      hooks: {
        rowsPerStatement: 10,
        progress: (phase, done) => {
          if (phase === "writing") written = done;
          return Promise.resolve();
        },
        cancelled: () => Promise.resolve(written >= 20),
      },
    });
    // Two parts of ten were written inside the transaction before the stop.
    expect(written).toBe(20);
    expect((await getResponseImport(db, actor, importId)).status).toBe("CANCELLED");
    expect(await responseCount(surveyId)).toBe(0);
  });

  it("a worker that stops half-way hands the import back, and the next run writes it once", async () => {
    const { actor, surveyId, mapping } = await setup();
    const queue = newQueue();
    const { importId } = await start(queue, actor, surveyId, mapping, csvOf(30));
    const stopping = new AbortController();
    await expect(
      runResponseImportJob(db, importId, {
        concurrentConnections: false,
        signal: stopping.signal,
        hooks: {
          rowsPerStatement: 10,
          progress: (phase, done) => {
            if (phase === "writing" && done >= 10) stopping.abort();
            return Promise.resolve();
          },
        },
      }),
    ).rejects.toThrow(/cancelled/);
    expect((await getResponseImport(db, actor, importId)).status).toBe("QUEUED");
    expect(await responseCount(surveyId)).toBe(0);

    await runResponseImportJob(db, importId, { concurrentConnections: false });
    expect((await getResponseImport(db, actor, importId)).report).toMatchObject({ imported: 30 });
    expect(await responseCount(surveyId)).toBe(30);
  });

  it("a file with a bad row imports nothing and stores the report naming the row", async () => {
    const { actor, surveyId, mapping } = await setup();
    const queue = newQueue();
    await workOnResponseImports(queue, db);
    const { importId } = await start(queue, actor, surveyId, mapping, csvOf(30, 17));
    const view = await waitForEnd(actor, importId);
    expect(view.status).toBe("SUCCEEDED");
    expect(view.report).toMatchObject({ refused: true, imported: 0 });
    // Data row 17 is line 18 of the file, counting the header as a spreadsheet does.
    expect(view.report?.skipped.map((s) => s.row)).toEqual([18]);
    expect(view.report?.skipped[0]?.errors[0]?.value).toBe("teleport");
    expect(await responseCount(surveyId)).toBe(0);
  });

  it("a mapping that does not fit the file fails the job with the reason stored", async () => {
    const { actor, surveyId, mapping } = await setup();
    const queue = newQueue();
    await workOnResponseImports(queue, db);
    const { importId } = await start(queue, actor, surveyId, mapping, "id,main,age\nx,web,30\n");
    const view = await waitForEnd(actor, importId);
    expect(view.status).toBe("FAILED");
    expect(view.error).toMatch(/"response_id" is not in this file/);
    expect(await responseCount(surveyId)).toBe(0);
  });

  it("only researchers and owners of the workspace start or follow an import", async () => {
    const { actor, surveyId, mapping } = await setup();
    const other = await makeWorkspaceWithOwner(db, "Someone else");
    const queue = newQueue();
    const { importId } = await start(queue, actor, surveyId, mapping, csvOf(3));
    await expect(getResponseImport(db, other.actor, importId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(start(queue, other.actor, surveyId, mapping, csvOf(3))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
