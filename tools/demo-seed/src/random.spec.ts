import { SeededRandom } from './random';

const draw = (random: SeededRandom, count: number): number[] =>
  Array.from({ length: count }, () => random.next());

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    expect(draw(new SeededRandom(42), 5)).toEqual(draw(new SeededRandom(42), 5));
    expect(draw(new SeededRandom(42), 5)).not.toEqual(draw(new SeededRandom(43), 5));
  });

  it('gives independent, repeatable streams per label', () => {
    const a = draw(SeededRandom.stream(7, 'incident:1'), 3);
    expect(draw(SeededRandom.stream(7, 'incident:1'), 3)).toEqual(a);
    expect(draw(SeededRandom.stream(7, 'incident:2'), 3)).not.toEqual(a);
  });

  it('stays in [0, 1) and ints stay in their inclusive range', () => {
    const random = new SeededRandom(1);
    const values = draw(random, 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const ints = new Set(Array.from({ length: 1000 }, () => random.int(3, 5)));
    expect([...ints].sort()).toEqual([3, 4, 5]);
    expect(() => random.int(5, 3)).toThrow(RangeError);
  });

  it('picks by weight, never a zero weight, and refuses empty choices', () => {
    const random = new SeededRandom(9);
    const counts = { a: 0, b: 0, never: 0 };
    for (let index = 0; index < 10_000; index++) {
      counts[
        random.weighted<keyof typeof counts>([
          ['a', 3],
          ['never', 0],
          ['b', 1],
        ])
      ] += 1;
    }
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.5);
    expect(counts.a / counts.b).toBeLessThan(3.5);
    expect(() => random.weighted([])).toThrow(RangeError);
    expect(() => random.pick([])).toThrow(RangeError);
  });
});
