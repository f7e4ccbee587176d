import { breachOf } from './breach-probe';
import { rssOfProcStatus } from './memory';
import { formatSummary, lagFigures, type SlaFigures, slaResultRows } from './report';

const MIB = 2 ** 20;

describe('breach lag', () => {
  it('counts each clock once and reports the clocks announced twice or never', () => {
    const figures = lagFigures(
      [
        { ticketNumber: 'DUE-load-000000', dueAt: 1_000, receivedAt: 1_020 },
        { ticketNumber: 'DUE-load-000001', dueAt: 1_020, receivedAt: 1_060 },
        { ticketNumber: 'DUE-load-000001', dueAt: 1_020, receivedAt: 1_900 },
      ],
      3,
    );
    expect(figures).toEqual({
      expected: 3,
      received: 2,
      duplicates: ['DUE-load-000001'],
      missing: 1,
      p50Ms: 20,
      p99Ms: 40,
      maxMs: 40,
    });
  });

  it('reads the due instant of breach events only', () => {
    const value = {
      ticketId: '0194a000-0000-7000-8000-000000000001',
      ticketNumber: 'DUE-load-000003',
      target: 'SLA_TARGET_RESOLUTION',
      policyId: '5a1a9011-0000-4000-8000-000000000010',
      dueAt: '2026-11-27T10:00:00.020Z',
      reachedAt: '2026-11-27T10:00:00.020Z',
      elapsedMs: 14_400_000,
      occurredAt: '2026-11-27T10:00:00.031Z',
    };
    expect(breachOf({ ce_type: 'itsm.sla.v1.clock.breached' }, value)).toEqual({
      ticketNumber: 'DUE-load-000003',
      dueAt: Date.parse('2026-11-27T10:00:00.020Z'),
    });
    expect(breachOf({ ce_type: 'itsm.sla.v1.clock.met' }, value)).toBeUndefined();
  });
});

describe('the SLA benchmark’s figures', () => {
  const phase = (p50Ms: number, p99Ms: number, rssMib: number, heapMib: number) => ({
    lag: { expected: 10, received: 10, duplicates: [], missing: 0, p50Ms, p99Ms, maxMs: p99Ms + 5 },
    memoryPeak: { rssBytes: rssMib * MIB, heapUsedBytes: heapMib * MIB, heapTotalBytes: 0 },
  });
  const figures: SlaFigures = {
    baseline: phase(20, 50, 180, 80),
    load: phase(25, 100, 270, 120),
    seedSeconds: 31.25,
  };

  it('are recorded one row per figure, load against the idle scheduler', () => {
    expect(
      slaResultRows(figures, { date: '2026-11-27', commit: 'abc1234' }).map(
        ({ metric, value, unit, baseline, ratio }) => [metric, value, unit, baseline, ratio],
      ),
    ).toEqual([
      ['lag-p50', '25.0', 'ms', '20.0', '1.25'],
      ['lag-p99', '100.0', 'ms', '50.0', '2.00'],
      ['lag-max', '105.0', 'ms', '55.0', '1.91'],
      ['rss', '270.0', 'MiB', '180.0', '1.50'],
      ['heap', '120.0', 'MiB', '80.0', '1.50'],
      ['seed', '31.3', 's', '-', '-'],
    ]);
  });

  it('are printed side by side', () => {
    expect(formatSummary(figures).split('\n')[1]).toMatch(
      /^load\s+10\s+25\.0\s+100\.0\s+105\.0\s+270\.0\s+120\.0$/,
    );
  });

  it('read the resident set size from /proc', () => {
    expect(rssOfProcStatus('Name:\tnode\nVmHWM:\t  300000 kB\nVmRSS:\t  262144 kB\n')).toBe(
      256 * MIB,
    );
    expect(rssOfProcStatus('Name:\tnode\n')).toBeNaN();
  });
});
