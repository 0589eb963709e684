// Benjamini-Hochberg false-discovery-rate adjustment. A persona profile tests every question
// against the rest of the sample, so raw p-values would flag many differences by chance alone.
// Matches R's p.adjust(p, method = "BH").

/**
 * BH-adjusted p-values (q-values) in the input order: q_(i) = min over j >= i of p_(j)·m/j, capped
 * at 1, so they are monotone in p. NaN entries stay NaN and, as in R, do not count towards m.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const present: { p: number; index: number }[] = [];
  pValues.forEach((p, index) => {
    if (Number.isNaN(p)) return;
    if (p < 0 || p > 1) throw new RangeError(`p-values must be in [0, 1], got ${p} at ${index}.`);
    present.push({ p, index });
  });
  const adjusted = pValues.map(() => NaN);
  const m = present.length;
  // Stable sort keeps the output deterministic for tied p-values.
  present.sort((a, b) => a.p - b.p || a.index - b.index);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const entry = present[rank - 1];
    if (!entry) continue;
    running = Math.min(running, (entry.p * m) / rank);
    adjusted[entry.index] = running;
  }
  return adjusted;
}
