// Respondents who sit between two personas: almost as close to a second centroid as to their
// own. Persona write-ups leave them out of the typical members they quote.
import { distance2At } from "./kmeans-init";
import { colCount, isDenseMatrix, rowCount, type MatrixInput } from "./kmeans-matrix";

export interface AmbiguousMember {
  /** Row index in the matrix. */
  index: number;
  nearest: number;
  secondNearest: number;
  /** Euclidean distance to the nearest centroid divided by that to the second nearest, in [0, 1]. */
  distanceRatio: number;
}

/**
 * Respondents almost as close to a second persona as to their own: the nearest centroid is no more
 * than `tolerance` (default 10 %) closer than the second nearest, in Euclidean distance. Persona
 * write-ups should not quote them as typical members.
 */
export function ambiguousMembers(
  matrix: MatrixInput,
  centroids: readonly (readonly number[])[],
  options: { tolerance?: number } = {},
): AmbiguousMember[] {
  const tolerance = options.tolerance ?? 0.1;
  const k = centroids.length;
  if (k < 2) return [];
  const cols = colCount(matrix);
  const flat = new Float64Array(k * cols);
  centroids.forEach((c, j) => flat.set(c, j * cols));
  // Rows of an array-of-arrays matrix go through one scratch row rather than a full dense copy.
  const dense = isDenseMatrix(matrix) ? matrix : null;
  const arrays = isDenseMatrix(matrix) ? null : matrix;
  const scratch = new Float64Array(cols);
  const out: AmbiguousMember[] = [];
  for (let index = 0; index < rowCount(matrix); index++) {
    let values: Float64Array = scratch;
    let offset = 0;
    if (dense) {
      values = dense.data;
      offset = index * cols;
    } else if (arrays) {
      scratch.set(arrays[index] as readonly number[]);
    }
    // Nearest and second nearest, ties to the lower centre index.
    let j1 = -1;
    let j2 = -1;
    let d1 = Infinity;
    let d2 = Infinity;
    for (let j = 0; j < k; j++) {
      const d = Math.sqrt(distance2At(values, offset, flat, j * cols, cols));
      if (d < d1) {
        j2 = j1;
        d2 = d1;
        j1 = j;
        d1 = d;
      } else if (d < d2) {
        j2 = j;
        d2 = d;
      }
    }
    const ratio = d2 === 0 ? 1 : d1 / d2;
    if (ratio >= 1 - tolerance) {
      out.push({ index, nearest: j1, secondNearest: j2, distanceRatio: ratio });
    }
  }
  return out;
}
