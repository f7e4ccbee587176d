import { parseArgs } from 'node:util';
import { integerOption } from '@itsm/testing';

export interface NotificationsBenchOptions {
  /** `ticket.created` events left waiting in Kafka for both sides to deliver. */
  events: number;
  /** Posts in flight on the baseline side: the service's default DISPATCH_BATCH_SIZE. */
  concurrency: number;
  /** Tickets created at once (gRPC CreateTicket) while the backlog is built. */
  createConcurrency: number;
  /** The notifications service's DISPATCH_POLL_MS for the run (its own default is 200). */
  dispatchPollMs: number;
  /** Tickets created at `latencyRate` per second with everything running, for the latency figures. */
  latencyEvents: number;
  latencyRate: number;
  timeoutMs: number;
  /** Wait (bounded) for the 1-minute load average to drop below this before measuring. */
  maxLoad: number;
  maxLoadWaitMs: number;
  results: string;
  record: boolean;
}

export const USAGE = `usage: main.js [--events 3000] [--concurrency 64] [--create-concurrency 16]
                [--dispatch-poll-ms 200] [--latency-events 300] [--latency-rate 20]
                [--timeout-s 300] [--max-load 1.5] [--max-load-wait-s 180]
                [--results bench/RESULTS.md] [--no-record]`;

/** The options of a run, or `help` when only the usage was asked for; throws on a bad value. */
export function parseOptions(
  argv: string[],
  defaultResults: string,
): NotificationsBenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      events: { type: 'string', default: '3000' },
      concurrency: { type: 'string', default: '64' },
      'create-concurrency': { type: 'string', default: '16' },
      'dispatch-poll-ms': { type: 'string', default: '50' },
      'latency-events': { type: 'string', default: '300' },
      'latency-rate': { type: 'string', default: '20' },
      'timeout-s': { type: 'string', default: '300' },
      'max-load': { type: 'string', default: '1.5' },
      'max-load-wait-s': { type: 'string', default: '180' },
      results: { type: 'string', default: defaultResults },
      'no-record': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const integer = (name: string, text: string, min: number, max: number): number =>
    integerOption(name, text, min, max, USAGE);
  const maxLoad = Number(values['max-load']);
  if (!(maxLoad > 0)) throw new Error(`--max-load must be positive\n${USAGE}`);
  return {
    events: integer('events', values.events, 2, 1_000_000),
    concurrency: integer('concurrency', values.concurrency, 1, 1000),
    createConcurrency: integer('create-concurrency', values['create-concurrency'], 1, 256),
    // The service's own bounds for DISPATCH_POLL_MS.
    dispatchPollMs: integer('dispatch-poll-ms', values['dispatch-poll-ms'], 10, 60_000),
    latencyEvents: integer('latency-events', values['latency-events'], 0, 100_000),
    latencyRate: integer('latency-rate', values['latency-rate'], 1, 1000),
    timeoutMs: integer('timeout-s', values['timeout-s'], 1, 3600) * 1000,
    maxLoad,
    maxLoadWaitMs: integer('max-load-wait-s', values['max-load-wait-s'], 0, 3600) * 1000,
    results: values.results,
    record: !values['no-record'],
  };
}
