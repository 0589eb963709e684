// The `analyze` command's stability thread (server/cli/stability-thread.ts) gives exactly the
// result the engine computes on its own thread, and when the thread cannot (its computation
// throws), the main thread computes it, so the same error surfaces.
import { afterEach, describe, expect, it } from "vitest";
import { encodeAnswersDense } from "~/server/analysis/encode";
import { fitKMeans } from "~/server/analysis/kmeans";
import { stabilityHere } from "~/server/analysis/pipeline";
import { bootstrapRows, clusterStability } from "~/server/analysis/stability";
import { generateSegments } from "~/server/analysis/synthetic";
import { startStabilityThread, type StabilityThread } from "~/server/cli/stability-thread";

let thread: StabilityThread | undefined;
afterEach(async () => {
  await thread?.close();
  thread = undefined;
});

function plantedFit(n: number) {
  const data = generateSegments({ seed: 7, n, segments: 3, shape: "overlapping" });
  const { matrix } = encodeAnswersDense(data.features, data.rows);
  const fit = fitKMeans(matrix, 3, { seed: 1 });
  return { matrix, assignments: fit.assignments };
}

describe("the stability thread", () => {
  it("computes the stability the engine computes itself, on the thread", () => {
    // More rows than the bootstrap sample, so the thread gets the sampled rows, as at scale.
    const { matrix, assignments } = plantedFit(12_000);
    const options = { seed: 5, rounds: 12 };
    const rows = bootstrapRows(matrix, assignments, options);
    expect(rows.labels.length).toBe(10_000);

    thread = startStabilityThread();
    const collect = thread.runStability(rows, options);
    const fromThread = collect();
    expect(thread.ranOnThread()).toBe(true);
    expect(fromThread).toEqual(stabilityHere(rows, options)());
    expect(fromThread).toEqual(clusterStability(matrix, assignments, options));
    expect(fromThread.clusters).toHaveLength(3);
  });

  it("computes on the main thread when the thread's computation fails, so its error surfaces", () => {
    const { matrix, assignments } = plantedFit(300);
    const options = { seed: 5, rounds: 0 };
    thread = startStabilityThread();
    const collect = thread.runStability(bootstrapRows(matrix, assignments, options), options);
    expect(() => collect()).toThrow(/rounds must be >= 1/);
    expect(thread.ranOnThread()).toBe(false);
  });
});
