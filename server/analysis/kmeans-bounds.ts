// The state of a bounded Lloyd's run (kmeans-lloyd.ts) and the passes over it: the first full
// assignment, one Elkan or Hamerly assignment pass (each skips the row-to-centre distances its
// bounds prove cannot change a label), and the re-seeding of clusters left empty. The loop that
// moves the centres between passes, and when to stop, live in kmeans-lloyd.ts.
//
// Elkan's bounds (Elkan 2003): for every row, a lower bound on its distance to each centre (n × k
// numbers). Hamerly's (Hamerly 2010): one lower bound for all other centres at once (n numbers).
// Both after the triangle inequality: moving a centre by s changes any distance to it by at most s.
import { distance2Below, rowDistance2 } from "./kmeans-init";

/** The working arrays of one run, updated in place by the passes below. */
export interface LloydState {
  data: Float64Array;
  n: number;
  cols: number;
  k: number;
  centres: Float64Array;
  sums: Float64Array;
  counts: Float64Array;
  labels: Int32Array;
  upper: Float64Array;
  /** Elkan: n × k, row-major; Hamerly: n. */
  lower: Float64Array;
  elkan: boolean;
  /** Centre-to-centre distances, k × k. */
  between: Float64Array;
  /** Half the distance from each centre to its nearest other centre. */
  half: Float64Array;
  /**
   * How far each centre moved in the last update, not yet taken off the rows' bounds: the next
   * assignment pass applies it row by row, which saves a separate pass over n × k bounds.
   */
  shift: Float64Array;
  /** The largest shift, the centre that made it, and the second largest (Hamerly's update). */
  maxShift: number;
  maxAt: number;
  secondShift: number;
  distances: number;
}

/** Adds (sign 1) or removes (sign -1) row i to/from cluster c's running sum and count. */
export function moveRow(st: LloydState, i: number, c: number, sign: number): void {
  const { data, cols, sums, counts } = st;
  const o = i * cols;
  const oc = c * cols;
  for (let j = 0; j < cols; j++) sums[oc + j]! += sign * (data[o + j] as number);
  counts[c]! += sign;
}

function relabel(st: LloydState, i: number, from: number, to: number): void {
  st.labels[i] = to;
  moveRow(st, i, from, -1);
  moveRow(st, i, to, 1);
}

function centreGaps(st: LloydState): void {
  const { centres, k, cols, between, half } = st;
  half.fill(Infinity);
  for (let a = 0; a < k; a++) {
    between[a * k + a] = 0;
    for (let b = a + 1; b < k; b++) {
      const d = Math.sqrt(rowDistance2(centres, a, centres, b, cols));
      between[a * k + b] = d;
      between[b * k + a] = d;
      if (d / 2 < (half[a] as number)) half[a] = d / 2;
      if (d / 2 < (half[b] as number)) half[b] = d / 2;
    }
  }
}

/** First assignment: every distance, exact bounds. */
export function assignAll(st: LloydState): void {
  const { data, n, cols, k, centres, labels, upper, lower, elkan } = st;
  for (let i = 0; i < n; i++) {
    const o = i * cols;
    let best = 0;
    let d1 = Infinity;
    let d2 = Infinity;
    for (let c = 0; c < k; c++) {
      // Elkan needs every distance as a bound; Hamerly only the two nearest (so it may stop early).
      const sum = distance2Below(data, o, centres, c * cols, cols, elkan ? Infinity : d2);
      if (elkan) lower[i * k + c] = Math.sqrt(sum);
      if (sum < d1) {
        d2 = d1;
        d1 = sum;
        best = c;
      } else if (sum < d2) {
        d2 = sum;
      }
    }
    labels[i] = best;
    upper[i] = Math.sqrt(d1);
    if (!elkan) lower[i] = Math.sqrt(d2);
    moveRow(st, i, best, 1);
  }
  st.distances += n * k;
}

