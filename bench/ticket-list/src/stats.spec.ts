import { groupBy, ratio, summarize } from './stats';

describe('summarize', () => {
  it('gives p50, p95 and p99 of 1..20', () => {
    const samples = Array.from({ length: 20 }, (_, index) => index + 1);
    expect(summarize(samples)).toEqual({ count: 20, p50Ms: 10, p95Ms: 19, p99Ms: 20 });
  });
});

describe('groupBy', () => {
  it('groups latencies by key in first-seen order', () => {
    const groups = groupBy([
      { key: 'b', latencyMs: 1 },
      { key: 'a', latencyMs: 2 },
      { key: 'b', latencyMs: 3 },
    ]);
    expect([...groups]).toEqual([
      ['b', [1, 3]],
      ['a', [2]],
    ]);
  });
});

describe('ratio', () => {
  it('is platform / baseline, NaN for a zero or unknown baseline', () => {
    expect(ratio(30, 10)).toBe(3);
    expect(ratio(30, 0)).toBeNaN();
    expect(ratio(Number.NaN, 10)).toBeNaN();
  });
});
