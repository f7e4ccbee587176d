/** Which ticket each request reads, and in which order the sides take their turns. */

/** A small deterministic generator (mulberry32): the same seed gives every side the same ids. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** `count` ids drawn at random (with repeats) from `ids`, the same for the same seed. */
export function idPlan(ids: readonly string[], count: number, seed: number): string[] {
  if (ids.length === 0) throw new Error('no tickets to read');
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => ids[Math.floor(random() * ids.length)] ?? '');
}

/** Splits `count` requests into `rounds` consecutive [start, end) slices, as even as can be. */
export function roundSlices(count: number, rounds: number): [number, number][] {
  const slices: [number, number][] = [];
  for (let round = 0; round < rounds; round += 1) {
    const start = Math.floor((round * count) / rounds);
    const end = Math.floor(((round + 1) * count) / rounds);
    if (end > start) slices.push([start, end]);
  }
  return slices;
}

/**
 * The order of the sides in a round: each round starts one side later than the one before,
 * so no side always runs first (on a cold cache) or last (after the others heated the machine).
 */
export function turnOrder<T>(sides: readonly T[], round: number): T[] {
  if (sides.length === 0) return [];
  const shift = round % sides.length;
  return [...sides.slice(shift), ...sides.slice(0, shift)];
}
