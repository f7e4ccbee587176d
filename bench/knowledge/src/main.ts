import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import {
  appendResultsFile,
  assertLoopbackInfrastructure,
  commitOfWorkspace,
  eventually,
  integerOption,
  runBenchmarkMain,
  type RunningKnowledge,
  runAtRate,
  ServiceProcess,
  startPlatform,
  testEnvironment,
  using,
  workspaceRoot,
} from '@itsm/testing';
import { SEARCH_CASES, type SearchCase } from './corpus';
import {
  formatSearchTable,
  type KnowledgeFigures,
  knowledgeResultRows,
  type LatencySummary,
  P95_TARGET_MS,
  summarize,
} from './report';
import {
  JsonClient,
  type SearchAnswer,
  searchEngineDirectly,
  searchThroughGateway,
} from './search-clients';
import { seedArticles } from './seed';

interface Options {
  articles: number;
  chunk: number;
  ratePerSecond: number;
  requests: number;
  warmup: number;
  timeoutMs: number;
  maxLoad: number;
  maxLoadWaitMs: number;
  catchUp: boolean;
  results: string;
  record: boolean;
}

const USAGE = `usage: main.js [--articles 100000] [--chunk 5000] [--rate 20] [--requests 1000] [--warmup 200]
                [--timeout-s 900] [--max-load 1.5] [--max-load-wait-s 180] [--no-catch-up]
                [--results bench/RESULTS.md] [--no-record]`;

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      articles: { type: 'string', default: '100000' },
      chunk: { type: 'string', default: '5000' },
      rate: { type: 'string', default: '20' },
      requests: { type: 'string', default: '1000' },
      warmup: { type: 'string', default: '200' },
      'timeout-s': { type: 'string', default: '900' },
      'max-load': { type: 'string', default: '1.5' },
      'max-load-wait-s': { type: 'string', default: '180' },
      'no-catch-up': { type: 'boolean', default: false },
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
    articles: integer('articles', values.articles, 100, 5_000_000),
    chunk: integer('chunk', values.chunk, 100, 50_000),
    ratePerSecond: integer('rate', values.rate, 1, 2000),
    requests: integer('requests', values.requests, SEARCH_CASES.length, 1_000_000),
    warmup: integer('warmup', values.warmup, 0, 100_000),
    timeoutMs: integer('timeout-s', values['timeout-s'], 1, 7200) * 1000,
    maxLoad,
    maxLoadWaitMs: integer('max-load-wait-s', values['max-load-wait-s'], 0, 3600) * 1000,
    catchUp: !values['no-catch-up'],
    results: values.results,
    record: !values['no-record'],
  };
}

const out = (line: string): void => void process.stdout.write(`${line}\n`);

async function waitForQuietMachine(options: Options): Promise<number> {
  const deadline = Date.now() + options.maxLoadWaitMs;
  let load = loadavg()[0] ?? Number.NaN;
  if (load >= options.maxLoad && options.maxLoadWaitMs > 0) {
    out(`load average ${load.toFixed(2)}; waiting up to ${options.maxLoadWaitMs / 1000} s...`);
  }
  while (load >= options.maxLoad && Date.now() < deadline) {
    await sleep(5_000);
    load = loadavg()[0] ?? Number.NaN;
  }
  if (load >= options.maxLoad) out(`measuring at load average ${load.toFixed(2)} (busy machine)`);
  return load;
}

/** The service's own `main.js reindex`: reads PostgreSQL, bulk-indexes a new index, moves the alias. */
async function reindex(
  knowledge: RunningKnowledge,
): Promise<{ indexed: number; durationMs: number }> {
  const output = await ServiceProcess.run('knowledge', ['reindex'], {
    DATABASE_URL: knowledge.database.url,
    SEARCH_URL: testEnvironment().OPENSEARCH_URL,
    SEARCH_INDEX_ALIAS: knowledge.indexAlias,
    LOG_LEVEL: 'warn',
  });
  const line = output.split('\n').find((candidate) => candidate.includes('"reindex"'));
  if (!line) throw new Error(`reindex printed no report:\n${output}`);
  const { reindex: report } = JSON.parse(line) as {
    reindex: { indexed: number; durationMs: number };
  };
  return report;
}

