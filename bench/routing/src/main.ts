import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { TicketCreated } from '@itsm/contracts';
import { cloudEventHeaders, createKafka, KafkaEventPublisher } from '@itsm/messaging';
import {
  appendResultsFile,
  assertLoopbackInfrastructure,
  commitOfWorkspace,
  createTestDatabase,
  formatFigure,
  freePort,
  integerOption,
  releaseAll,
  runAtRate,
  ServiceProcess,
  type TestDatabase,
  testEnvironment,
  testKafka,
  using,
  workspaceRoot,
} from '@itsm/testing';
import { benchTicket } from './events';
import {
  type DecisionFigures,
  decisionFigures,
  formatSummary,
  P99_TARGET_MS,
  routingResultRows,
} from './report';
import { BASELINE, buildSeed, insertSeed, prng, SCALE, type SeedSizes } from './seed';

interface Options {
  events: number;
  warmup: number;
  rate: number;
  timeoutMs: number;
  maxLoad: number;
  maxLoadWaitMs: number;
  results: string;
  record: boolean;
}

const USAGE = `usage: main.js [--events 3000] [--warmup 300] [--rate 100] [--timeout-s 300]
                [--max-load 1.5] [--max-load-wait-s 180] [--results bench/RESULTS.md] [--no-record]`;

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      events: { type: 'string', default: '3000' },
      warmup: { type: 'string', default: '300' },
      rate: { type: 'string', default: '100' },
      'timeout-s': { type: 'string', default: '300' },
      'max-load': { type: 'string', default: '1.5' },
      'max-load-wait-s': { type: 'string', default: '180' },
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
    events: integer('events', values.events, 100, 1_000_000),
    warmup: integer('warmup', values.warmup, 0, 100_000),
    rate: integer('rate', values.rate, 1, 5_000),
    timeoutMs: integer('timeout-s', values['timeout-s'], 10, 3_600) * 1000,
    maxLoad,
    maxLoadWaitMs: integer('max-load-wait-s', values['max-load-wait-s'], 0, 3_600) * 1000,
    results: values.results,
    record: !values['no-record'],
  };
}

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const quietLogger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};

async function createTopics(topics: string[]): Promise<string[]> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: topics.map((topic) => ({ topic, numPartitions: 6 })),
    });
  } finally {
    await admin.disconnect();
  }
  return topics;
}

async function deleteTopicsAndGroup(topics: string[], group: string): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.deleteGroups([group]).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Waits (at most `--max-load-wait-s`) for the 1-minute load average to drop below `--max-load`:
 * other work on the machine (builds, tests) delays the service's event loop and PostgreSQL, and
 * a decision's tail is what the benchmark is about.
 */
async function waitForQuietMachine(name: string, options: Options): Promise<void> {
  const deadline = Date.now() + options.maxLoadWaitMs;
  let load = loadavg()[0] ?? Number.NaN;
  if (load >= options.maxLoad && options.maxLoadWaitMs > 0) {
    out(
      `${name}: load average ${load.toFixed(2)}; waiting up to ${options.maxLoadWaitMs / 1000} s ` +
        `for < ${options.maxLoad}...`,
    );
  }
  while (load >= options.maxLoad && Date.now() < deadline) {
    await sleep(5_000);
    load = loadavg()[0] ?? Number.NaN;
  }
  if (load >= options.maxLoad) out(`${name}: load average still ${load.toFixed(2)} (busy machine)`);
}

/** Waits until the decisions of `count` tickets whose number starts with `prefix` are recorded. */
async function decisionsOf(
  database: TestDatabase,
  prefix: string,
  count: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await database.query<{ decided: string }>(
      `SELECT count(*) AS decided FROM routing_decisions WHERE trigger = 'created' AND ticket_number LIKE $1`,
      [`${prefix}%`],
    );
    const decided = Number(row?.decided ?? 0);
    if (decided >= count) return;
    if (Date.now() > deadline) {
      throw new Error(`the routing service decided ${decided} of ${count} ${prefix} tickets`);
    }
    await sleep(250);
  }
}

