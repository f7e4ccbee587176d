import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import {
  appendResultsFile,
  formatFigure,
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
import { Client } from 'pg';
import { BaselineLister, planSummary } from './baseline';
import { GatewayClient } from './gateway-client';
import {
  formatLevelTable,
  formatVariants,
  kindsOverTarget,
  type LevelFigures,
  P95_TARGET_MS,
  type Sample,
  sideFigures,
  ticketListResultRows,
} from './report';
import { seedTickets } from './seed';
import { type ListQuery, PAGE_SIZE, QUERY_KINDS, QUERY_SET, restPath, schedule } from './workload';

/** The tickets service's pool (DATABASE_POOL_SIZE default), so the baseline gets the same. */
const SERVICE_POOL_SIZE = 20;

interface Options {
  tickets: number;
  chunk: number;
  /** Measured requests per side and concurrency level. */
  requests: number;
  warmup: number;
  /** Levels to measure; the first one is recorded. */
  concurrency: number[];
  timeoutMs: number;
  /** Wait (bounded) for the 1-minute load average to drop below this before measuring. */
  maxLoad: number;
  maxLoadWaitMs: number;
  explain: boolean;
  results: string;
  record: boolean;
}

const USAGE = `usage: main.js [--tickets 1000000] [--chunk 200000] [--requests 800] [--warmup 80]
                [--concurrency 1,4] [--timeout-s 300] [--max-load 1.5] [--max-load-wait-s 180]
                [--no-explain] [--results bench/RESULTS.md] [--no-record]`;

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      tickets: { type: 'string', default: '1000000' },
      chunk: { type: 'string', default: '200000' },
      requests: { type: 'string', default: '800' },
      warmup: { type: 'string', default: '80' },
      concurrency: { type: 'string', default: '1,4' },
      'timeout-s': { type: 'string', default: '300' },
      'max-load': { type: 'string', default: '1.5' },
      'max-load-wait-s': { type: 'string', default: '180' },
      'no-explain': { type: 'boolean', default: false },
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
  const maxLoad = Number(values['max-load']);
  if (!(maxLoad > 0)) throw new Error(`--max-load must be positive\n${USAGE}`);
  return {
    tickets: integer('tickets', values.tickets, 1000, 20_000_000),
    chunk: integer('chunk', values.chunk, 1000, 1_000_000),
    requests: integer('requests', values.requests, QUERY_KINDS.length, 100_000),
    warmup: integer('warmup', values.warmup, 0, 10_000),
    concurrency: values.concurrency
      .split(',')
      .map((level) => integer('concurrency', level.trim(), 1, 64)),
    timeoutMs: integer('timeout-s', values['timeout-s'], 1, 3600) * 1000,
    maxLoad,
    maxLoadWaitMs: integer('max-load-wait-s', values['max-load-wait-s'], 0, 3600) * 1000,
    explain: !values['no-explain'],
    results: values.results,
    record: !values['no-record'],
  };
}

const out = (line: string): void => void process.stdout.write(`${line}\n`);

async function waitForQuietMachine(options: Options): Promise<number> {
  const deadline = Date.now() + options.maxLoadWaitMs;
  let load = loadavg()[0] ?? Number.NaN;
  if (load >= options.maxLoad && options.maxLoadWaitMs > 0) {
    out(
      `load average ${load.toFixed(2)}; waiting up to ${options.maxLoadWaitMs / 1000} s for < ${options.maxLoad}...`,
    );
  }
  while (load >= options.maxLoad && Date.now() < deadline) {
    await sleep(5_000);
    load = loadavg()[0] ?? Number.NaN;
  }
  if (load >= options.maxLoad) out(`measuring at load average ${load.toFixed(2)} (busy machine)`);
  return load;
}

interface Sides {
  platform: (query: ListQuery) => Promise<unknown>;
  baseline: (query: ListQuery) => Promise<unknown>;
}

async function measureLevel(
  options: Options,
  concurrency: number,
  queries: readonly ListQuery[],
  sides: Sides,
): Promise<LevelFigures> {
  const run = async (
    label: string,
    plan: readonly ListQuery[],
    send: (query: ListQuery) => Promise<unknown>,
  ): Promise<LoadResult> => {
    const result = await runLoad(
      { count: plan.length, concurrency, timeoutMs: options.timeoutMs },
      async (index) => {
        const query = plan[index];
        if (query) await send(query);
      },
    );
    if (result.failures > 0 || !result.finished) {
      throw new Error(
        `${label}: ${result.failures} of ${plan.length} requests failed` +
          `${result.finished ? '' : ', time ran out'}; first failure: ${result.firstFailure ?? '-'}`,
      );
    }
    return result;
  };
  const warmup = schedule(queries, options.warmup);
  const plan = schedule(queries, options.requests);
  const samplesOf = (result: LoadResult): Sample[] =>
    plan.map((query, index) => ({
      kind: query.kind,
      label: query.label,
      latencyMs: result.latenciesMs[index] ?? Number.NaN,
    }));
  const side = async (name: keyof Sides): Promise<Sample[]> => {
    if (warmup.length > 0) await run(`${name} warm-up`, warmup, sides[name]);
    const result = await run(name, plan, sides[name]);
    out(
      `  ${name}: ${plan.length} requests at concurrency ${concurrency} in ` +
        `${(result.elapsedMs / 1000).toFixed(1)} s`,
    );
    return samplesOf(result);
  };
  const platform = await side('platform');
  const baseline = await side('baseline');
  return { concurrency, platform: sideFigures(platform), baseline: sideFigures(baseline) };
}

