import { parseOptions } from './options';

const RESULTS = '/repo/bench/RESULTS.md';

describe('parseOptions', () => {
  it('has defaults for a recorded run of 3000 events, 64 posts in flight', () => {
    expect(parseOptions([], RESULTS)).toEqual({
      events: 3000,
      concurrency: 64,
      createConcurrency: 16,
      dispatchPollMs: 50,
      latencyEvents: 300,
      latencyRate: 20,
      timeoutMs: 300_000,
      maxLoad: 1.5,
      maxLoadWaitMs: 180_000,
      results: RESULTS,
      record: true,
    });
  });

  it('reads every flag', () => {
    expect(
      parseOptions(
        [
          '--events=500',
          '--concurrency=8',
          '--create-concurrency=4',
          '--dispatch-poll-ms=120',
          '--latency-events=0',
          '--latency-rate=5',
          '--timeout-s=60',
          '--max-load=2.5',
          '--max-load-wait-s=0',
          '--results=/tmp/r.md',
          '--no-record',
        ],
        RESULTS,
      ),
    ).toEqual({
      events: 500,
      concurrency: 8,
      createConcurrency: 4,
      dispatchPollMs: 120,
      latencyEvents: 0,
      latencyRate: 5,
      timeoutMs: 60_000,
      maxLoad: 2.5,
      maxLoadWaitMs: 0,
      results: '/tmp/r.md',
      record: false,
    });
  });

  it('answers help', () => {
    expect(parseOptions(['--help'], RESULTS)).toBe('help');
  });

  it('refuses values the service or the run cannot take', () => {
    expect(() => parseOptions(['--events=1'], RESULTS)).toThrow(/--events/);
    expect(() => parseOptions(['--dispatch-poll-ms=5'], RESULTS)).toThrow(/--dispatch-poll-ms/);
    expect(() => parseOptions(['--max-load=0'], RESULTS)).toThrow(/--max-load/);
  });
});
