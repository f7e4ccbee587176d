import { parseOptions } from './options';

const RESULTS = '/repo/bench/RESULTS.md';

describe('parseOptions', () => {
  it('has defaults for a recorded run of four rounds at concurrency 8', () => {
    expect(parseOptions([], RESULTS)).toEqual({
      traceRatio: 0.1,
      requests: 2000,
      warmup: 300,
      concurrency: 8,
      rounds: 4,
      timeoutMs: 300_000,
      maxLoad: 1.5,
      maxLoadWaitMs: 60_000,
      results: RESULTS,
      record: true,
    });
  });

  it('reads every flag', () => {
    expect(
      parseOptions(
        [
          '--requests=500',
          '--warmup=0',
          '--concurrency=16',
          '--rounds=2',
          '--trace-ratio=1',
          '--timeout-s=60',
          '--max-load=2.5',
          '--max-load-wait-s=0',
          '--results=/tmp/r.md',
          '--no-record',
        ],
        RESULTS,
      ),
    ).toEqual({
      traceRatio: 1,
      requests: 500,
      warmup: 0,
      concurrency: 16,
      rounds: 2,
      timeoutMs: 60_000,
      maxLoad: 2.5,
      maxLoadWaitMs: 0,
      results: '/tmp/r.md',
      record: false,
    });
  });

  it('answers help without reading the rest', () => {
    expect(parseOptions(['--help', '--requests=0'], RESULTS)).toBe('help');
  });

  it.each([
    [['--requests=0'], /--requests must be an integer/],
    [['--rounds=3'], /--rounds must be even/],
    [['--rounds=0'], /--rounds must be an integer/],
    [['--concurrency=x'], /--concurrency must be an integer/],
    [['--max-load=0'], /--max-load must be positive/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseOptions(argv, RESULTS)).toThrow(message);
  });

  it('refuses a flag it does not know', () => {
    expect(() => parseOptions(['--request=10'], RESULTS)).toThrow(/Unknown option/);
  });
});
