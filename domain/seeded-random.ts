// A small deterministic pseudo-random generator (mulberry32) for example data and benchmarks: the same seed gives the same data.

/** Returns a function giving numbers in [0, 1), repeatable for a seed. Never for anything secret. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks an item; with weights, in proportion to them. */
export function pick<T>(next: () => number, items: readonly T[], weights?: readonly number[]): T {
  if (!weights) return items[Math.floor(next() * items.length)] as T;
  const total = weights.reduce((a, b) => a + b, 0);
  let roll = next() * total;
  for (let i = 0; i < items.length; i += 1) {
    roll -= weights[i] ?? 0;
    if (roll < 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
}
