import type { OtlpCounts } from './otlp-sink';
import {
  exportProblems,
  formatTable,
  pairCostsPercent,
  type RoundFigures,
  sideFigures,
  sideSummary,
  telemetryResultRows,
  throughputCostPercent,
} from './report';

const oneTo = (n: number, scale = 1): number[] =>
  Array.from({ length: n }, (_, index) => (index + 1) * scale);

const noExports: OtlpCounts = {
  traceExports: 0,
  spans: 0,
  metricExports: 0,
  otherExports: 0,
  unreadable: 0,
  bytes: 0,
};
const exported: OtlpCounts = {
  traceExports: 10,
  spans: 4000,
  metricExports: 8,
  otherExports: 0,
  unreadable: 0,
  bytes: 1024 * 1000,
};

/** 100 requests of 0.1 … 10 ms (off) or 0.125 … 12.5 ms (on), at 200/s or 160/s. */
const round = (mode: 'off' | 'on', overrides: Partial<RoundFigures> = {}): RoundFigures => ({
  mode,
  latenciesMs: oneTo(100, mode === 'off' ? 0.1 : 0.125),
  elapsedMs: mode === 'off' ? 500 : 625,
  drainMs: 40,
  serviceCpuMs: mode === 'off' ? 600 : 750,
  tickets: 100,
  eventsApplied: { tickets: 100, sla: 200, routing: 250 },
  exports: mode === 'off' ? noExports : exported,
  droppedSpans: 0,
  ...overrides,
});
const rounds = [round('off'), round('on'), round('on', { elapsedMs: 500 }), round('off')];

describe('sideFigures', () => {
  it('pools the latencies of a side and divides its requests by its summed time', () => {
    const on = sideFigures('on', rounds);
    expect(on).toMatchObject({
      mode: 'on',
      requests: 200,
      p50Ms: 6.25,
      p99Ms: 12.375,
      throughput: (200 * 1000) / 1125,
      roundThroughputs: [160, 200],
      cpuMsPerTicket: 7.5,
      drainMs: [40, 40],
      eventsPerTicket: { tickets: 1, sla: 2, routing: 2.5 },
      spansPerTicket: 40,
      exportedKiBPerTicket: 10,
      traceExports: 20,
      metricExports: 16,
      droppedSpans: 0,
    });
    expect(sideFigures('off', rounds).throughput).toBe(200);
  });
});

describe('throughputCostPercent', () => {
  it('is the share of the throughput lost with telemetry on', () => {
    expect(throughputCostPercent(170, 200)).toBeCloseTo(15);
    expect(throughputCostPercent(210, 200)).toBeCloseTo(-5);
    expect(throughputCostPercent(100, 0)).toBeNaN();
  });
});

describe('pairCostsPercent', () => {
  it('gives the cost within each pair of neighbouring rounds', () => {
    const costs = pairCostsPercent(rounds);
    expect(costs).toHaveLength(2);
    expect(costs[0]).toBeCloseTo(20);
    expect(costs[1]).toBeCloseTo(0);
  });
});

describe('exportProblems', () => {
  it('accepts silent "off" rounds and "on" rounds with spans and metrics', () => {
    expect(exportProblems(rounds)).toEqual([]);
  });

  it('names the rounds that cannot stand', () => {
    expect(
      exportProblems([
        round('off', { exports: { ...noExports, metricExports: 2 } }),
        round('on', { exports: { ...exported, spans: 0, metricExports: 0 } }),
        round('on', { exports: { ...exported, unreadable: 1 } }),
      ]),
    ).toEqual([
      'round 1 (off): OpenTelemetry was switched off, yet 2 exports arrived',
      'round 2 (on): no spans arrived',
      'round 2 (on): no metrics arrived',
      'round 3 (on): 1 trace exports could not be read',
    ]);
  });
});

describe('telemetryResultRows', () => {
  it('records the "on" side against the "off" side and the throughput cost', () => {
    const rows = telemetryResultRows(sideFigures('off', rounds), sideFigures('on', rounds), {
      date: '2026-11-28',
      commit: 'abc1234',
    });
    expect(rows.map((row) => [row.metric, row.value, row.unit, row.baseline, row.ratio])).toEqual([
      ['throughput', '177.8', 'req/s', '200.0', '0.89'],
      ['p50', '6.25', 'ms', '5.00', '1.25'],
      ['p99', '12.38', 'ms', '9.90', '1.25'],
      ['cpu-per-ticket', '7.50', 'ms', '6.00', '1.25'],
      ['throughput-cost', '11.1', '%', '-', '-'],
    ]);
    expect(rows.every((row) => row.benchmark === 'telemetry' && row.commit === 'abc1234')).toBe(
      true,
    );
  });
});

describe('formatTable', () => {
  it('shows both sides, on / off and whether the cost meets the target', () => {
    const table = formatTable(sideFigures('off', rounds), sideFigures('on', rounds)).split('\n');
    expect(table[1]).toMatch(
      /^OpenTelemetry off\s+200\s+5\.00\s+9\.50\s+9\.90\s+200\.0\s+6\.00\s+0\.0$/,
    );
    expect(table[3]).toMatch(/^on \/ off\s+1\.25\s+1\.25\s+1\.25\s+0\.89\s+1\.25\s*$/);
    expect(table[4]).toBe('throughput cost 11.1 % (target <= 15 %): met');
    const slow = [round('off'), round('on', { elapsedMs: 1000 })];
    expect(formatTable(sideFigures('off', slow), sideFigures('on', slow))).toContain(
      'throughput cost 50.0 % (target <= 15 %): NOT met',
    );
  });
});

describe('sideSummary', () => {
  it('tells the events applied per ticket by each consuming service', () => {
    expect(sideSummary(sideFigures('off', rounds))).toContain(
      'events applied per ticket by tickets/SLA/routing 1.00/2.00/2.50',
    );
  });

  it('tells the export volume for the "on" side only', () => {
    expect(sideSummary(sideFigures('off', rounds))).not.toContain('spans');
    expect(sideSummary(sideFigures('on', rounds))).toContain(
      '40.0 spans and 10.0 KiB exported per ticket (20 trace and 16 metric exports), 0 spans dropped',
    );
  });
});
