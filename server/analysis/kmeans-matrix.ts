// Row-major Float64Array matrices for the k-means engine. The encoder hands out number[][] (one
// JS array per respondent), which is convenient for a few thousand rows but costs hundreds of bytes
// a row and a pointer chase per row in the hot loops; at 10^5-10^6 respondents the clustering works on
// one contiguous Float64Array instead. Every analysis entry point accepts either form
// (`MatrixInput`), so callers that already hold a dense matrix never build the array-of-arrays.
// Float64 rather than Float32 so that inertias and centroids match ml-kmeans and scikit-learn to
// the last digits the tests compare.

export interface DenseMatrix {
  readonly rows: number;
  readonly cols: number;
  /** rows × cols values, row i at [i * cols, (i + 1) * cols). */
  readonly data: Float64Array;
}

export type MatrixInput = readonly (readonly number[])[] | DenseMatrix;

export function isDenseMatrix(matrix: MatrixInput): matrix is DenseMatrix {
  return !Array.isArray(matrix);
}

/** A dense matrix over `data` (not copied); checks that the shape fits. */
export function denseMatrix(rows: number, cols: number, data: Float64Array): DenseMatrix {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0)
    throw new RangeError(`Bad matrix shape ${rows} × ${cols}.`);
  if (data.length !== rows * cols)
    throw new RangeError(
      `A ${rows} × ${cols} matrix needs ${rows * cols} values, got ${data.length}.`,
    );
  return { rows, cols, data };
}

export function rowCount(matrix: MatrixInput): number {
  return isDenseMatrix(matrix) ? matrix.rows : matrix.length;
}

export function colCount(matrix: MatrixInput): number {
  return isDenseMatrix(matrix) ? matrix.cols : (matrix[0]?.length ?? 0);
}

/**
 * Checks that every row has the same width and only finite values. K-means on NaN or Infinity
 * would silently produce NaN centroids, so this is checked once, up front.
 */
export function assertFiniteRectangular(matrix: MatrixInput): void {
  if (isDenseMatrix(matrix)) {
    const { data } = matrix;
    for (let i = 0; i < data.length; i++) {
      if (!Number.isFinite(data[i] as number))
        throw new RangeError("The matrix must hold finite numbers only.");
    }
    return;
  }
  const width = matrix[0]?.length ?? 0;
  for (const row of matrix) {
    if (row.length !== width)
      throw new RangeError("All rows must have the same number of columns.");
    for (let j = 0; j < width; j++) {
      if (!Number.isFinite(row[j] as number))
        throw new RangeError("The matrix must hold finite numbers only.");
    }
  }
}

/** The matrix as a dense one: returned as is when it already is, copied otherwise. */
export function toDense(matrix: MatrixInput): DenseMatrix {
  if (isDenseMatrix(matrix)) return matrix;
  const rows = matrix.length;
  const cols = matrix[0]?.length ?? 0;
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const row = matrix[i] as readonly number[];
    const offset = i * cols;
    for (let j = 0; j < cols; j++) data[offset + j] = row[j] as number;
  }
  return { rows, cols, data };
}

/** One row as a plain array (for the rare per-row results, e.g. centroids). */
export function rowArray(matrix: MatrixInput, i: number): number[] {
  if (!isDenseMatrix(matrix)) return [...(matrix[i] as readonly number[])];
  const start = i * matrix.cols;
  return Array.from(matrix.data.subarray(start, start + matrix.cols));
}

/** The rows `indices` (repeats allowed, in that order) as a new dense matrix. */
export function selectRows(matrix: MatrixInput, indices: ArrayLike<number>): DenseMatrix {
  const cols = colCount(matrix);
  const data = new Float64Array(indices.length * cols);
  if (isDenseMatrix(matrix)) {
    for (let r = 0; r < indices.length; r++) {
      const start = (indices[r] as number) * cols;
      data.set(matrix.data.subarray(start, start + cols), r * cols);
    }
  } else {
    for (let r = 0; r < indices.length; r++) {
      const row = matrix[indices[r] as number] as readonly number[];
      for (let j = 0; j < cols; j++) data[r * cols + j] = row[j] as number;
    }
  }
  return { rows: indices.length, cols, data };
}

