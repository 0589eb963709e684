// PDF and PNG downloads as jobs on a real database: asking queues a RenderJob with its place in
// line, asking again for the same file joins it, a worker renders at most two at a time as the
// person who asked and stores the file, only members of the job's workspace can read it, a
// sign-out in between stops it, and finished files are swept after an hour. Chromium is the one
// stand-in: these tests check the job around it (the e2e tests render real files).
import { decode } from "next-auth/jwt";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import { renderSessionCookie } from "~/server/features/accounts/render-session";
import { endAllSessions } from "~/server/features/accounts/accounts";
import type { MembershipView } from "~/server/features/workspaces/access";
import { InProcessJobQueue } from "~/server/infra/jobs/in-process";
import { createJourneyMapFromTemplate } from "~/server/features/journeys/journeys";
import { RendererUnavailableError, type RenderOptions } from "~/server/infra/render/page-render";
import { runRenderJob, workOnRenders } from "~/server/features/renders/render-job-runner";
import {
  getRenderJob,
  readRenderFile,
  startRenderJob,
  sweepRenderJobs,
  type RenderRequest,
} from "~/server/features/renders/render-jobs";
import { addMember, makeWorkspaceWithOwner } from "../helpers/factories";
import { finishedRun, plantedSurvey } from "../helpers/persona-fixtures";
import { createTestDb } from "../helpers/test-db";

const SECRET = "render-jobs-test-secret-0123456789abcdef";

let db: Db;
let close: () => Promise<void>;
let owner: MembershipView;
let strategist: MembershipView;
let outsider: MembershipView;
let runId: string;
const queues: InProcessJobQueue[] = [];

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
  const planted = await plantedSurvey(db);
  owner = planted.actor;
  strategist = (await addMember(db, planted.workspace.id, "STRATEGIST", "Stella Strategist")).actor;
  outsider = (await makeWorkspaceWithOwner(db, "Elsewhere Ltd")).actor;
  runId = await finishedRun(db, owner, planted.survey.id);
}, 180_000);
afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.stop()));
  await db.renderJob.deleteMany({});
});
afterAll(async () => close());

/** A queue nobody works on yet: jobs wait in it. */
function newQueue() {
  const queue = new InProcessJobQueue({ retryDelayMs: 10 });
  queues.push(queue);
  return queue;
}

const card = (index: number, format: "pdf" | "png" = "pdf"): RenderRequest => ({
  kind: "persona-card",
  runId,
  index,
  format,
});

const fakePdf = (path: string) => Buffer.from(`%PDF-1.7 ${path}`);