/** Every search case answers with the same articles through the gateway as from the engine. */
async function checkBaselineAgrees(
  platform: (params: Record<string, string>) => Promise<SearchAnswer>,
  baseline: (params: Record<string, string>) => Promise<SearchAnswer>,
): Promise<void> {
  out('checking the baseline finds what the platform finds:');
  for (const { label, params } of SEARCH_CASES) {
    const [viaGateway, direct] = await Promise.all([platform(params), baseline(params)]);
    if (viaGateway.ids.join() !== direct.ids.join() || viaGateway.total !== direct.total) {
      throw new Error(`${label} ${JSON.stringify(params)}: the baseline query answers differently`);
    }
    if (viaGateway.total === 0) throw new Error(`${label} ${JSON.stringify(params)} finds nothing`);
    out(`  ${label.padEnd(14)} ${JSON.stringify(params).padEnd(58)} ${viaGateway.total} found`);
  }
}

async function measureAtRate(
  options: Options,
  label: string,
  send: (params: Record<string, string>) => Promise<unknown>,
): Promise<LatencySummary> {
  const run = async (count: number, offset: number) => {
    const result = await runAtRate(
      { count, ratePerSecond: options.ratePerSecond, timeoutMs: options.timeoutMs },
      async (index) => {
        const searchCase: SearchCase | undefined =
          SEARCH_CASES[(offset + index) % SEARCH_CASES.length];
        if (searchCase) await send(searchCase.params);
      },
    );
    if (result.failures > 0 || !result.finished) {
      throw new Error(
        `${label}: ${result.failures} of ${count} searches failed${result.finished ? '' : ', time ran out'}; ` +
          `first failure: ${result.firstFailure ?? '-'}`,
      );
    }
    return result;
  };
  if (options.warmup > 0) await run(options.warmup, 0);
  const result = await run(options.requests, options.warmup);
  out(
    `  ${label}: ${options.requests} searches at ${options.ratePerSecond}/s in ` +
      `${(result.elapsedMs / 1000).toFixed(1)} s (${result.lateStarts} started late)`,
  );
  return summarize(result.latenciesMs);
}

/** Queues every article for the projector at once and times until the queue is empty. */
async function catchUp(databaseUrl: string, options: Options): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = performance.now();
    await client.query(
      `INSERT INTO article_index_queue (article_id) SELECT id FROM articles ON CONFLICT DO NOTHING`,
    );
    await eventually(
      'the index queue to drain',
      async () => {
        const { rows } = await client.query<{ pending: number }>(
          'SELECT count(*)::int AS pending FROM article_index_queue',
        );
        return rows[0]?.pending === 0 ? true : undefined;
      },
      { timeoutMs: options.timeoutMs, intervalMs: 250 },
    );
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

interface RunFigures extends KnowledgeFigures {
  reindexWallMs: number;
  seedMs: number;
  loadAtMeasurement: number;
}

