import { kindsOverTarget, type LevelFigures, sideFigures, ticketListResultRows } from './report';

const samples = (kind: string, latencies: number[]) =>
  latencies.map((latencyMs) => ({ kind, label: 'v', latencyMs }));

describe('sideFigures', () => {
  it('summarises overall, per kind and per variant', () => {
    const side = sideFigures([...samples('newest', [1, 2, 3]), ...samples('text-en', [10, 200])]);
    expect(side.overall.count).toBe(5);
    expect(side.byKind.get('newest')?.p95Ms).toBe(3);
    expect(side.byVariant.get('text-en: v')?.p50Ms).toBe(10);
    expect(kindsOverTarget(side)).toEqual([['text-en', 200]]);
  });
});

describe('ticketListResultRows', () => {
  it('records p50, p95, p99 against the baseline and the seeding time without one', () => {
    const level: LevelFigures = {
      concurrency: 1,
      platform: sideFigures(samples('newest', [10, 20, 40])),
      baseline: sideFigures(samples('newest', [1, 2, 4])),
    };
    const rows = ticketListResultRows(level, 123.45, { date: '2026-11-27', commit: 'abc1234' });
    expect(rows.map((row) => [row.metric, row.value, row.unit, row.baseline, row.ratio])).toEqual([
      ['p50', '20.00', 'ms', '2.00', '10.00'],
      ['p95', '40.00', 'ms', '4.00', '10.00'],
      ['p99', '40.00', 'ms', '4.00', '10.00'],
      ['seed', '123.5', 's', '-', '-'],
    ]);
    expect(rows.every((row) => row.benchmark === 'ticket-list' && row.commit === 'abc1234')).toBe(
      true,
    );
  });
});
