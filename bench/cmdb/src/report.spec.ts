import {
  cmdbResultRows,
  describeLayers,
  describeRelationshipTypes,
  formatSummary,
  latencyFigures,
  reachFigures,
  runNote,
} from './report';
import { buildSeedPlan } from './seed';

describe('latency figures', () => {
  const hundred = Array.from({ length: 100 }, (_, index) => 100 - index); // 100..1 ms

  it('are nearest-rank percentiles of the calls that succeeded', () => {
    expect(latencyFigures([...hundred, Number.NaN])).toEqual({
      count: 100,
      p50Ms: 50,
      p95Ms: 95,
      p99Ms: 99,
      maxMs: 100,
      meanMs: 50.5,
    });
    expect(latencyFigures([]).p95Ms).toBeNaN();
  });

  it('become one row per percentile against the one-hop baseline', () => {
    const impact = latencyFigures(hundred);
    const baseline = latencyFigures(hundred.map((ms) => ms / 40));
    const rows = cmdbResultRows(impact, baseline, { date: '2026-11-27', commit: 'abc' });
    expect(rows.map((row) => [row.metric, row.value, row.baseline, row.ratio])).toEqual([
      ['impact-p50', '50.00', '1.25', '40.0'],
      ['impact-p95', '95.00', '2.38', '40.0'],
      ['impact-p99', '99.00', '2.48', '40.0'],
    ]);
    expect(rows.every((row) => row.benchmark === 'cmdb' && row.unit === 'ms')).toBe(true);
    const summary = formatSummary(impact, baseline).split('\n');
    expect(summary).toHaveLength(4);
    expect(summary[3]).toMatch(/^ratio\s+40\.00\s+40\.00/);
  });

  it('have no figures without samples', () => {
    const rows = cmdbResultRows(latencyFigures([]), latencyFigures([]), { date: 'd', commit: 'c' });
    expect(rows[0]).toMatchObject({ value: '-', baseline: '-', ratio: '-' });
  });
});

describe('reach figures', () => {
  it('say how much each analysis returned and how often the limit cut it', () => {
    const reach = reachFigures([
      { items: 10, businessServices: 1, truncated: false },
      { items: 300, businessServices: 20, truncated: false },
      { items: 1_000, businessServices: 60, truncated: true },
    ]);
    expect(reach).toEqual({
      answers: 3,
      meanItems: 1_310 / 3,
      p50Items: 300,
      maxItems: 1_000,
      meanBusinessServices: 27,
      truncated: 1,
    });
  });
});

describe('the run note', () => {
  const plan = buildSeedPlan();

  it('names the graph by type', () => {
    expect(describeLayers(plan)).toMatch(
      /^8 data_centre, 2,000 business_service, 20,000 application/,
    );
    expect(describeRelationshipTypes(plan)).toMatch(/^1,861,010 uses_licence, /);
  });

  it('gives the machine, counts, seed time, depth and the mean items returned', () => {
    const note = runNote({
      date: '2026-11-27',
      commit: 'abc1234',
      machine: '2 CPUs, load average 2.00 at start',
      plan,
      seed: {
        itemsS: 100,
        relationshipsS: 200,
        settleS: 10.5,
        size: '1500 MB',
        foreignKeysChecked: false,
      },
      depth: 5,
      limit: 1_000,
      requests: 500,
      warmup: 50,
      reach: reachFigures([{ items: 250, businessServices: 12, truncated: false }]),
      baselineMeanRows: 3.5,
      loadWhenMeasuring: 1.25,
    });
    const [first, second, ...rest] = note.split('\n');
    expect(rest).toEqual([]);
    expect(first).toMatch(
      /^2026-11-27 cmdb abc1234: 2 CPUs, load average 2\.00 at start, 1\.25 when measuring;/,
    );
    expect(first).toContain('1,000,000 configuration items and 3,000,000 relationships');
    expect(first).toContain('seeded by SQL in 310.5 s');
    expect(first).toContain('depth 5, limit 1000, 500 calls after 50 warm-up');
    expect(second).toContain('Items returned per analysis: mean 250.0');
    expect(second).toContain('returned 3.5 rows on average');
  });
});