interface ConfigurationFigures extends DecisionFigures {
  seedSeconds: number;
  assigned: number;
  queued: number;
  noGroup: number;
  sendSeconds: number;
  lateStarts: number;
  postgres: string;
  loadWhenMeasuring: number;
}

/** One configuration: fresh database, seed, routing service, warm-up then measured events. */
async function runConfiguration(
  name: string,
  sizes: SeedSizes,
  options: Options,
): Promise<ConfigurationFigures> {
  const run = randomBytes(4).toString('hex');
  const consumerGroup = `itsm-routing-bench-${run}`;
  const ticketsTopic = `itsm.tickets.v1.bench-routing-${run}`;
  const slaTopic = `itsm.sla.v1.bench-routing-${run}`;
  return using(
    createTestDatabase('itsm_routing'),
    (database) => database.drop(),
    (database) =>
      using(
        createTopics([ticketsTopic, slaTopic]),
        (topics) => deleteTopicsAndGroup(topics, consumerGroup),
        async () => {
          const [httpPort, grpcPort] = await Promise.all([freePort(), freePort()]);
          const env = {
            DATABASE_URL: database.url,
            KAFKA_BROKERS: testEnvironment().KAFKA_BROKERS,
            GRPC_HOST: '127.0.0.1',
            GRPC_PORT: String(grpcPort),
            ROUTING_TICKET_EVENTS_TOPIC: ticketsTopic,
            ROUTING_SLA_EVENTS_TOPIC: slaTopic,
            ROUTING_CONSUMER_GROUP: consumerGroup,
          };
          out(`${name}: migrating ${database.name}...`);
          await ServiceProcess.run('routing', ['migrate'], env);
          const seed = buildSeed(sizes);
          const seedStarted = Date.now();
          const client = new Client({ connectionString: database.url });
          await client.connect();
          let postgres = '?';
          try {
            await insertSeed(client, seed);
            postgres =
              (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]
                ?.server_version ?? '?';
          } finally {
            await client.end();
          }
          const seedSeconds = (Date.now() - seedStarted) / 1000;
          out(
            `${name}: seeded ${sizes.lines} lines, ${sizes.groups} groups, ${sizes.agents} agents, ` +
              `${sizes.rules} rules, ${sizes.categories} category skills, ${sizes.openTickets} open ` +
              `tickets in ${seedSeconds.toFixed(1)} s; starting the routing service...`,
          );
          return using(
            ServiceProcess.start({ service: 'routing', httpPort, env }),
            async (service) => void (await service.stop()),
            async () => {
              const publisher = new KafkaEventPublisher(
                createKafka(
                  { brokers: testEnvironment().kafkaBrokers, clientId: 'itsm-bench-routing' },
                  quietLogger,
                ),
              );
              try {
                const random = prng(7);
                const send = async (phase: 'W' | 'M', count: number) => {
                  const sent = await runAtRate(
                    { count, ratePerSecond: options.rate, timeoutMs: 60_000 },
                    async (index) => {
                      const now = new Date();
                      const ticket = benchTicket(run, phase, index, seed.categoryIds, random, now);
                      await publisher.publish([
                        {
                          topic: ticketsTopic,
                          key: ticket.id,
                          value: JSON.stringify(TicketCreated.toJson({ ticket })),
                          headers: cloudEventHeaders(
                            {
                              id: randomBytes(16).toString('hex'),
                              type: TicketCreated.type,
                              source: '/itsm/tickets',
                              subject: ticket.id,
                              time: now,
                            },
                            {},
                          ),
                        },
                      ]);
                    },
                  );
                  if (sent.failures > 0 || !sent.finished) {
                    throw new Error(
                      `sending ${phase} events: ${sent.failures} failed (${sent.firstFailure ?? 'timeout'})`,
                    );
                  }
                  return sent;
                };
                await waitForQuietMachine(name, options);
                if (options.warmup > 0) {
                  out(`${name}: warm-up, ${options.warmup} events at ${options.rate}/s...`);
                  await send('W', options.warmup);
                  await decisionsOf(database, 'W-', options.warmup, options.timeoutMs);
                }
                const loadWhenMeasuring = loadavg()[0] ?? Number.NaN;
                out(
                  `${name}: measuring, ${options.events} events at ${options.rate}/s ` +
                    `(load average ${loadWhenMeasuring.toFixed(2)})...`,
                );
                const sent = await send('M', options.events);
                await decisionsOf(database, 'M-', options.events, options.timeoutMs);
                const rows = await database.query<{
                  duration_us: string;
                  assignee_id: string | null;
                  queued: boolean;
                  group_id: string | null;
                }>(
                  `SELECT duration_us, assignee_id, queued, group_id FROM routing_decisions
                    WHERE trigger = 'created' AND ticket_number LIKE 'M-%'`,
                );
                const figures = decisionFigures(rows.map((row) => Number(row.duration_us)));
                return {
                  ...figures,
                  seedSeconds,
                  assigned: rows.filter((row) => row.assignee_id).length,
                  queued: rows.filter((row) => row.queued).length,
                  noGroup: rows.filter((row) => !row.group_id).length,
                  sendSeconds: sent.elapsedMs / 1000,
                  lateStarts: sent.lateStarts,
                  postgres,
                  loadWhenMeasuring,
                };
              } finally {
                await publisher.close();
              }
            },
          );
        },
      ),
  );
}

