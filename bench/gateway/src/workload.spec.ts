import { idPlan, roundSlices, seededRandom, turnOrder } from './workload';

describe('seededRandom', () => {
  it('repeats its sequence for the same seed and stays in [0, 1)', () => {
    const first = seededRandom(7);
    const second = seededRandom(7);
    const values = Array.from({ length: 1000 }, () => first());
    expect(Array.from({ length: 1000 }, () => second())).toEqual(values);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(seededRandom(8)()).not.toBe(values[0]);
  });
});

describe('idPlan', () => {
  const ids = ['a', 'b', 'c', 'd'];

  it('draws ids of the set, the same plan for the same seed', () => {
    const plan = idPlan(ids, 400, 1);
    expect(plan).toHaveLength(400);
    expect(plan.every((id) => ids.includes(id))).toBe(true);
    expect(new Set(plan)).toEqual(new Set(ids));
    expect(idPlan(ids, 400, 1)).toEqual(plan);
    expect(idPlan(ids, 400, 2)).not.toEqual(plan);
  });

  it('refuses an empty set', () => {
    expect(() => idPlan([], 1, 1)).toThrow(/no tickets/);
  });
});

describe('roundSlices', () => {
  it.each([
    [
      10,
      4,
      [
        [0, 2],
        [2, 5],
        [5, 7],
        [7, 10],
      ],
    ],
    [
      8,
      4,
      [
        [0, 2],
        [2, 4],
        [4, 6],
        [6, 8],
      ],
    ],
    [3, 1, [[0, 3]]],
  ])('splits %d requests into %d rounds', (count, rounds, expected) => {
    expect(roundSlices(count, rounds)).toEqual(expected);
  });

  it('covers every request exactly once', () => {
    const slices = roundSlices(4001, 7);
    expect(slices[0]?.[0]).toBe(0);
    expect(slices.at(-1)?.[1]).toBe(4001);
    slices.slice(1).forEach(([start], index) => expect(start).toBe(slices[index]?.[1]));
  });
});

describe('turnOrder', () => {
  it('starts each round one side later', () => {
    const sides = ['bearer', 'apiKey', 'baseline'];
    expect([0, 1, 2, 3].map((round) => turnOrder(sides, round))).toEqual([
      ['bearer', 'apiKey', 'baseline'],
      ['apiKey', 'baseline', 'bearer'],
      ['baseline', 'bearer', 'apiKey'],
      ['bearer', 'apiKey', 'baseline'],
    ]);
    expect(turnOrder(['platform', 'baseline'], 1)).toEqual(['baseline', 'platform']);
    expect(turnOrder([], 3)).toEqual([]);
  });
});
