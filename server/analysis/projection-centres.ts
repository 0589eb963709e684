// Where each persona sits on the respondent map (the mean of its points), for labels and the
// map's table alternative. Kept apart from projection.ts so the browser can use it without
// loading the PCA library. Pure.
import type { RunProjection } from "./projection";

/** Per persona: the centre of its points on the map (for labels and the table alternative). */
export function projectionCentres(
  projection: RunProjection,
): { persona: number; n: number; x: number; y: number }[] {
  const sums = new Map<number, { n: number; x: number; y: number }>();
  for (const p of projection.points) {
    const s = sums.get(p.persona) ?? { n: 0, x: 0, y: 0 };
    s.n += 1;
    s.x += p.x;
    s.y += p.y;
    sums.set(p.persona, s);
  }
  return [...sums.entries()]
    .sort(([a], [b]) => a - b)
    .map(([persona, s]) => ({ persona, n: s.n, x: s.x / s.n, y: s.y / s.n }));
}
