import { parseArgs } from 'node:util';
import { integerOption } from '@itsm/testing';

export interface GatewayBenchOptions {
  /** Tickets opened through the gateway before measuring; the reads pick among them. */
  tickets: number;
  /** Measured requests per side and concurrency level. */
  requests: number;
  /** Requests per side and level before measuring, discarded. */
  warmup: number;
  /** Levels to measure (requests in flight); the first one is recorded. */
  concurrency: number[];
  /** The measured requests of a level are split into this many rounds, the sides taking turns. */
  rounds: number;
  /** Also measure the gateway with an API key (X-API-Key) besides the bearer token. */
  apiKey: boolean;
  timeoutMs: number;
  /** Wait (bounded) for the 1-minute load average to drop below this before measuring. */
  maxLoad: number;
  maxLoadWaitMs: number;
  results: string;
  record: boolean;
  /** Where the services write V8 CPU profiles (`--cpu-prof`); such a run is never recorded. */
  cpuProfileDir: string | undefined;
}

export const USAGE = `usage: main.js [--tickets 200] [--requests 4000] [--warmup 400] [--concurrency 8,1]
                [--rounds 4] [--no-api-key] [--timeout-s 300] [--max-load 1.5]
                [--max-load-wait-s 180] [--results bench/RESULTS.md] [--no-record]
                [--cpu-prof-dir DIR]`;

/** The options of a run, or `help` when only the usage was asked for; throws on a bad value. */
export function parseOptions(argv: string[], defaultResults: string): GatewayBenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      tickets: { type: 'string', default: '200' },
      requests: { type: 'string', default: '4000' },
      warmup: { type: 'string', default: '400' },
      concurrency: { type: 'string', default: '8,1' },
      rounds: { type: 'string', default: '4' },
      'no-api-key': { type: 'boolean', default: false },
      'timeout-s': { type: 'string', default: '300' },
      'max-load': { type: 'string', default: '1.5' },
      'max-load-wait-s': { type: 'string', default: '180' },
      results: { type: 'string', default: defaultResults },
      'no-record': { type: 'boolean', default: false },
      'cpu-prof-dir': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const integer = (name: string, text: string, min: number, max: number): number =>
    integerOption(name, text, min, max, USAGE);
  const maxLoad = Number(values['max-load']);
  if (!(maxLoad > 0)) throw new Error(`--max-load must be positive\n${USAGE}`);
  const concurrency = values.concurrency
    .split(',')
    .map((level) => integer('concurrency', level.trim(), 1, 256));
  if (new Set(concurrency).size !== concurrency.length)
    throw new Error(`--concurrency lists a level twice: ${values.concurrency}\n${USAGE}`);
  const requests = integer('requests', values.requests, 1, 1_000_000);
  const rounds = integer('rounds', values.rounds, 1, 100);
  if (rounds > requests) throw new Error(`--rounds must not exceed --requests\n${USAGE}`);
  return {
    tickets: integer('tickets', values.tickets, 1, 100_000),
    requests,
    warmup: integer('warmup', values.warmup, 0, 1_000_000),
    concurrency,
    rounds,
    apiKey: !values['no-api-key'],
    timeoutMs: integer('timeout-s', values['timeout-s'], 1, 3600) * 1000,
    maxLoad,
    maxLoadWaitMs: integer('max-load-wait-s', values['max-load-wait-s'], 0, 3600) * 1000,
    results: values.results,
    // A profiled service is slower: its figures are for finding where the time goes, not for RESULTS.md.
    record: !values['no-record'] && values['cpu-prof-dir'] === undefined,
    cpuProfileDir: values['cpu-prof-dir'],
  };
}
