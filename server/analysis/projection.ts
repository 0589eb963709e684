// A 2-D map of respondents for the run page: principal components (ml-pca) of the same encoded
// [0, 1] matrix k-means clustered on, each point labelled with its persona. Large runs are drawn
// from a seeded random sample (at most `maxPoints`, 2,000 by default): a scatter of 50,000 dots
// says no more than one of 2,000 and costs the browser far more. Pure: plain arrays in, a plain
// object out, randomness only from the seed. Component signs are fixed (largest loading
// positive) so that the same data always gives the same picture.
import { PCA } from "ml-pca";
import { z } from "zod";
import { createRng, deriveSeed } from "./rng";

export const DEFAULT_MAX_POINTS = 2000;

export const ZProjectionPoint = z.object({
  id: z.string(),
  persona: z.number().int().min(0),
  x: z.number(),
  y: z.number(),
});

export const ZRunProjection = z.object({
  method: z.literal("pca"),
  /** Respondents in the run (clustered) and how many of them are drawn. */
  total: z.number().int().min(0),
  shown: z.number().int().min(0),
  sampled: z.boolean(),
  seed: z.number().int(),
  /** Share of the variance each axis explains (0..1). */
  explained: z.tuple([z.number(), z.number()]),
  /** The encoded columns that load most on each axis, largest first (for the axis captions). */
  axisLabels: z.tuple([z.array(z.string()), z.array(z.string())]),
  points: z.array(ZProjectionPoint),
});
export type RunProjection = z.infer<typeof ZRunProjection>;

export interface ProjectionInput {
  /** Encoded rows, all of the same length. */
  rows: readonly (readonly number[])[];
  /** Persona of each row. */
  personas: readonly number[];
  /** Response id of each row. */
  ids: readonly string[];
  /** Column names, for the axis captions; optional. */
  columnLabels?: readonly string[];
  seed: number;
  maxPoints?: number;
}

/** Row indices to draw: all of them, or a seeded sample kept in input order. */
export function sampleRows(n: number, maxPoints: number, seed: number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (n <= maxPoints) return all;
  return createRng(deriveSeed(seed, 4099))
    .sample(all, maxPoints)
    .sort((a, b) => a - b);
}

function topColumns(vector: readonly number[], labels: readonly string[] | undefined): string[] {
  if (!labels) return [];
  return vector
    .map((loading, i) => ({ loading: Math.abs(loading), label: labels[i] ?? `column ${i + 1}` }))
    .filter((c) => c.loading > 1e-9)
    .sort((a, b) => b.loading - a.loading)
    .slice(0, 3)
    .map((c) => c.label);
}

export function projectRespondents(input: ProjectionInput): RunProjection {
  const n = input.rows.length;
  if (input.personas.length !== n || input.ids.length !== n) {
    throw new RangeError("rows, personas and ids must have the same length.");
  }
  const maxPoints = input.maxPoints ?? DEFAULT_MAX_POINTS;
  if (!Number.isInteger(maxPoints) || maxPoints < 1) {
    throw new RangeError(`maxPoints must be a positive integer, got ${maxPoints}.`);
  }
  const chosen = sampleRows(n, maxPoints, input.seed);
  const base = {
    method: "pca" as const,
    total: n,
    shown: chosen.length,
    sampled: chosen.length < n,
    seed: input.seed,
  };
  const width = input.rows[0]?.length ?? 0;
  const flat = (): RunProjection => ({
    ...base,
    explained: [0, 0],
    axisLabels: [[], []],
    points: chosen.map((i) => ({
      id: input.ids[i] as string,
      persona: input.personas[i] as number,
      x: 0,
      y: 0,
    })),
  });
  // PCA needs two rows and some spread; with less there is nothing to map.
  if (chosen.length < 2 || width === 0) return flat();
  const data = chosen.map((i) => [...(input.rows[i] as readonly number[])]);
  if (data.some((r) => r.length !== width)) throw new RangeError("Rows differ in length.");
  const means = Array.from(
    { length: width },
    (_, c) => data.reduce((s, r) => s + (r[c] as number), 0) / data.length,
  );
  const spread = data.some((r) => r.some((v, c) => Math.abs(v - (means[c] as number)) > 1e-12));
  if (!spread) return flat();

  const pca = new PCA(data, { center: true, scale: false });
  const vectors = pca.getEigenvectors().to2DArray(); // width x components
  const components = Math.min(2, vectors[0]?.length ?? 0);
  const axes: number[][] = [];
  for (let j = 0; j < 2; j++) {
    if (j >= components) {
      axes.push(new Array<number>(width).fill(0));
      continue;
    }
    const v = vectors.map((row) => row[j] as number);
    // Eigenvectors have no inherent sign: make the largest loading positive, deterministically.
    let pivot = 0;
    v.forEach((x, i) => {
      if (Math.abs(x) > Math.abs(v[pivot] as number) + 1e-12) pivot = i;
    });
    axes.push((v[pivot] as number) < 0 ? v.map((x) => -x) : v);
  }
  const variance = pca.getExplainedVariance();
  const points = chosen.map((i, k) => {
    const row = data[k] as number[];
    const [x, y] = axes.map((axis) =>
      row.reduce((s, value, c) => s + (value - (means[c] as number)) * (axis[c] as number), 0),
    ) as [number, number];
    return { id: input.ids[i] as string, persona: input.personas[i] as number, x, y };
  });
  const share = (j: number): number => {
    const v = variance[j];
    return j < components && v !== undefined && Number.isFinite(v) ? v : 0;
  };
  return {
    ...base,
    explained: [share(0), share(1)],
    axisLabels: [
      topColumns(axes[0] as number[], input.columnLabels),
      topColumns(axes[1] as number[], input.columnLabels),
    ],
    points,
  };
}
