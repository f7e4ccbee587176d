import { runLoad } from './load';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('runLoad', () => {
  it('runs every operation once and never exceeds the concurrency', async () => {
    const seen: number[] = [];
    let inFlight = 0;
    let peak = 0;
    const result = await runLoad(
      { count: 50, concurrency: 4, timeoutMs: 10_000 },
      async (index) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        seen.push(index);
        await tick();
        inFlight -= 1;
      },
    );
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(peak).toBe(4);
    expect(result).toMatchObject({ failures: 0, finished: true });
    expect(result.latenciesMs).toHaveLength(50);
  });

  it('counts failures apart from latencies and keeps the first reason', async () => {
    const result = await runLoad(
      { count: 10, concurrency: 2, timeoutMs: 10_000 },
      async (index) => {
        await tick();
        if (index % 5 === 0) throw new Error(`status 500 for ${index}`);
      },
    );
    expect(result.failures).toBe(2);
    expect(result.firstFailure).toBe('status 500 for 0');
    expect(result.latenciesMs).toHaveLength(10);
    expect(result.latenciesMs.filter(Number.isFinite)).toHaveLength(8);
    expect(result.latenciesMs[0]).toBeNaN();
  });

  it('stops starting operations when the time is up', async () => {
    const result = await runLoad(
      { count: 1000, concurrency: 2, timeoutMs: 30 },
      () => new Promise((resolve) => setTimeout(resolve, 10)),
    );
    expect(result.finished).toBe(false);
    expect(result.latenciesMs.filter(Number.isFinite).length).toBeLessThan(1000);
  });
});