async function runBenchmark(options: Options): Promise<RunFigures> {
  out('starting gateway, tickets and knowledge on fresh databases and a fresh index...');
  return using(
    startPlatform({ knowledge: true }),
    (platform) => platform.stop(),
    async (platform) => {
      const knowledge = platform.knowledge;
      if (!knowledge) throw new Error('the platform started without the knowledge service');
      out(`seeding ${options.articles.toLocaleString('en')} published articles with SQL...`);
      const client = new Client({ connectionString: knowledge.database.url });
      await client.connect();
      const seeded = await seedArticles(
        client,
        {
          total: options.articles,
          chunkSize: options.chunk,
          changedAt: new Date(Date.now() - 24 * 3_600_000),
        },
        out,
      ).finally(() => client.end());
      out(`seeded in ${(seeded.insertMs / 1000).toFixed(1)} s (${seeded.publicArticles} public)`);

      await waitForQuietMachine(options);
      out('bulk-indexing with `main.js reindex`...');
      const wallStarted = performance.now();
      const report = await reindex(knowledge);
      const reindexWallMs = performance.now() - wallStarted;
      if (report.indexed !== options.articles) {
        throw new Error(`reindex indexed ${report.indexed} of ${options.articles} articles`);
      }
      out(
        `indexed ${report.indexed.toLocaleString('en')} articles in ${(report.durationMs / 1000).toFixed(1)} s ` +
          `(${Math.round(report.indexed / (report.durationMs / 1000))} articles/s; process ${(reindexWallMs / 1000).toFixed(1)} s)`,
      );

      const engineUrl = testEnvironment().OPENSEARCH_URL;
      const sockets = Math.max(8, Math.ceil(options.ratePerSecond / 5));
      const gateway = new JsonClient(platform.gatewayUrl, sockets);
      const engine = new JsonClient(engineUrl, sockets);
      try {
        const viaGateway = (params: Record<string, string>) =>
          searchThroughGateway(gateway, params);
        const direct = (params: Record<string, string>) =>
          searchEngineDirectly(engine, knowledge.indexAlias, params);
        await checkBaselineAgrees(viaGateway, direct);
        const loadAtMeasurement = await waitForQuietMachine(options);
        out(`measuring search at ${options.ratePerSecond} requests/s...`);
        const platformSummary = await measureAtRate(options, 'platform', viaGateway);
        const baselineSummary = await measureAtRate(options, 'baseline', direct);

        let catchUpMs: number | undefined;
        if (options.catchUp) {
          out(
            `queueing all ${options.articles.toLocaleString('en')} articles for the index projector...`,
          );
          catchUpMs = await catchUp(knowledge.database.url, options);
          out(`the projector applied them in ${(catchUpMs / 1000).toFixed(1)} s`);
        }
        return {
          articles: report.indexed,
          bulkIndexMs: report.durationMs,
          catchUpMs,
          ratePerSecond: options.ratePerSecond,
          platform: platformSummary,
          baseline: baselineSummary,
          reindexWallMs,
          seedMs: seeded.insertMs,
          loadAtMeasurement,
        };
      } finally {
        gateway.close();
        engine.close();
      }
    },
  );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  assertLoopbackInfrastructure();
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  out(
    `knowledge: ${options.articles.toLocaleString('en')} articles; ${options.requests} searches per side ` +
      `at ${options.ratePerSecond}/s after ${options.warmup} warm-up; load average ${loadAtStart.toFixed(2)}`,
  );
  const figures = await runBenchmark(options);
  out(`\n${formatSearchTable(figures)}`);
  out(
    `p95 target < ${P95_TARGET_MS} ms: ${figures.platform.p95Ms < P95_TARGET_MS ? 'met' : 'NOT met'}`,
  );

  if (!options.record) return;
  const date = new Date().toISOString().slice(0, 10);
  const commit = commitOfWorkspace();
  const machine =
    `${availableParallelism()} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ` +
    `load average ${loadAtStart.toFixed(2)} at start, ${figures.loadAtMeasurement.toFixed(2)} when measuring`;
  appendResultsFile(
    options.results,
    knowledgeResultRows(figures, { date, commit }),
    `${date} knowledge ${commit}: ${machine}; ${options.articles} published articles (70% ru, 80% public) ` +
      `seeded by SQL in ${(figures.seedMs / 1000).toFixed(1)} s; bulk-index = \`main.js reindex\` (PostgreSQL ` +
      `read + _bulk into a new index + alias swap; process ${(figures.reindexWallMs / 1000).toFixed(1)} s)` +
      (figures.catchUpMs === undefined
        ? ''
        : `; index-catch-up = all articles queued at once, drained by the running service's projector`) +
      `\nSearch: ${options.requests} requester searches per side at a fixed ${options.ratePerSecond}/s (open loop, ` +
      `latency from the scheduled start) after ${options.warmup} warm-up, ${SEARCH_CASES.length} queries in turn ` +
      `(typos, word forms, filters, paging); platform = gateway → gRPC → knowledge → engine, baseline = the same ` +
      `query body POSTed to the engine's _search.`,
  );
  out(`results appended to ${options.results}`);
}

runBenchmarkMain('knowledge', main);
