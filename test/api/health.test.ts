// GET /api/health and GET /api/ready against a real, migrated database: liveness needs nothing,
// readiness checks the database, that every committed migration is applied, and reports the
// job queue's depth (queued and running analysis runs) and busy workers; anything missing is a 503.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import { readMigrations } from "~/server/db/migrate";
import { handleHealth, handleReady } from "~/server/http/health";
import type { Readiness } from "~/server/infra/readiness";
import { createSurvey } from "~/server/features/surveys/surveys";
import { makeWorkspaceWithOwner } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
});
afterAll(async () => close());

const read = async (response: Response) => ({
  status: response.status,
  body: (await response.json()) as Readiness & { status?: string },
});

describe("GET /api/health", () => {
  it("answers 200 without touching the database", async () => {
    const { status, body } = await read(handleHealth());
    expect(status).toBe(200);
    expect(body.status).toBe("ok");
  });
});

describe("GET /api/ready", () => {
  it("is ready on a migrated database and counts queued and running jobs", async () => {
    const empty = await read(await handleReady(() => Promise.resolve(db)));
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({
      ready: true,
      database: { ok: true },
      queue: { ok: true, queued: 0, running: 0, activeWorkers: 0 },
    });
    const committed = (await readMigrations()).migrations.length;
    expect(empty.body.migrations).toMatchObject({ ok: true, expected: committed, missing: [] });
    expect(empty.body.migrations.applied).toBeGreaterThanOrEqual(committed);

    const { actor } = await makeWorkspaceWithOwner(db);
    const survey = await createSurvey(db, actor, { title: "Queue depth" });
    const run = (status: "QUEUED" | "RUNNING" | "SUCCEEDED") =>
      db.analysisRun.create({
        data: {
          workspaceId: actor.workspaceId,
          surveyId: survey.id,
          createdById: actor.userId,
          status,
          parameters: {},
        },
      });
    await Promise.all([run("QUEUED"), run("QUEUED"), run("RUNNING"), run("SUCCEEDED")]);
    const busy = await read(await handleReady(() => Promise.resolve(db)));
    expect(busy.body.queue).toMatchObject({ ok: true, queued: 2, running: 1, activeWorkers: 1 });
  });

  it("is not ready when a committed migration has not been applied", async () => {
    const expected = async () => [
      ...(await readMigrations()).migrations.map((m) => m.name),
      "29990101000000_not_applied_yet",
    ];
    const { status, body } = await read(await handleReady(() => Promise.resolve(db), expected));
    expect(status).toBe(503);
    expect(body.ready).toBe(false);
    expect(body.migrations).toMatchObject({
      ok: false,
      missing: ["29990101000000_not_applied_yet"],
    });
  });

  it("is not ready when the database cannot be opened or does not answer", async () => {
    const unopened = await read(
      await handleReady(() => Promise.reject(new Error("connection refused"))),
    );
    expect(unopened.status).toBe(503);
    expect(unopened.body.database).toMatchObject({ ok: false });
    expect(unopened.body.database.error).toMatch(/connection refused/);

    const broken = {
      $queryRaw: () => Promise.reject(new Error("terminating connection")),
    } as unknown as Db;
    const silent = await read(await handleReady(() => Promise.resolve(broken)));
    expect(silent.status).toBe(503);
    expect(silent.body).toMatchObject({ ready: false, database: { ok: false } });
  });
});