const describeSizes = (sizes: SeedSizes): string =>
  `${sizes.lines} lines, ${sizes.groups} groups, ${sizes.agents} agents, ${sizes.rules} rules, ` +
  `${sizes.categories} category skills, ${sizes.openTickets} open tickets`;

const outcome = (figures: ConfigurationFigures): string =>
  `${figures.assigned} assigned, ${figures.queued} queued, ${figures.noGroup} without group`;

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  assertLoopbackInfrastructure();
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  out(
    `routing: duration_us of ${options.events} TicketCreated decisions after ${options.warmup} ` +
      `warm-up, ${options.rate} events/s; load average ${loadAtStart.toFixed(2)}`,
  );
  const baseline = await runConfiguration('baseline', BASELINE, options);
  const scale = await runConfiguration('scale', SCALE, options);

  out(`\n${formatSummary(scale, baseline)}`);
  out(`scale: ${outcome(scale)}; baseline: ${outcome(baseline)}`);
  out(
    `decision p99 target < ${P99_TARGET_MS} ms with ${SCALE.rules} rules, ${SCALE.groups} groups ` +
      `and ${SCALE.agents} agents: ${scale.p99Ms < P99_TARGET_MS ? 'met' : 'NOT met'} ` +
      `(${formatFigure(scale.p99Ms, 2)} ms)`,
  );

  if (!options.record) return;
  const date = new Date().toISOString().slice(0, 10);
  const commit = commitOfWorkspace();
  const machine =
    `${availableParallelism()} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
    `Node ${process.version}, PostgreSQL ${scale.postgres}, load average ` +
    `${loadAtStart.toFixed(2)} at start, ${baseline.loadWhenMeasuring.toFixed(2)} and ` +
    `${scale.loadWhenMeasuring.toFixed(2)} when measuring baseline and scale, ` +
    `${(loadavg()[0] ?? Number.NaN).toFixed(2)} at the end`;
  appendResultsFile(
    options.results,
    routingResultRows(scale, baseline, { date, commit }),
    `${date} routing ${commit}: ${machine}; duration_us recorded by the routing service per ` +
      `decision (classification, rules, loads of the chosen group's agents from PostgreSQL, ` +
      `agent selection), ${options.events} TicketCreated events per configuration after ` +
      `${options.warmup} warm-up, ${options.rate}/s on a 6-partition topic\n` +
      `scale: ${describeSizes(SCALE)} (seeded by SQL in ${scale.seedSeconds.toFixed(1)} s); ` +
      `${outcome(scale)}, max ${formatFigure(scale.maxMs, 2)} ms. baseline: ` +
      `${describeSizes(BASELINE)}; ${outcome(baseline)}, max ${formatFigure(baseline.maxMs, 2)} ms.`,
  );
  out(`results appended to ${options.results}`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`${signal}: cleaning up...\n`);
    void releaseAll().finally(() => process.exit(130));
  });
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    process.stderr.write(
      `routing benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    await releaseAll();
    process.exit(1);
  },
);
