import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import {
  appendResultsFile,
  assertLoopbackInfrastructure,
  commitOfWorkspace,
  createTestDatabase,
  formatFigure,
  freePort,
  integerOption,
  runBenchmarkMain,
  runLoad,
  ServiceProcess,
  testEnvironment,
  testKafka,
  using,
  workspaceRoot,
} from '@itsm/testing';
import { impactClient } from './impact-client';
import {
  type Answer,
  cmdbResultRows,
  describeLayers,
  describeRelationshipTypes,
  formatSummary,
  latencyFigures,
  P95_TARGET_MS,
  reachFigures,
  runNote,
} from './report';
import { buildSeedPlan, ciId, itemNumber, layerCount, prng, seedGraph } from './seed';

interface Options {
  items: number;
  relationships: number;
  requests: number;
  warmup: number;
  depth: number;
  limit: number;
  chunk: number;
  timeoutMs: number;
  maxLoad: number;
  maxLoadWaitMs: number;
  results: string;
  record: boolean;
}

const USAGE = `usage: main.js [--items 1000000] [--relationships 3×items] [--requests 500] [--warmup 50]
                [--depth 5] [--limit 1000] [--chunk 250000] [--timeout-s 300]
                [--max-load 1.5] [--max-load-wait-s 30] [--results bench/RESULTS.md] [--no-record]`;

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      items: { type: 'string', default: '1000000' },
      relationships: { type: 'string' },
      requests: { type: 'string', default: '500' },
      warmup: { type: 'string', default: '50' },
      depth: { type: 'string', default: '5' },
      limit: { type: 'string', default: '1000' },
      chunk: { type: 'string', default: '250000' },
      'timeout-s': { type: 'string', default: '300' },
      'max-load': { type: 'string', default: '1.5' },
      'max-load-wait-s': { type: 'string', default: '30' },
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
  const items = integer('items', values.items, 10_000, 5_000_000);
  const maxLoad = Number(values['max-load']);
  if (!(maxLoad > 0)) throw new Error(`--max-load must be positive\n${USAGE}`);
  return {
    items,
    relationships: integer(
      'relationships',
      values.relationships ?? String(items * 3),
      items,
      items * 5,
    ),
    requests: integer('requests', values.requests, 10, 100_000),
    warmup: integer('warmup', values.warmup, 0, 10_000),
    depth: integer('depth', values.depth, 1, 10),
    limit: integer('limit', values.limit, 1, 10_000),
    chunk: integer('chunk', values.chunk, 1_000, 2_000_000),
    timeoutMs: integer('timeout-s', values['timeout-s'], 10, 3_600) * 1000,
    maxLoad,
    maxLoadWaitMs: integer('max-load-wait-s', values['max-load-wait-s'], 0, 3_600) * 1000,
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

async function createTopic(topic: string): Promise<string> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3 }] });
  } finally {
    await admin.disconnect();
  }
  return topic;
}

async function deleteTopicAndGroup(topic: string, group: string): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.deleteGroups([group]).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}

