import {
  formatLevelTable,
  gatewayResultRows,
  type LevelFigures,
  levelSummary,
  overheadMs,
  sideFigures,
} from './report';

const oneTo = (n: number, scale = 1): number[] =>
  Array.from({ length: n }, (_, index) => (index + 1) * scale);

const level: LevelFigures = {
  concurrency: 8,
  // 100 requests each: p50 is the 50th, p99 the 99th; 100 requests in 500 ms = 200/s.
  bearer: sideFigures(oneTo(100, 0.1), 500),
  baseline: sideFigures(oneTo(100, 0.04), 250),
};

describe('sideFigures', () => {
  it('gives nearest-rank percentiles and requests per second of the measuring time', () => {
    expect(sideFigures(oneTo(100), 2000)).toEqual({
      requests: 100,
      p50Ms: 50,
      p95Ms: 95,
      p99Ms: 99,
      throughput: 50,
    });
    expect(sideFigures([], 0).throughput).toBeNaN();
  });
});

describe('overheadMs', () => {
  it('is the gateway p50 minus the direct p50', () => {
    expect(overheadMs(level.bearer, level.baseline)).toBeCloseTo(3);
  });
});

describe('gatewayResultRows', () => {
  it('records p50, p99 and throughput against the direct call and the overhead alone', () => {
    const rows = gatewayResultRows(level, { date: '2026-11-27', commit: 'abc1234' });
    expect(rows.map((row) => [row.metric, row.value, row.unit, row.baseline, row.ratio])).toEqual([
      ['p50', '5.00', 'ms', '2.00', '2.50'],
      ['p99', '9.90', 'ms', '3.96', '2.50'],
      ['throughput', '200.0', 'req/s', '400.0', '0.50'],
      ['overhead-p50', '3.00', 'ms', '-', '-'],
    ]);
    expect(rows.every((row) => row.benchmark === 'gateway' && row.date === '2026-11-27')).toBe(
      true,
    );
  });
});

describe('formatLevelTable', () => {
  it('shows each side with its ratios to the direct call, the API key only when measured', () => {
    const table = formatLevelTable(level).split('\n');
    expect(table[0]).toBe('concurrency 8');
    expect(table[2]).toMatch(
      /^gateway, bearer\s+100\s+5\.00\s+9\.50\s+9\.90\s+200\.0\s+2\.50\s+2\.50\s+0\.50\s+3\.00$/,
    );
    expect(table[3]).toMatch(/^gRPC direct\s+100\s+2\.00\s+3\.80\s+3\.96\s+400\.0(\s+-){4}$/);
    expect(formatLevelTable({ ...level, apiKey: level.bearer })).toContain('gateway, API key');
  });
});

describe('levelSummary', () => {
  it('puts every side and the overheads in one sentence', () => {
    expect(levelSummary({ ...level, apiKey: sideFigures(oneTo(100, 0.12), 600) })).toBe(
      'Concurrency 8 (p50/p95/p99): bearer 5.00/9.50/9.90 ms, 200.0 req/s; ' +
        'API key 6.00/11.40/11.88 ms, 166.7 req/s; gRPC direct 2.00/3.80/3.96 ms, 400.0 req/s; ' +
        'overhead p50 bearer 3.00 ms, API key 4.00 ms.',
    );
  });
});
