import { runAtRate } from './rate';

describe('runAtRate', () => {
  it('starts operations at the rate without waiting for earlier ones', async () => {
    const startedAt: number[] = [];
    const begin = Date.now();
    let inFlight = 0;
    let peak = 0;
    const result = await runAtRate(
      { count: 10, ratePerSecond: 200, timeoutMs: 5_000 },
      async () => {
        startedAt.push(Date.now() - begin);
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 30));
        inFlight -= 1;
      },
    );
    expect(result).toMatchObject({ failures: 0, finished: true });
    // Ten 30 ms operations 5 ms apart overlap: it is an open loop.
    expect(peak).toBeGreaterThan(3);
    expect(startedAt.at(-1)).toBeGreaterThanOrEqual(40);
    // Timed from the slot: never less than the operation itself (timers may fire 1 ms early).
    expect(Math.min(...result.latenciesMs)).toBeGreaterThanOrEqual(28);
  });

  it('counts failures apart and reports a run that does not finish in time', async () => {
    const result = await runAtRate({ count: 4, ratePerSecond: 1000, timeoutMs: 50 }, (index) =>
      index === 1
        ? Promise.reject(new Error('status 503'))
        : index === 3
          ? new Promise(() => undefined)
          : Promise.resolve(),
    );
    expect(result).toMatchObject({ failures: 1, firstFailure: 'status 503', finished: false });
    expect(result.latenciesMs.filter(Number.isFinite)).toHaveLength(2);
  });

  it('refuses a rate that is not positive', async () => {
    await expect(
      runAtRate({ count: 1, ratePerSecond: 0, timeoutMs: 10 }, () => Promise.resolve()),
    ).rejects.toThrow(RangeError);
  });
});