/** The dense matrix as number[][] (for ml-kmeans, which wants arrays). */
export function toArrays(matrix: DenseMatrix): number[][] {
  const out = new Array<number[]>(matrix.rows);
  for (let i = 0; i < matrix.rows; i++) out[i] = rowArray(matrix, i);
  return out;
}

// 32-bit FNV-1a over the row's IEEE-754 words: cheap, and equal rows always hash equal.
const hashScratch = new Float64Array(1);
const hashWords = new Uint32Array(hashScratch.buffer);
function hashRow(row: ArrayLike<number>, start: number, cols: number): number {
  let h = 0x811c9dc5;
  for (let j = 0; j < cols; j++) {
    // + 0 turns -0 into 0: they are equal numbers, so they must hash alike.
    hashScratch[0] = (row[start + j] as number) + 0;
    h = Math.imul(h ^ (hashWords[0] as number), 0x01000193);
    h = Math.imul(h ^ (hashWords[1] as number), 0x01000193);
  }
  return h >>> 0;
}

/**
 * Distinct rows (numeric equality, so -0 equals 0), counting no further than `limit`. Callers
 * only need to know whether k centres fit, so on ordinary data this stops after about `limit`
 * rows instead of hashing a million of them; with heavy duplication it is one pass.
 */
export function distinctRowsUpTo(matrix: MatrixInput, limit = Infinity): number {
  const rows = rowCount(matrix);
  const cols = colCount(matrix);
  // Row i as (values, offset), without copying an array-of-arrays matrix.
  const dense = isDenseMatrix(matrix) ? matrix.data : null;
  const arrays = isDenseMatrix(matrix) ? null : matrix;
  const rowOf = (i: number): [ArrayLike<number>, number] =>
    dense ? [dense, i * cols] : [(arrays?.[i] ?? []) as readonly number[], 0];
  const equal = (a: number, b: number): boolean => {
    const [ra, oa] = rowOf(a);
    const [rb, ob] = rowOf(b);
    for (let j = 0; j < cols; j++) if (ra[oa + j] !== rb[ob + j]) return false;
    return true;
  };
  const seen = new Map<number, number[]>();
  let distinct = 0;
  for (let i = 0; i < rows && distinct < limit; i++) {
    const [values, offset] = rowOf(i);
    const h = hashRow(values, offset, cols);
    const bucket = seen.get(h);
    if (!bucket) {
      seen.set(h, [i]);
      distinct++;
    } else if (!bucket.some((other) => equal(other, i))) {
      bucket.push(i);
      distinct++;
    }
  }
  return distinct;
}

/**
 * `size` distinct row indices of 0..n-1 in random order: exactly what
 * `createRng(seed).sample([0, ..., n-1], size)` returns (same draws, same order), but with a
 * sparse Fisher-Yates, so a 2000-row sample of a million rows needs no million-entry array.
 */
export function sampleIndices(
  n: number,
  size: number,
  next: (bound: number) => number,
): Int32Array {
  if (!Number.isInteger(size) || size < 0 || size > n)
    throw new RangeError(`Cannot sample ${size} of ${n} items without replacement.`);
  const out = new Int32Array(size);
  const moved = new Map<number, number>(); // position -> value, where it differs from position
  for (let i = 0; i < size; i++) {
    const j = i + next(n - i);
    const atJ = moved.get(j) ?? j;
    const atI = moved.get(i) ?? i;
    out[i] = atJ;
    moved.set(j, atI);
  }
  return out;
}

/** Mean over columns of the (population) variance of each column: scikit-learn's tol scale. */
export function meanColumnVariance(matrix: DenseMatrix): number {
  const { rows, cols, data } = matrix;
  if (rows === 0 || cols === 0) return 0;
  const mean = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) mean[j]! += data[o + j] as number;
  }
  for (let j = 0; j < cols; j++) mean[j]! /= rows;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) {
      const d = (data[o + j] as number) - (mean[j] as number);
      total += d * d;
    }
  }
  return total / rows / cols;
}
