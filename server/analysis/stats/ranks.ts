// Mid-ranks with ties, shared by the rank tests.

export interface RankResult {
  /** 1-based ranks in input order; tied values share the average of their positions. */
  ranks: number[];
  /** Size of each group of tied values (only groups of 2 or more). */
  tieSizes: number[];
}

export function midRanks(values: readonly number[]): RankResult {
  const order = values.map((value, index) => ({ value, index }));
  order.sort((a, b) => a.value - b.value || a.index - b.index);
  const ranks = new Array<number>(values.length).fill(0);
  const tieSizes: number[] = [];
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && order[end]?.value === order[start]?.value) end++;
    const rank = (start + 1 + end) / 2; // average of positions start+1 .. end
    for (let i = start; i < end; i++) ranks[(order[i] as { index: number }).index] = rank;
    if (end - start > 1) tieSizes.push(end - start);
    start = end;
  }
  return { ranks, tieSizes };
}
