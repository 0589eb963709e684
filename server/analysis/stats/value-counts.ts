// Two groups' values as one ascending table of distinct values with each group's count. Rank
// statistics only depend on how many values of each group sit at each distinct value, and survey
// answers have few distinct values (a 1-5 scale has five), so the rank tests work on this table
// instead of sorting a million values: O(n) to count, then O(m log m) for the m distinct values.

export interface ValueCounts {
  /** Distinct values, ascending. */
  values: number[];
  /** countX[t], countY[t]: how often values[t] occurs in x and in y. */
  countX: number[];
  countY: number[];
}

export function valueCounts(x: readonly number[], y: readonly number[]): ValueCounts {
  const slot = new Map<number, number>();
  const countX: number[] = [];
  const countY: number[] = [];
  const values: number[] = [];
  const add = (value: number, counts: number[], other: number[]): void => {
    let t = slot.get(value);
    if (t === undefined) {
      t = values.length;
      slot.set(value, t);
      values.push(value);
      counts.push(0);
      other.push(0);
    }
    counts[t]! += 1;
  };
  for (const v of x) add(v, countX, countY);
  for (const v of y) add(v, countY, countX);
  const order = values
    .map((_, t) => t)
    .sort((a, b) => (values[a] as number) - (values[b] as number));
  return {
    values: order.map((t) => values[t] as number),
    countX: order.map((t) => countX[t] as number),
    countY: order.map((t) => countY[t] as number),
  };
}