async function waitUntil(check: () => Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("asking for a file", () => {
  it("queues a job with its place in line, and the same ask joins the pending job", async () => {
    const queue = newQueue();
    const first = await startRenderJob(db, queue, owner, card(0));
    expect(first).toMatchObject({ status: "queued", position: 1, format: "pdf" });
    expect(first.fileName).toMatch(/persona-1-.+\.pdf$/);

    const again = await startRenderJob(db, queue, owner, card(0));
    expect(again.jobId).toBe(first.jobId);

    // Another format, another persona or another person is another file.
    const png = await startRenderJob(db, queue, owner, card(0, "png"));
    const other = await startRenderJob(db, queue, owner, card(1));
    const theirs = await startRenderJob(db, queue, strategist, card(0));
    const ids = new Set([first.jobId, png.jobId, other.jobId, theirs.jobId]);
    expect(ids.size).toBe(4);
    expect([png.position, other.position, theirs.position]).toEqual([2, 3, 4]);
    expect(await db.renderJob.count()).toBe(4);
  });

  it("makes a new job once the earlier one has finished", async () => {
    const queue = newQueue();
    const first = await startRenderJob(db, queue, owner, card(0));
    await runRenderJob(db, first.jobId, { render: (o) => Promise.resolve(fakePdf(o.path)) });
    const second = await startRenderJob(db, queue, owner, card(0));
    expect(second.jobId).not.toBe(first.jobId);
    expect(second.status).toBe("queued");
  });

  it("refuses a persona or map that does not exist, and outsiders, before queueing", async () => {
    const queue = newQueue();
    await expect(startRenderJob(db, queue, owner, card(99))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      startRenderJob(db, queue, owner, {
        kind: "journey-map",
        mapId: "nope",
        paper: "a4",
        format: "pdf",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The outsider's own workspace has no such run.
    await expect(startRenderJob(db, queue, outsider, card(0))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.renderJob.count()).toBe(0);
  });
});

describe("the worker", () => {
  it("renders as the person who asked and stores the file for members only", async () => {
    const queue = newQueue();
    const asked = await startRenderJob(db, queue, strategist, card(1), {
      acceptLanguage: "de-DE",
    });
    const seen: RenderOptions[] = [];
    await runRenderJob(db, asked.jobId, {
      cookieFor: (user) => renderSessionCookie(user, SECRET),
      render: (options) => {
        seen.push(options);
        return Promise.resolve(fakePdf(options.path));
      },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      path: `/print/w/${owner.workspaceId}/runs/${runId}/personas/1`,
      format: "pdf",
      acceptLanguage: "de-DE",
    });
    // The cookie is a session the print page accepts as the strategist, not as anyone else.
    const token = /next-auth\.session-token=([^;]+)/.exec(seen[0]?.cookie ?? "")?.[1];
    const claims = await decode({ token, secret: SECRET });
    expect(claims).toMatchObject({ sub: strategist.userId, sessionVersion: 0 });

    expect(await getRenderJob(db, strategist, asked.jobId)).toMatchObject({
      status: "done",
      position: null,
    });
    // Any member of the workspace may fetch it; someone from another workspace may not.
    const file = await readRenderFile(db, owner, asked.jobId);
    expect(file.contentType).toBe("application/pdf");
    expect(Buffer.from(file.body).toString()).toBe(`%PDF-1.7 ${seen[0]?.path}`);
    await expect(readRenderFile(db, outsider, asked.jobId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getRenderJob(db, outsider, asked.jobId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses to hand out a file that is not ready", async () => {
    const asked = await startRenderJob(db, newQueue(), owner, card(0));
    await expect(readRenderFile(db, owner, asked.jobId)).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("runs at most two renders at a time and moves the line up", async () => {
    const queue = newQueue();
    const jobs = [];
    for (const [index, format] of [
      [0, "pdf"],
      [1, "pdf"],
      [2, "pdf"],
    ] as const) {
      jobs.push(await startRenderJob(db, queue, owner, card(index, format)));
    }
    let running = 0;
    let most = 0;
    const release: (() => void)[] = [];
    await workOnRenders(queue, db, {
      cookieFor: (user) => renderSessionCookie(user, SECRET),
      render: async (options) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => release.push(resolve));
        running -= 1;
        return fakePdf(options.path);
      },
    });
    await waitUntil(() => Promise.resolve(release.length === 2));
    const third = jobs[2]?.jobId ?? "";
    // Two renders are ahead of it, running.
    expect(await getRenderJob(db, owner, third)).toMatchObject({ status: "queued", position: 3 });
    release.splice(0).forEach((go) => go());
    await waitUntil(() => Promise.resolve(release.length === 1));
    expect((await getRenderJob(db, owner, third)).status).toBe("running");
    release.splice(0).forEach((go) => go());
    await waitUntil(async () => (await db.renderJob.count({ where: { status: "DONE" } })) === 3);
    expect(most).toBe(2);
  });

  it("stops when the person signed out since asking", async () => {
    const { actor } = await addMember(db, owner.workspaceId, "RESEARCHER", "Rae Leaving");
    const asked = await startRenderJob(db, newQueue(), actor, card(0));
    await endAllSessions(db, actor.userId);
    let rendered = false;
    await runRenderJob(db, asked.jobId, {
      render: () => {
        rendered = true;
        return Promise.resolve(Buffer.from("%PDF"));
      },
    });
    expect(rendered).toBe(false);
    const view = await getRenderJob(db, owner, asked.jobId);
    expect(view.status).toBe("failed");
    expect(view.error).toMatch(/signed out/);
  });

  it("stores a readable reason when the renderer fails", async () => {
    const queue = newQueue();
    const missing = await startRenderJob(db, queue, owner, card(0));
    await runRenderJob(db, missing.jobId, {
      cookieFor: (user) => renderSessionCookie(user, SECRET),
      render: () => Promise.reject(new RendererUnavailableError("Chromium is not installed.")),
    });
    expect(await getRenderJob(db, owner, missing.jobId)).toMatchObject({
      status: "failed",
      error: "Chromium is not installed.",
    });
  });

  it("renders a journey map on its print page with its paper and run", async () => {
    const map = await createJourneyMapFromTemplate(db, owner, {
      name: "Buying a car",
      template: "blank",
    });
    const asked = await startRenderJob(db, newQueue(), owner, {
      kind: "journey-map",
      mapId: map.id,
      runId,
      paper: "letter",
      format: "png",
    });
    expect(asked.fileName).toMatch(/journey-map\.png$/);
    const seen: RenderOptions[] = [];
    await runRenderJob(db, asked.jobId, {
      cookieFor: (user) => renderSessionCookie(user, SECRET),
      render: (options) => {
        seen.push(options);
        return Promise.resolve(Buffer.from("png"));
      },
    });
    expect(seen[0]).toMatchObject({
      path: `/print/w/${owner.workspaceId}/journeys/${map.id}?run=${runId}`,
      format: "png",
      paper: "letter",
      frame: "running",
    });
    expect((await readRenderFile(db, owner, asked.jobId)).contentType).toBe("image/png");
  });
});

describe("sweeping", () => {
  it("deletes finished files after an hour and keeps pending and recent ones", async () => {
    const queue = newQueue();
    const now = new Date();
    const render = (o: RenderOptions) => Promise.resolve(fakePdf(o.path));
    const cookieFor = (user: Parameters<typeof renderSessionCookie>[0]) =>
      renderSessionCookie(user, SECRET);
    const old = await startRenderJob(db, queue, owner, card(0));
    await runRenderJob(db, old.jobId, { render, cookieFor });
    const recent = await startRenderJob(db, queue, owner, card(1));
    await runRenderJob(db, recent.jobId, { render, cookieFor });
    await db.renderJob.update({
      where: { id: old.jobId },
      data: { finishedAt: new Date(now.getTime() - 61 * 60 * 1000) },
    });
    const pending = await startRenderJob(db, queue, owner, card(2));

    expect(await sweepRenderJobs(db, now)).toBe(1);
    const left = (await db.renderJob.findMany({ select: { id: true } })).map((r) => r.id);
    expect(left.sort()).toEqual([recent.jobId, pending.jobId].sort());
    await expect(getRenderJob(db, owner, old.jobId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("sweeps old files whenever a worker takes a render", async () => {
    const queue = newQueue();
    const render = (o: RenderOptions) => Promise.resolve(fakePdf(o.path));
    const cookieFor = (user: Parameters<typeof renderSessionCookie>[0]) =>
      renderSessionCookie(user, SECRET);
    const old = await startRenderJob(db, queue, owner, card(0));
    await runRenderJob(db, old.jobId, { render, cookieFor });
    await db.renderJob.update({
      where: { id: old.jobId },
      data: { finishedAt: new Date(Date.now() - 2 * 60 * 60 * 1000) },
    });
    const next = await startRenderJob(db, queue, owner, card(1));
    await runRenderJob(db, next.jobId, { render, cookieFor });
    expect(await db.renderJob.findUnique({ where: { id: old.jobId } })).toBeNull();
  });
});
