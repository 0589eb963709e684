// Planted segments as a dense matrix, for benchmarks at up to a million rows: the same kind of data
// the encoder produces (every column on [0, 1]), without building a million answer objects first.
// 24 columns carry the segments (each segment has its own centre, answers scatter around it), 6
// are uniform noise that every segment answers alike, as unrelated survey questions would.
import { denseMatrix, type DenseMatrix } from "~/server/analysis/kmeans-matrix";
import { createRng } from "~/server/analysis/rng";

export interface PlantedOptions {
  n: number;
  seed: number;
  /** Columns in all (default 30). */
  cols?: number;
  /** Of which uniform noise (default 6). */
  noiseCols?: number;
  /** Relative segment sizes (default 30, 25, 20, 15, 10 %). */
  sizes?: readonly number[];
  /** Spread of answers around their segment's centre (default 0.2 on the [0, 1] scale). */
  sd?: number;
}

export interface PlantedData {
  matrix: DenseMatrix;
  labels: Int32Array;
  segments: number;
}

export function plantedMatrix(options: PlantedOptions): PlantedData {
  const { n, seed } = options;
  const cols = options.cols ?? 30;
  const noiseCols = options.noiseCols ?? 6;
  const sizes = options.sizes ?? [0.3, 0.25, 0.2, 0.15, 0.1];
  const sd = options.sd ?? 0.2;
  const rng = createRng(seed);
  const k = sizes.length;
  const signal = cols - noiseCols;
  const centres = Array.from({ length: k }, () =>
    Array.from({ length: signal }, () => 0.15 + 0.7 * rng.next()),
  );
  const total = sizes.reduce((a, b) => a + b, 0);
  const cumulative = sizes.map((_, s) => sizes.slice(0, s + 1).reduce((a, b) => a + b, 0) / total);
  const data = new Float64Array(n * cols);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const u = rng.next();
    let s = 0;
    while (s < k - 1 && u >= (cumulative[s] as number)) s++;
    labels[i] = s;
    const centre = centres[s] as number[];
    const o = i * cols;
    for (let j = 0; j < signal; j++) {
      const v = rng.normal(centre[j] as number, sd);
      data[o + j] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
    for (let j = signal; j < cols; j++) data[o + j] = rng.next();
  }
  return { matrix: denseMatrix(n, cols, data), labels, segments: k };
}

/**
 * No structure at all: every column uniform on [0, 1]. The worst case for k-means' running time
 * (centres drift for many iterations) and the case where the personas should be flagged as weak.
 */
export function uniformMatrix(n: number, seed: number, cols = 30): PlantedData {
  const rng = createRng(seed);
  const data = new Float64Array(n * cols);
  for (let i = 0; i < data.length; i++) data[i] = rng.next();
  return { matrix: denseMatrix(n, cols, data), labels: new Int32Array(n), segments: 1 };
}
