import { type Meter, metrics } from '@opentelemetry/api';
import type { DataSource } from 'typeorm';
import { SLA_TARGETS } from '../domain/sla-clock';

interface OpenClockCount {
  target: string;
  state: string;
  breached: boolean;
  clocks: number;
}

const OPEN_STATES = ['running', 'paused'] as const;

/**
 * How many SLA clocks are open — running or paused — per target, and how many of those are
 * already past their target (a breached clock keeps running until the work is done). Read
 * when metrics are collected (every export interval) through a partial index holding only the
 * open clocks. With `itsm.sla.events` (warnings and breaches announced) it tells how much is at
 * stake and how much of it slipped.
 */
export class OpenClocksGauge {
  constructor(dataSource: DataSource, meter: Meter = metrics.getMeter('itsm-sla')) {
    const open = meter.createObservableGauge('itsm.sla.clocks.open', {
      description: 'SLA clocks running or paused',
      unit: '{clock}',
    });
    open.addCallback(async (observer) => {
      if (!dataSource.isInitialized) return;
      const rows = (await dataSource.query(
        `SELECT target, state, breached_at IS NOT NULL AS breached, count(*)::int AS clocks
           FROM sla_clocks
          WHERE state IN ('running', 'paused')
          GROUP BY 1, 2, 3`,
      )) as OpenClockCount[];
      // Every series every time: a count that drops to zero is reported as zero, not as gone.
      for (const target of SLA_TARGETS) {
        for (const state of OPEN_STATES) {
          for (const breached of [false, true]) {
            const row = rows.find(
              (candidate) =>
                candidate.target === target &&
                candidate.state === state &&
                candidate.breached === breached,
            );
            observer.observe(row?.clocks ?? 0, {
              'itsm.sla.target': target,
              'itsm.sla.clock_state': state,
              'itsm.sla.breached': breached,
            });
          }
        }
      }
    });
  }
}
