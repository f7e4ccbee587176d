/** A choice and how often it comes up relative to the others. */
export type Weighted<T> = readonly (readonly [value: T, weight: number])[];

/** FNV-1a over the text: turns a label into a 32-bit seed. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A seeded pseudo-random generator (mulberry32): the same seed yields the same sequence on
 * every machine and run, so the demo data never changes between runs. Not for secrets.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /**
   * An independent stream per label (one per ticket): a ticket's data does not shift when
   * another ticket draws more or fewer numbers.
   */
  static stream(seed: number, label: string): SeededRandom {
    return new SeededRandom(hashOf(`${seed}:${label}`));
  }

  /** A uniform number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`bad integer range ${min}..${max}`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('cannot pick from an empty list');
    return item;
  }

  weighted<T>(choices: Weighted<T>): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    if (choices.length === 0 || !(total > 0) || choices.some(([, weight]) => !(weight >= 0))) {
      throw new RangeError('weighted needs at least one choice and non-negative weights');
    }
    let left = this.next() * total;
    for (const [value, weight] of choices) {
      left -= weight;
      if (left < 0) return value;
    }
    // Rounding can leave a sliver at the end: it belongs to the last choice with weight.
    const last = choices.filter(([, weight]) => weight > 0).at(-1);
    if (!last) throw new RangeError('weighted needs a positive weight');
    return last[0];
  }
}
