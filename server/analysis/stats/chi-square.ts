// Pearson's chi-square test of independence for an r x c contingency table, without continuity
// correction (R's chisq.test(table, correct = FALSE)). It also reports how many expected counts are
// small, because the chi-square approximation is unreliable there and callers should say so or
// fall back to Fisher's exact test for 2 x 2 tables.
import { chiSquareSurvival } from "./distributions";

export interface ChiSquareResult {
  statistic: number;
  df: number;
  p: number;
  /** Expected counts under independence, for the rows and columns that were kept. */
  expected: number[][];
  minExpected: number;
  /** Share of cells with an expected count below 5 (Cochran: should be at most 20 %). */
  lowExpectedShare: number;
  /** Original indices of the rows and columns used: all-zero ones are dropped. */
  rows: number[];
  columns: number[];
}

export function chiSquareIndependence(table: readonly (readonly number[])[]): ChiSquareResult {
  const width = table[0]?.length ?? 0;
  for (const row of table) {
    if (row.length !== width)
      throw new RangeError("All rows of the table must have the same length.");
    for (const cell of row) {
      if (!(cell >= 0) || !Number.isFinite(cell))
        throw new RangeError(`Counts must be finite and >= 0, got ${cell}.`);
    }
  }
  const rowSums = table.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = Array.from({ length: width }, (_, j) =>
    table.reduce((sum, row) => sum + (row[j] as number), 0),
  );
  // An empty row or column has expected counts of 0 and says nothing about independence.
  const rows = rowSums.flatMap((s, i) => (s > 0 ? [i] : []));
  const columns = colSums.flatMap((s, j) => (s > 0 ? [j] : []));
  if (rows.length < 2 || columns.length < 2) {
    throw new RangeError(
      "The chi-square test needs at least two non-empty rows and two non-empty columns.",
    );
  }
  const total = rowSums.reduce((a, b) => a + b, 0);
  let statistic = 0;
  let minExpected = Infinity;
  let low = 0;
  const expected = rows.map((i) =>
    columns.map((j) => {
      const e = ((rowSums[i] as number) * (colSums[j] as number)) / total;
      const observed = table[i]?.[j] as number;
      statistic += ((observed - e) * (observed - e)) / e;
      minExpected = Math.min(minExpected, e);
      if (e < 5) low++;
      return e;
    }),
  );
  const df = (rows.length - 1) * (columns.length - 1);
  return {
    statistic,
    df,
    p: chiSquareSurvival(statistic, df),
    expected,
    minExpected,
    lowExpectedShare: low / (rows.length * columns.length),
    rows,
    columns,
  };
}
