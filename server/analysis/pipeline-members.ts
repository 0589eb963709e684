// Orders each persona's members by how typical they are (closest to the persona's centroid first),
// for the pipeline's representatives and quotes: one distance per row in a typed array.
import type { DenseMatrix } from "./kmeans-matrix";

/** Member row indices of each persona, closest to its centroid first (ties by row). */
export function membersByCloseness(
  matrix: DenseMatrix,
  assignments: readonly number[],
  centroids: readonly (readonly number[])[],
): number[][] {
  const { cols, data } = matrix;
  // One distance per row in a typed array, summed column by column in order as
  // kmeans.squaredDistance does, rather than an object per row.
  const distance = new Float64Array(assignments.length);
  const members: number[][] = centroids.map(() => []);
  for (let row = 0; row < assignments.length; row++) {
    const persona = assignments[row] as number;
    const centroid = centroids[persona] as readonly number[];
    const offset = row * cols;
    let sum = 0;
    for (let j = 0; j < cols; j++) {
      const d = (data[offset + j] as number) - (centroid[j] as number);
      sum += d * d;
    }
    distance[row] = sum;
    members[persona]?.push(row);
  }
  return members.map((rows) =>
    rows.sort((a, b) => (distance[a] as number) - (distance[b] as number) || a - b),
  );
}