/**
 * Fills in the cursors of the `next-page` queries (page 1 through the gateway), then checks
 * that the baseline's SQL returns exactly the platform's page for every query.
 */
async function prepareQueries(
  gateway: GatewayClient,
  baseline: BaselineLister,
): Promise<ListQuery[]> {
  const queries: ListQuery[] = [];
  for (const query of QUERY_SET) {
    if (query.kind !== 'next-page') {
      queries.push(query);
      continue;
    }
    const first = await gateway.listTickets(restPath(query));
    if (!first.nextCursor) throw new Error(`${query.label}: page 1 has no next page`);
    queries.push({ ...query, cursor: first.nextCursor });
  }
  out("checking the baseline returns the platform's pages:");
  for (const query of queries) {
    const page = await gateway.listTickets(restPath(query));
    const rows = await baseline.list(query);
    const platformIds = page.items.map((item) => item.id);
    const same =
      platformIds.join() === rows.slice(0, PAGE_SIZE).join() &&
      (page.nextCursor !== null) === rows.length > PAGE_SIZE;
    if (!same) {
      throw new Error(
        `${query.kind} ${query.label}: the baseline SQL returned another page than the platform`,
      );
    }
    out(
      `  ${`${query.kind}: ${query.label}`.padEnd(40)} ${String(platformIds.length).padStart(3)} rows` +
        `${page.nextCursor ? ', more' : ''}`,
    );
  }
  return queries;
}

/** EXPLAIN (ANALYZE, BUFFERS) of each kind's slowest variant (by platform p95), to stdout. */
async function explainKinds(
  baseline: BaselineLister,
  queries: readonly ListQuery[],
  measured: LevelFigures,
): Promise<void> {
  out('\nEXPLAIN (ANALYZE, BUFFERS) of the slowest variant of each kind:');
  const p95Of = (query: ListQuery): number =>
    measured.platform.byVariant.get(`${query.kind}: ${query.label}`)?.p95Ms ?? 0;
  const summaries: string[] = [];
  for (const kind of QUERY_KINDS) {
    const query = queries
      .filter((candidate) => candidate.kind === kind)
      .sort((a, b) => p95Of(b) - p95Of(a))[0];
    if (!query) continue;
    const plan = await baseline.explain(query);
    const { indexes, executionMs } = planSummary(plan);
    out(`\n--- ${kind}: ${query.label}\n${plan}`);
    summaries.push(
      `  ${`${kind}: ${query.label}`.padEnd(40)} ${formatFigure(executionMs, 2).padStart(9)} ms  ` +
        `${indexes.join(', ') || 'no index (sequential scan)'}`,
    );
  }
  out(`\nplans in short (execution time, indexes read):\n${summaries.join('\n')}`);
}

interface RunFigures {
  levels: LevelFigures[];
  seedSeconds: number;
  seedNote: string;
  postgres: string;
  loadAtMeasurement: number;
}

/** Seeds the platform's database and says how long it took and how big the table is. */
async function seed(
  databaseUrl: string,
  options: Options,
): Promise<{ seedSeconds: number; seedNote: string }> {
  out(
    `seeding ${options.tickets.toLocaleString('en')} tickets with SQL (no history or outbox rows)...`,
  );
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await seedTickets(
      client,
      { total: options.tickets, chunkSize: options.chunk, now: new Date() },
      out,
    );
    const distribution = await client.query<{ status: string; tickets: string }>(
      'SELECT status, count(*) AS tickets FROM tickets GROUP BY status ORDER BY count(*) DESC',
    );
    out(
      `  by status: ${distribution.rows.map((row) => `${row.status} ${row.tickets}`).join(', ')}`,
    );
    const sizes = await client.query<{ heap: string; total: string }>(
      `SELECT pg_size_pretty(pg_relation_size('tickets')) AS heap,
              pg_size_pretty(pg_total_relation_size('tickets')) AS total`,
    );
    const heap = sizes.rows[0]?.heap ?? '?';
    const total = sizes.rows[0]?.total ?? '?';
    const seedSeconds = (result.insertMs + result.settleMs) / 1000;
    const inserts = (result.insertMs / 1000).toFixed(1);
    const settle = (result.settleMs / 1000).toFixed(1);
    out(
      `seeded in ${seedSeconds.toFixed(1)} s (inserts ${inserts} s, VACUUM ANALYZE + CHECKPOINT ` +
        `${settle} s); table ${heap}, ${total} with indexes`,
    );
    return {
      seedSeconds,
      seedNote: `inserts ${inserts} s + VACUUM ANALYZE/CHECKPOINT ${settle} s; ${total} with indexes`,
    };
  } finally {
    await client.end();
  }
}