/** One Elkan assignment pass; returns how many rows changed cluster. */
export function assignElkan(st: LloydState): number {
  const { data, n, cols, k, centres, labels, upper, lower, between, half, shift } = st;
  centreGaps(st);
  let changed = 0;
  let distances = 0;
  for (let i = 0; i < n; i++) {
    const a0 = labels[i] as number;
    const ol = i * k;
    // Moving centre c by shift[c] changes any distance to it by at most shift[c]. (Bounds may go
    // below 0; they are still valid lower bounds, and clamping would cost a compare each.)
    let u = (upper[i] as number) + (shift[a0] as number);
    for (let c = 0; c < k; c++) lower[ol + c]! -= shift[c] as number;
    if (u <= (half[a0] as number)) {
      upper[i] = u;
      continue;
    }
    let a = a0;
    let tight = false;
    for (let c = 0; c < k; c++) {
      if (c === a) continue;
      const gap = (between[a * k + c] as number) / 2;
      if (u <= (lower[ol + c] as number) || u <= gap) continue;
      if (!tight) {
        // Tighten the upper bound to the exact distance before paying for centre c.
        u = Math.sqrt(rowDistance2(data, i, centres, a, cols));
        lower[ol + a] = u;
        distances++;
        tight = true;
        if (u <= (lower[ol + c] as number) || u <= gap) continue;
      }
      // Exact, not cut short at u (partial distance search): a partial sum would be a valid but
      // looser lower bound, and the rework it causes in later passes costs more than it saves.
      const d = Math.sqrt(rowDistance2(data, i, centres, c, cols));
      lower[ol + c] = d;
      distances++;
      // Ties go to the lower index, as in a plain scan.
      if (d < u || (d === u && c < a)) {
        a = c;
        u = d;
      }
    }
    upper[i] = u;
    if (a !== a0) {
      relabel(st, i, a0, a);
      changed++;
    }
  }
  st.distances += distances;
  return changed;
}

/** One Hamerly assignment pass; returns how many rows changed cluster. */
export function assignHamerly(st: LloydState): number {
  const { data, n, cols, k, centres, labels, upper, lower, half, shift } = st;
  const { maxShift, maxAt, secondShift } = st;
  centreGaps(st);
  let changed = 0;
  let distances = 0;
  for (let i = 0; i < n; i++) {
    const a = labels[i] as number;
    // The pending shifts: the own centre's on the upper bound, the largest other on the lower.
    const l = (lower[i] as number) - (a === maxAt ? secondShift : maxShift);
    lower[i] = l;
    const h = half[a] as number;
    const bound = h > l ? h : l;
    const up = (upper[i] as number) + (shift[a] as number);
    upper[i] = up;
    if (up <= bound) continue;
    // Tighten the upper bound to the exact distance before paying for all k.
    const u = Math.sqrt(rowDistance2(data, i, centres, a, cols));
    distances++;
    upper[i] = u;
    if (u <= bound) continue;
    const o = i * cols;
    let best = 0;
    let d1 = Infinity;
    let d2 = Infinity;
    for (let c = 0; c < k; c++) {
      const sum = distance2Below(data, o, centres, c * cols, cols, d2);
      if (sum < d1) {
        d2 = d1;
        d1 = sum;
        best = c;
      } else if (sum < d2) {
        d2 = sum;
      }
    }
    distances += k;
    upper[i] = Math.sqrt(d1);
    lower[i] = Math.sqrt(d2);
    if (best !== a) {
      relabel(st, i, a, best);
      changed++;
    }
  }
  st.distances += distances;
  return changed;
}

/**
 * Re-seeds empty clusters with the rows farthest from their centres (from clusters that keep
 * at least one row). Rare, so an exact distance pass is fine here.
 */
export function reseedEmpty(st: LloydState): void {
  const { data, n, cols, k, centres, counts, labels, lower, elkan } = st;
  let anyEmpty = false;
  for (let c = 0; c < k; c++) if (counts[c] === 0) anyEmpty = true;
  if (!anyEmpty) return;
  const distance = new Float64Array(n);
  for (let i = 0; i < n; i++)
    distance[i] = rowDistance2(data, i, centres, labels[i] as number, cols);
  for (let c = 0; c < k; c++) {
    if (counts[c] !== 0) continue;
    // The farthest row whose cluster keeps another row (ties: the first such row).
    let far = -1;
    let farDistance = 0;
    for (let i = 0; i < n; i++) {
      const d = distance[i] as number;
      if (d > farDistance && (counts[labels[i] as number] as number) > 1) {
        far = i;
        farDistance = d;
      }
    }
    // None: every row sits on its centre, so the data have fewer than k distinct rows.
    if (far < 0) return;
    relabel(st, far, labels[far] as number, c);
    distance[far] = 0;
    // Its new centre will be the row itself (upper bounds stay valid); its distances to the
    // other centres, the old one included, are unknown: lower bounds of 0 are always valid.
    if (elkan) lower.fill(0, far * k, (far + 1) * k);
    else lower[far] = 0;
  }
}
