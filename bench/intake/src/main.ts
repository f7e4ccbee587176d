import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  appendResultsFile,
  aTicketRequestBody,
  type LoadResult,
  runLoad,
  startPlatform,
  workspaceRoot,
  assertLoopbackInfrastructure,
  integerOption,
  commitOfWorkspace,
  runBenchmarkMain,
  using,
} from '@itsm/testing';
import { BaselineTicketWriter, createTicketsDatabase } from './baseline';
import { GatewayClient } from './gateway-client';
import { waitForEmptyOutbox } from './outbox-drain';
import { formatIntakeTable, intakeResultRows, type IntakeFigures } from './report';
import { type LatencySummary, summarize } from './stats';

/** The tickets service's pool (DATABASE_POOL_SIZE default), so the baseline gets the same. */
const SERVICE_POOL_SIZE = 20;

interface Options {
  concurrency: number;
  requests: number;
  warmup: number;
  /** Per load phase; no request starts after it. */
  timeoutMs: number;
  results: string;
  record: boolean;
}

const USAGE = `usage: main.js [--concurrency 16] [--requests 3000] [--warmup 200]
                [--timeout-s 300] [--results bench/RESULTS.md] [--no-record]`;

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      concurrency: { type: 'string', default: '16' },
      requests: { type: 'string', default: '3000' },
      warmup: { type: 'string', default: '200' },
      'timeout-s': { type: 'string', default: '300' },
      results: { type: 'string', default: join(workspaceRoot, 'bench/RESULTS.md') },
      'no-record': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const integer = (name: string, text: string, min: number, max: number): number =>
    integerOption(name, text, min, max, USAGE);
  return {
    concurrency: integer('concurrency', values.concurrency, 1, 256),
    requests: integer('requests', values.requests, 1, 100_000),
    warmup: integer('warmup', values.warmup, 0, 10_000),
    timeoutMs: integer('timeout-s', values['timeout-s'], 1, 3600) * 1000,
    results: values.results,
    record: !values['no-record'],
  };
}

/** A warm-up (discarded) and the measured run; any failed operation fails the benchmark. */
async function measure(
  label: string,
  options: Options,
  operation: () => Promise<void>,
): Promise<LatencySummary> {
  const phase = async (name: string, count: number): Promise<LoadResult> => {
    const result = await runLoad(
      { count, concurrency: options.concurrency, timeoutMs: options.timeoutMs },
      operation,
    );
    if (result.failures > 0 || !result.finished) {
      throw new Error(
        `${label} ${name}: ${result.latenciesMs.filter(Number.isFinite).length}/${count} succeeded, ${result.failures} failed` +
          `${result.finished ? '' : ', time ran out'}; first failure: ${result.firstFailure ?? '-'}`,
      );
    }
    return result;
  };
  if (options.warmup > 0) await phase('warm-up', options.warmup);
  const result = await phase('run', options.requests);
  const summary = summarize(result.latenciesMs, result.elapsedMs);
  process.stdout.write(
    `${label}: ${options.requests} tickets in ${result.elapsedMs.toFixed(0)} ms\n`,
  );
  return summary;
}

async function measurePlatform(
  options: Options,
): Promise<Pick<IntakeFigures, 'platform' | 'outboxDrainMs' | 'outboxBacklog'>> {
  process.stdout.write('starting gateway and tickets on a fresh database...\n');
  return using(
    startPlatform(),
    (platform) => platform.stop(),
    async (platform) => {
      const client = new GatewayClient(platform.gatewayUrl, options.concurrency);
      try {
        const summary = await measure('platform', options, async () => {
          const response = await client.postJson('/api/v1/tickets', aTicketRequestBody());
          if (response.status !== 201) {
            throw new Error(`status ${response.status}: ${response.body.slice(0, 300)}`);
          }
        });
        const drain = await waitForEmptyOutbox(platform.ticketsDatabase.url, {
          timeoutMs: 120_000,
        });
        const [row] = await platform.ticketsDatabase.query<{ tickets: string }>(
          'SELECT count(*) AS tickets FROM tickets',
        );
        const expected = options.warmup + options.requests;
        if (Number(row?.tickets) !== expected) {
          throw new Error(`expected ${expected} tickets in the database, found ${row?.tickets}`);
        }
        return { platform: summary, outboxDrainMs: drain.drainMs, outboxBacklog: drain.backlog };
      } finally {
        client.close();
      }
    },
  );
}

async function measureBaseline(
  options: Options,
): Promise<{ baseline: LatencySummary; postgres: string }> {
  process.stdout.write('baseline: plain pg on a fresh migrated database...\n');
  return using(
    createTicketsDatabase('itsm_bench_baseline'),
    (database) => database.drop(),
    (database) =>
      using(
        Promise.resolve(new BaselineTicketWriter(database.url, SERVICE_POOL_SIZE)),
        (writer) => writer.close(),
        async (writer) => {
          const baseline = await measure('baseline', options, () => writer.createTicket());
          const [row] = await database.query<{ server_version: string }>('SHOW server_version');
          return { baseline, postgres: row?.server_version ?? 'unknown' };
        },
      ),
  );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  assertLoopbackInfrastructure();
  // Other work on the machine skews both sides; the note records how busy it was.
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  process.stdout.write(
    `intake: ${options.requests} tickets at concurrency ${options.concurrency} ` +
      `after ${options.warmup} warm-up, platform then baseline\n`,
  );
  const platform = await measurePlatform(options);
  const { baseline, postgres } = await measureBaseline(options);
  const figures: IntakeFigures = { ...platform, baseline };
  process.stdout.write(`\n${formatIntakeTable(figures)}\n`);

  if (!options.record) return;
  const date = new Date().toISOString().slice(0, 10);
  const commit = commitOfWorkspace();
  const machine =
    `${availableParallelism()} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
    `Node ${process.version}, PostgreSQL ${postgres}, load average ${loadAtStart.toFixed(2)} at start`;
  appendResultsFile(
    options.results,
    intakeResultRows(figures, { date, commit }),
    `${date} intake ${commit}: ${machine}; concurrency ${options.concurrency}, ` +
      `${options.requests} tickets after ${options.warmup} warm-up, pool ${SERVICE_POOL_SIZE}`,
  );
  process.stdout.write(`results appended to ${options.results}\n`);
}

runBenchmarkMain('intake', main);