async function runBenchmark(options: Options): Promise<RunFigures> {
  out('starting gateway and tickets on a fresh database...');
  return using(
    startPlatform(),
    (platform) => platform.stop(),
    async (platform) => {
      const { seedSeconds, seedNote } = await seed(platform.ticketsDatabase.url, options);

      const maxConcurrency = Math.max(...options.concurrency);
      const gateway = new GatewayClient(platform.gatewayUrl, maxConcurrency);
      const baseline = new BaselineLister(
        platform.ticketsDatabase.url,
        SERVICE_POOL_SIZE,
        options.timeoutMs,
      );
      try {
        const queries = await prepareQueries(gateway, baseline);
        const loadAtMeasurement = await waitForQuietMachine(options);
        const levels: LevelFigures[] = [];
        for (const concurrency of options.concurrency) {
          out(
            `\nmeasuring at concurrency ${concurrency} (load average ${(loadavg()[0] ?? 0).toFixed(2)})...`,
          );
          levels.push(
            await measureLevel(options, concurrency, queries, {
              platform: (query) => gateway.listTickets(restPath(query)),
              baseline: (query) => baseline.list(query),
            }),
          );
        }
        if (options.explain && levels[0]) await explainKinds(baseline, queries, levels[0]);
        return {
          levels,
          seedSeconds,
          seedNote,
          postgres: await baseline.serverVersion(),
          loadAtMeasurement,
        };
      } finally {
        gateway.close();
        await baseline.close();
      }
    },
  );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  assertLoopbackInfrastructure();
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  out(
    `ticket-list: ${options.tickets.toLocaleString('en')} tickets; ${options.requests} list requests ` +
      `per side after ${options.warmup} warm-up at concurrency ${options.concurrency.join(' and ')}; ` +
      `load average ${loadAtStart.toFixed(2)}`,
  );
  const figures = await runBenchmark(options);
  const [recorded, ...others] = figures.levels;
  if (!recorded) throw new Error('no concurrency level was measured');

  out('');
  for (const level of figures.levels) out(`${formatLevelTable(level)}\n`);
  out(
    `per variant at concurrency ${recorded.concurrency}, slowest first:\n${formatVariants(recorded)}\n`,
  );
  const over = kindsOverTarget(recorded.platform);
  const p95 = recorded.platform.overall.p95Ms;
  out(
    `p95 target < ${P95_TARGET_MS} ms over ${options.tickets.toLocaleString('en')} tickets ` +
      `(concurrency ${recorded.concurrency}): ${p95 < P95_TARGET_MS ? 'met' : 'NOT met'} ` +
      `(${formatFigure(p95, 2)} ms)` +
      (over.length > 0
        ? `; kinds over it: ${over.map(([kind, value]) => `${kind} ${formatFigure(value, 1)} ms`).join(', ')}`
        : '; every kind below it'),
  );

  if (!options.record) return;
  const date = new Date().toISOString().slice(0, 10);
  const commit = commitOfWorkspace();
  const machine =
    `${availableParallelism()} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
    `Node ${process.version}, PostgreSQL ${figures.postgres}, load average ` +
    `${loadAtStart.toFixed(2)} at start, ${figures.loadAtMeasurement.toFixed(2)} when measuring`;
  const slowest = [...recorded.platform.byKind]
    .sort(([, a], [, b]) => b.p95Ms - a.p95Ms)
    .slice(0, 3)
    .map(([kind, summary]) => `${kind} ${formatFigure(summary.p95Ms, 1)}`)
    .join(', ');
  const otherLevels = others
    .map(
      (level) =>
        `Concurrency ${level.concurrency}: p50/p95/p99 ${formatFigure(level.platform.overall.p50Ms, 1)}/` +
        `${formatFigure(level.platform.overall.p95Ms, 1)}/${formatFigure(level.platform.overall.p99Ms, 1)} ms ` +
        `(baseline ${formatFigure(level.baseline.overall.p50Ms, 1)}/${formatFigure(level.baseline.overall.p95Ms, 1)}/` +
        `${formatFigure(level.baseline.overall.p99Ms, 1)})`,
    )
    .join('; ');
  appendResultsFile(
    options.results,
    ticketListResultRows(recorded, figures.seedSeconds, { date, commit }),
    `${date} ticket-list ${commit}: ${machine}; ${options.tickets} tickets seeded by SQL ` +
      `(${figures.seedNote}); ${options.requests} requests per side after ${options.warmup} ` +
      `warm-up, ${QUERY_SET.length} queries of ${QUERY_KINDS.length} kinds in turn, page ${PAGE_SIZE}, ` +
      `rows at concurrency ${recorded.concurrency}, pool ${SERVICE_POOL_SIZE}\n` +
      `Slowest kinds by platform p95 (ms): ${slowest}.` +
      (otherLevels ? ` ${otherLevels}.` : ''),
  );
  out(`results appended to ${options.results}`);
}

runBenchmarkMain('ticket-list', main);
