import type { Arrival } from './receiver';
import {
  arrivalSpan,
  backlogSide,
  estimateClaims,
  latencyFigures,
  notificationsResultRows,
  perSecond,
  type RunFigures,
  summarizeLogs,
} from './report';

const arrival = (atMs: number, wallMs = atMs, createdAtMs = 0): Arrival => ({
  ticketId: String(atMs),
  atMs,
  wallMs,
  createdAtMs,
});

describe('throughput figures', () => {
  it('counts events per second over a span, NaN over none', () => {
    expect(perSecond(3000, 1000, 3000)).toBe(1500);
    expect(perSecond(10, 5, 5)).toBeNaN();
  });

  it('takes first → last arrival for the headline and start → last for the cold figure', () => {
    const span = arrivalSpan([arrival(3000), arrival(1000), arrival(2000)]);
    expect(span).toEqual({ firstMs: 1000, lastMs: 3000 });
    expect(backlogSide(4000, { startMs: 0, ...span })).toEqual({
      throughput: 2000,
      throughputFromStart: 4000 / 3,
      spanMs: 2000,
      fromStartMs: 3000,
    });
  });

  it('measures latency from the ticket creation to the arrival', () => {
    const figures = latencyFigures(
      Array.from({ length: 100 }, (_, index) => arrival(index, 1000 + index + 1, 1000)),
    );
    expect(figures).toEqual({ count: 100, p50Ms: 50, p99Ms: 99, maxMs: 100 });
  });
});

describe('notificationsResultRows', () => {
  const figures: RunFigures = {
    events: 3000,
    platform: { throughput: 250, throughputFromStart: 200, spanMs: 12_000, fromStartMs: 15_000 },
    baseline: { throughput: 5000, throughputFromStart: 1000, spanMs: 600, fromStartMs: 3000 },
    latency: {
      platform: { count: 300, p50Ms: 120, p99Ms: 260, maxMs: 300 },
      baseline: { count: 300, p50Ms: 30, p99Ms: 52, maxMs: 60 },
    },
  };

  it('records throughput, throughput from start and the latency percentiles with ratios', () => {
    const rows = notificationsResultRows(figures, { date: '2026-11-27', commit: 'abc1234' });
    expect(
      rows.map(({ metric, value, unit, baseline, ratio }) => [
        metric,
        value,
        unit,
        baseline,
        ratio,
      ]),
    ).toEqual([
      ['throughput', '250.0', 'events/s', '5000.0', '0.05'],
      ['throughput-from-start', '200.0', 'events/s', '1000.0', '0.20'],
      ['latency-p50', '120.0', 'ms', '30.0', '4.00'],
      ['latency-p99', '260.0', 'ms', '52.0', '5.00'],
    ]);
    expect(rows.every((row) => row.benchmark === 'notifications' && row.commit === 'abc1234')).toBe(
      true,
    );
  });

  it('leaves the latency rows out when that phase did not run', () => {
    const { latency: _, ...withoutLatency } = figures;
    expect(notificationsResultRows(withoutLatency, { date: 'd', commit: 'c' })).toHaveLength(2);
  });
});

describe('estimateClaims', () => {
  it('splits sends into claims by pauses and by the batch size', () => {
    const full = Array.from({ length: 64 }, (_, index) => index * 0.1);
    const next = Array.from({ length: 64 }, (_, index) => 30 + index * 0.1);
    const partial = Array.from({ length: 10 }, (_, index) => 300 + index * 0.1);
    expect(estimateClaims([...partial, ...full, ...next], 64)).toEqual({
      claims: 3,
      meanSize: 138 / 3,
      fullClaims: 2,
      medianGapMs: expect.closeTo(30 - 6.3, 5) as number,
    });
  });
});

describe('summarizeLogs', () => {
  it('counts warnings and errors by message, most frequent first', () => {
    const output = [
      '{"level":30,"msg":"started"}',
      '{"level":50,"msg":"kafka: Crash"}',
      'not json',
      '{"level":40,"msg":"retrying"}',
      '{"level":50,"msg":"kafka: Crash"}',
    ].join('\n');
    expect(summarizeLogs(output)).toEqual({ count: 3, top: ['kafka: Crash ×2', 'retrying ×1'] });
  });
});
