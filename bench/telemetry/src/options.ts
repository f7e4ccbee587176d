import { parseArgs } from 'node:util';
import { integerOption } from '@itsm/testing';

export interface TelemetryBenchOptions {
  /** Tickets opened (measured) per round. */
  requests: number;
  /** Tickets opened per round before measuring, discarded. */
  warmup: number;
  /** Requests in flight. */
  concurrency: number;
  /** Rounds in all, half of them per side; each round runs a platform of its own. */
  rounds: number;
  /** Per phase (load, pipeline drain); no request starts after it and the run fails. */
  timeoutMs: number;
  /** Wait (bounded) for the 1-minute load average to drop below this before the first round. */
  maxLoad: number;
  maxLoadWaitMs: number;
  /** Share of traces sampled on the "on" side: 1 traces every request. */
  traceRatio: number;
  results: string;
  record: boolean;
}

export const USAGE = `usage: main.js [--requests 2000] [--warmup 300] [--concurrency 8] [--rounds 4] [--trace-ratio 0.1]
                [--timeout-s 300] [--max-load 1.5] [--max-load-wait-s 60]
                [--results bench/RESULTS.md] [--no-record]`;

/** The options of a run, or `help` when only the usage was asked for; throws on a bad value. */
export function parseOptions(
  argv: string[],
  defaultResults: string,
): TelemetryBenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      requests: { type: 'string', default: '2000' },
      warmup: { type: 'string', default: '300' },
      concurrency: { type: 'string', default: '8' },
      rounds: { type: 'string', default: '4' },
      // The Helm chart's default (otel.tracesSamplerRatio).
      'trace-ratio': { type: 'string', default: '0.1' },
      'timeout-s': { type: 'string', default: '300' },
      'max-load': { type: 'string', default: '1.5' },
      'max-load-wait-s': { type: 'string', default: '60' },
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
  const rounds = integer('rounds', values.rounds, 2, 20);
  // Each side must get as many rounds, in pairs of flipped order.
  if (rounds % 2 !== 0) throw new Error(`--rounds must be even\n${USAGE}`);
  const traceRatio = Number(values['trace-ratio']);
  if (!(traceRatio > 0 && traceRatio <= 1)) {
    throw new Error(`--trace-ratio must be above 0 and at most 1\n${USAGE}`);
  }
  return {
    traceRatio,
    requests: integer('requests', values.requests, 1, 1_000_000),
    warmup: integer('warmup', values.warmup, 0, 1_000_000),
    concurrency: integer('concurrency', values.concurrency, 1, 256),
    rounds,
    timeoutMs: integer('timeout-s', values['timeout-s'], 1, 3600) * 1000,
    maxLoad,
    maxLoadWaitMs: integer('max-load-wait-s', values['max-load-wait-s'], 0, 3600) * 1000,
    results: values.results,
    record: !values['no-record'],
  };
}
