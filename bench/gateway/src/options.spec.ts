import { parseOptions } from './options';

const RESULTS = '/repo/bench/RESULTS.md';

describe('parseOptions', () => {
  it('has defaults for a recorded run at concurrency 8 and 1', () => {
    expect(parseOptions([], RESULTS)).toEqual({
      tickets: 200,
      requests: 4000,
      warmup: 400,
      concurrency: [8, 1],
      rounds: 4,
      apiKey: true,
      timeoutMs: 300_000,
      maxLoad: 1.5,
      maxLoadWaitMs: 180_000,
      results: RESULTS,
      record: true,
      cpuProfileDir: undefined,
    });
  });

  it('reads every flag', () => {
    expect(
      parseOptions(
        [
          '--tickets=50',
          '--requests=1000',
          '--warmup=0',
          '--concurrency=1, 16',
          '--rounds=2',
          '--no-api-key',
          '--timeout-s=60',
          '--max-load=2.5',
          '--max-load-wait-s=0',
          '--results=/tmp/r.md',
          '--no-record',
        ],
        RESULTS,
      ),
    ).toEqual({
      tickets: 50,
      requests: 1000,
      warmup: 0,
      concurrency: [1, 16],
      rounds: 2,
      apiKey: false,
      timeoutMs: 60_000,
      maxLoad: 2.5,
      maxLoadWaitMs: 0,
      results: '/tmp/r.md',
      record: false,
      cpuProfileDir: undefined,
    });
  });

  it('never records a run with profiled services', () => {
    expect(parseOptions(['--cpu-prof-dir=/tmp/profiles'], RESULTS)).toMatchObject({
      record: false,
      cpuProfileDir: '/tmp/profiles',
    });
  });

  it('answers help without reading the rest', () => {
    expect(parseOptions(['--help', '--requests=0'], RESULTS)).toBe('help');
  });

  it.each([
    [['--requests=0'], /--requests must be an integer/],
    [['--concurrency=8,x'], /--concurrency must be an integer/],
    [['--concurrency=8,8'], /lists a level twice/],
    [['--rounds=5', '--requests=4'], /--rounds must not exceed --requests/],
    [['--max-load=0'], /--max-load must be positive/],
    [['--tickets=2.5'], /--tickets must be an integer/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseOptions(argv, RESULTS)).toThrow(message);
  });

  it('refuses a flag it does not know', () => {
    expect(() => parseOptions(['--requets=10'], RESULTS)).toThrow(/Unknown option/);
  });
});
