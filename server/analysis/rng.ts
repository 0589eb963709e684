// Seeded pseudo-random numbers for the analysis engine. Everything random in server/analysis goes
// through here so that the same seed always reproduces the same personas. The generator is sfc32
// (small, fast, passes PractRand); its 128-bit state is filled from the 32-bit seed by splitmix32 so
// that nearby seeds (1, 2, 3 ...) still give unrelated streams.

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform 32-bit unsigned integer, e.g. to seed a library that takes its own integer seed. */
  uint32(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** A shuffled copy (Fisher-Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
  /** `size` distinct items, in random order (partial Fisher-Yates). */
  sample<T>(items: readonly T[], size: number): T[];
  /** Normal deviate (Box-Muller). */
  normal(mean?: number, sd?: number): number;
}

function assertSeed(seed: number): void {
  if (!Number.isInteger(seed)) throw new RangeError(`Seed must be an integer, got ${seed}.`);
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A child seed for stream `stream` of `seed`: restarts, bootstrap rounds and samples each get their
 * own stream, so adding a restart never shifts the random numbers of another one.
 */
export function deriveSeed(seed: number, stream: number): number {
  assertSeed(seed);
  assertSeed(stream);
  const mix = splitmix32((seed ^ Math.imul(stream + 1, 0x27d4eb2f)) >>> 0);
  mix();
  return mix();
}

export function createRng(seed: number): Rng {
  assertSeed(seed);
  const init = splitmix32(seed >>> 0);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const uint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  // sfc32's author recommends discarding the first outputs so the state is well mixed.
  for (let i = 0; i < 12; i++) uint32();

  const next = (): number => uint32() / 4294967296;

  const int = (n: number): number => {
    if (!Number.isInteger(n) || n <= 0)
      throw new RangeError(`int(n) needs a positive integer, got ${n}.`);
    // Rejection sampling removes the modulo bias that would favour small values for large n.
    const limit = 4294967296 - (4294967296 % n);
    for (;;) {
      const x = uint32();
      if (x < limit) return x % n;
    }
  };

  const sample = <T>(items: readonly T[], size: number): T[] => {
    if (!Number.isInteger(size) || size < 0 || size > items.length) {
      throw new RangeError(`Cannot sample ${size} of ${items.length} items without replacement.`);
    }
    const copy = items.slice();
    for (let i = 0; i < size; i++) {
      const j = i + int(copy.length - i);
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    return copy.slice(0, size);
  };

  // Box-Muller yields two deviates; keeping the spare halves the cost and stays deterministic.
  let spare: number | null = null;
  const normal = (mean = 0, sd = 1): number => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return mean + sd * z;
    }
    let u = 0;
    while (u === 0) u = next(); // log(0) would be -Infinity
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return mean + sd * r * Math.cos(2 * Math.PI * v);
  };

  return {
    next,
    uint32,
    int,
    shuffle: (items) => sample(items, items.length),
    sample,
    normal,
  };
}
