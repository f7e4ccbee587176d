import { ratio, summarize, throughput } from './stats';

describe('throughput', () => {
  it('is operations per second of elapsed time', () => {
    expect(throughput(3000, 1500)).toBe(2000);
  });

  it('is NaN when no time elapsed', () => {
    expect(throughput(10, 0)).toBeNaN();
  });
});

describe('summarize', () => {
  it('reports count, throughput and percentiles', () => {
    const latencies = Array.from({ length: 200 }, (_, index) => index + 1);
    expect(summarize(latencies, 2000)).toEqual({
      count: 200,
      throughputPerSecond: 100,
      p50Ms: 100,
      p99Ms: 198,
    });
  });
});

describe('ratio', () => {
  it.each([
    [500, 1000, 0.5],
    [1200, 1000, 1.2],
    [1, 0, Number.NaN],
    [Number.NaN, 10, Number.NaN],
  ])('%d / %d is %d', (platform, baseline, expected) => {
    expect(ratio(platform, baseline)).toBe(expected);
  });
});