/** Runs `count` calls one after another; any failure fails the run. */
async function closedLoop(
  what: string,
  count: number,
  timeoutMs: number,
  call: (index: number) => Promise<void>,
): Promise<number[]> {
  const result = await runLoad({ count, concurrency: 1, timeoutMs }, call);
  if (result.failures > 0 || !result.finished) {
    throw new Error(
      `${what}: ${result.failures} of ${count} failed` +
        (result.finished ? '' : ', not finished in time') +
        (result.firstFailure ? ` (first: ${result.firstFailure})` : ''),
    );
  }
  return result.latenciesMs;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  assertLoopbackInfrastructure();
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  const plan = buildSeedPlan(options.items, options.relationships);
  out(
    `cmdb: AnalyzeImpact upstream of random servers, depth ${options.depth}, limit ` +
      `${options.limit}, ${options.requests} calls after ${options.warmup} warm-up, 1 in flight; ` +
      `load average ${loadAtStart.toFixed(2)}`,
  );
  out(`items: ${describeLayers(plan)}`);
  out(`relationships: ${describeRelationshipTypes(plan)}`);

  // Servers to analyse: the service's then the baseline's, drawn from one seeded sequence.
  const random = prng(20_261_127);
  const servers = layerCount(plan, 'server');
  const drawServers = (count: number): string[] =>
    Array.from({ length: count }, () =>
      ciId(plan, itemNumber(plan, 'server', Math.floor(random() * servers))),
    );
  const serviceHosts = drawServers(options.warmup + options.requests);
  const baselineHosts = drawServers(options.warmup + options.requests);

  const run = randomBytes(4).toString('hex');
  const consumerGroup = `itsm-cmdb-bench-${run}`;
  const topic = `itsm.tickets.v1.bench-cmdb-${run}`;
  const figures = await using(
    createTestDatabase('itsm_cmdb'),
    (database) => database.drop(),
    (database) =>
      using(
        createTopic(topic),
        (created) => deleteTopicAndGroup(created, consumerGroup),
        async () => {
          const [httpPort, grpcPort] = await Promise.all([freePort(), freePort()]);
          const env = {
            DATABASE_URL: database.url,
            KAFKA_BROKERS: testEnvironment().KAFKA_BROKERS,
            GRPC_HOST: '127.0.0.1',
            GRPC_PORT: String(grpcPort),
            CMDB_CONSUMER_GROUP: consumerGroup,
            CMDB_TICKET_EVENTS_TOPIC: topic,
          };
          out(`migrating ${database.name}...`);
          await ServiceProcess.run('cmdb', ['migrate'], env);

          const client = new Client({ connectionString: database.url });
          // A dropped connection fails the query in flight; without a listener it would end the
          // process before the cleanup.
          client.on('error', (error) => out(`PostgreSQL connection lost: ${error.message}`));
          await client.connect();
          try {
            out(`seeding ${plan.items} items and ${plan.relationships} relationships...`);
            const seed = await seedGraph(client, plan, options.chunk, out);
            const [facts] = (
              await client.query<{ version: string; size: string }>(
                `SELECT current_setting('server_version') AS version,
                        pg_size_pretty(pg_total_relation_size('configuration_items')
                          + pg_total_relation_size('ci_relationships')) AS size`,
              )
            ).rows;
            const seedFigures = {
              itemsS: seed.itemsMs / 1000,
              relationshipsS: seed.relationshipsMs / 1000,
              settleS: seed.settleMs / 1000,
              size: facts?.size ?? '?',
              foreignKeysChecked: seed.foreignKeysChecked,
            };
            out(
              `seeded in ${(seedFigures.itemsS + seedFigures.relationshipsS + seedFigures.settleS).toFixed(1)} s ` +
                `(items ${seedFigures.itemsS.toFixed(1)} s, relationships ` +
                `${seedFigures.relationshipsS.toFixed(1)} s, VACUUM ANALYZE/CHECKPOINT ` +
                `${seedFigures.settleS.toFixed(1)} s; ${seedFigures.size}); starting the cmdb service...`,
            );

            return await using(
              ServiceProcess.start({ service: 'cmdb', httpPort, env }),
              async (service) => void (await service.stop()),
              async () => {
                const cmdb = impactClient(`127.0.0.1:${grpcPort}`);
                try {
                  const answers: Answer[] = [];
                  const analyse = async (id: string, record: boolean): Promise<void> => {
                    const response = await cmdb.analyzeImpact({
                      itemIds: [id],
                      direction: 'IMPACT_DIRECTION_UPSTREAM',
                      maxDepth: options.depth,
                      limit: options.limit,
                    });
                    if (
                      response.maxDepth !== options.depth ||
                      response.items.length > options.limit
                    ) {
                      throw new Error(
                        `unexpected answer for ${id}: depth ${response.maxDepth}, ${response.items.length} items`,
                      );
                    }
                    if (record) {
                      answers.push({
                        items: response.items.length,
                        businessServices: response.businessServices.length,
                        truncated: response.truncated,
                      });
                    }
                  };
                  let baselineRows = 0;
                  const hop = async (id: string, record: boolean): Promise<void> => {
                    const result = await client.query(
                      'SELECT source_id FROM ci_relationships WHERE target_id = $1',
                      [id],
                    );
                    if (record) baselineRows += result.rowCount ?? 0;
                  };

                  const loadWhenMeasuring = await waitForQuietMachine(options);
                  const { warmup, requests, timeoutMs } = options;
                  out(`service: ${warmup} warm-up then ${requests} AnalyzeImpact calls...`);
                  await closedLoop('AnalyzeImpact warm-up', warmup, timeoutMs, (index) =>
                    analyse(serviceHosts[index] ?? '', false),
                  );
                  const impactLatencies = await closedLoop(
                    'AnalyzeImpact',
                    requests,
                    timeoutMs,
                    (index) => analyse(serviceHosts[warmup + index] ?? '', true),
                  );
                  out(`baseline: ${warmup} warm-up then ${requests} one-hop queries...`);
                  await closedLoop('baseline warm-up', warmup, timeoutMs, (index) =>
                    hop(baselineHosts[index] ?? '', false),
                  );
                  const baselineLatencies = await closedLoop(
                    'baseline',
                    requests,
                    timeoutMs,
                    (index) => hop(baselineHosts[warmup + index] ?? '', true),
                  );
                  return {
                    impact: latencyFigures(impactLatencies),
                    baseline: latencyFigures(baselineLatencies),
                    reach: reachFigures(answers),
                    baselineMeanRows: baselineRows / requests,
                    seed: seedFigures,
                    postgres: facts?.version ?? '?',
                    loadWhenMeasuring,
                  };
                } finally {
                  cmdb.close();
                }
              },
            );
          } finally {
            await client.end();
          }
        },
      ),
  );

  const { impact, baseline, reach } = figures;
  out(`\n${formatSummary(impact, baseline)}`);
  out(
    `items returned per analysis: mean ${formatFigure(reach.meanItems, 1)}, median ` +
      `${formatFigure(reach.p50Items, 0)}, max ${formatFigure(reach.maxItems, 0)}, ` +
      `${reach.truncated} of ${reach.answers} cut at the limit; business services ` +
      `${formatFigure(reach.meanBusinessServices, 1)} on average; baseline rows per hop ` +
      `${formatFigure(figures.baselineMeanRows, 1)}`,
  );
  out(
    `impact p95 target < ${P95_TARGET_MS} ms at depth ${options.depth} over ` +
      `${plan.items.toLocaleString('en')} items: ${impact.p95Ms < P95_TARGET_MS ? 'met' : 'NOT met'} ` +
      `(${formatFigure(impact.p95Ms, 2)} ms)`,
  );

  if (!options.record) return;
  const date = new Date().toISOString().slice(0, 10);
  const commit = commitOfWorkspace();
  const machine =
    `${availableParallelism()} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
    `Node ${process.version}, PostgreSQL ${figures.postgres}, load average ` +
    `${loadAtStart.toFixed(2)} at start`;
  appendResultsFile(
    options.results,
    cmdbResultRows(impact, baseline, { date, commit }),
    runNote({
      date,
      commit,
      machine,
      plan,
      seed: figures.seed,
      depth: options.depth,
      limit: options.limit,
      requests: options.requests,
      warmup: options.warmup,
      reach,
      baselineMeanRows: figures.baselineMeanRows,
      loadWhenMeasuring: figures.loadWhenMeasuring,
    }),
  );
  out(`results appended to ${options.results}`);
}

runBenchmarkMain('cmdb', main);
