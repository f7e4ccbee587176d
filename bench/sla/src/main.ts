import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { createKafka, KafkaEventPublisher } from '@itsm/messaging';
import {
  appendResultsFile,
  assertLoopbackInfrastructure,
  commitOfWorkspace,
  createTestDatabase,
  formatFigure,
  freePort,
  integerOption,
  runBenchmarkMain,
  ServiceProcess,
  type TestDatabase,
  testEnvironment,
  testKafka,
  using,
  workspaceRoot,
} from '@itsm/testing';
import { BreachProbe } from './breach-probe';
import { MemoryPeaks, MemoryReader, type MemorySample } from './memory';
import {
  formatSummary,
  type LagFigures,
  lagFigures,
  P99_TARGET_MS,
  type SlaFigures,
  slaResultRows,
} from './report';
import { insertDueClocks, seedClocks, type SeedReferences } from './seed';
import { type StreamRates, TicketStream } from './ticket-stream';

interface Options {
  /** Active clocks in the database when the phases start. */
  clocks: number;
  /** Clocks per INSERT when seeding. */
  chunk: number;
  /** Clocks falling due per second, in both phases. */
  rate: number;
  /** Clocks falling due and ticket events before the baseline, not measured. */
  warmupMs: number;
  baselineMs: number;
  loadMs: number;
  stream: StreamRates;
  maxLoad: number;
  maxLoadWaitMs: number;
  results: string;
  record: boolean;
}

const USAGE = `usage: main.js [--clocks 1000000] [--chunk 250000] [--rate 50] [--warmup-s 10]
                [--baseline-s 60] [--load-s 120]
                [--starts 20] [--pauses 10] [--resumes 10] [--resolutions 10]
                [--max-load 1.5] [--max-load-wait-s 120] [--results bench/RESULTS.md] [--no-record]`;

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      clocks: { type: 'string', default: '1000000' },
      chunk: { type: 'string', default: '250000' },
      rate: { type: 'string', default: '50' },
      'warmup-s': { type: 'string', default: '10' },
      'baseline-s': { type: 'string', default: '60' },
      'load-s': { type: 'string', default: '120' },
      starts: { type: 'string', default: '20' },
      pauses: { type: 'string', default: '10' },
      resumes: { type: 'string', default: '10' },
      resolutions: { type: 'string', default: '10' },
      'max-load': { type: 'string', default: '1.5' },
      'max-load-wait-s': { type: 'string', default: '120' },
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
  const options: Options = {
    clocks: integer('clocks', values.clocks, 10_000, 20_000_000),
    chunk: integer('chunk', values.chunk, 1_000, 2_000_000),
    rate: integer('rate', values.rate, 1, 2_000),
    warmupMs: integer('warmup-s', values['warmup-s'], 0, 600) * 1000,
    baselineMs: integer('baseline-s', values['baseline-s'], 5, 3_600) * 1000,
    loadMs: integer('load-s', values['load-s'], 5, 3_600) * 1000,
    stream: {
      start: integer('starts', values.starts, 0, 5_000),
      pause: integer('pauses', values.pauses, 0, 5_000),
      resume: integer('resumes', values.resumes, 0, 5_000),
      resolve: integer('resolutions', values.resolutions, 0, 5_000),
    },
    maxLoad,
    maxLoadWaitMs: integer('max-load-wait-s', values['max-load-wait-s'], 0, 3_600) * 1000,
    results: values.results,
    record: !values['no-record'],
  };
  if (dueClocks(options) >= options.clocks) {
    throw new Error(`--clocks must exceed the clocks falling due in both phases\n${USAGE}`);
  }
  return options;
}

/** Clocks falling due over all phases; the rest of `--clocks` is seeded far from due. */
const dueClocks = (options: Options): number =>
  Math.round((options.rate * (options.warmupMs + options.baselineMs + options.loadMs)) / 1000);

/** Time between writing a phase's clocks and the first falling due: the scheduler looks every second. */
const LEAD_MS = 5_000;
/** How long after the last instant every breach must have arrived (the run fails otherwise). */
const DRAIN_TIMEOUT_MS = 30_000;
/** How long the ticket events of the stream may take to be applied once it stopped. */
const STREAM_DRAIN_TIMEOUT_MS = 60_000;

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

/** The seeded 24×7 calendar and the seeded critical-incident policy (it pauses for the customer). */
async function seedReferences(client: Client): Promise<SeedReferences> {
  const { rows } = await client.query<{ policy_id: string; calendar_id: string }>(
    `SELECT p.id AS policy_id, c.id AS calendar_id
       FROM sla_policies p
       JOIN sla_calendars c ON c.id = (p.targets->'resolution'->>'calendarId')::uuid
      WHERE p.name = 'Incidents · critical' AND c.definition->>'kind' = '24x7'`,
  );
  const [row] = rows;
  if (!row) throw new Error('the seeded critical-incident policy on the 24×7 calendar is missing');
  return { policyId: row.policy_id, calendarId: row.calendar_id };
}

async function createTopic(topic: string): Promise<string> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 6 }] });
  } finally {
    await admin.disconnect();
  }
  return topic;
}

async function deleteTopicAndGroups(topic: string, groups: string[]): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.deleteGroups(groups).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}

interface PhaseContext {
  client: Client;
  references: SeedReferences;
  memory: MemoryReader;
  options: Options;
}

/**
 * One phase: `count` clocks falling due at the set rate, written just before; the breaches are
 * read off Kafka as they arrive, every one exactly once. With a stream, ticket events flow while
 * the clocks fall due.
 */
async function runPhase(
  phase: string,
  context: PhaseContext,
  durationMs: number,
  stream?: TicketStream,
): Promise<{ lag: LagFigures; memoryPeak: MemorySample }> {
  const { client, references, memory, options } = context;
  const count = Math.round((options.rate * durationMs) / 1000);
  const probe = await BreachProbe.start(testKafka(), `DUE-${phase}-`);
  try {
    const firstDueAt = new Date(Date.now() + LEAD_MS);
    await insertDueClocks(client, {
      phase,
      count,
      ratePerSecond: options.rate,
      firstDueAt,
      references,
    });
    const peaks = new MemoryPeaks(memory, 1_000);
    peaks.start();
    out(
      `  ${phase}: ${count} clocks fall due at ${options.rate}/s from ${firstDueAt.toISOString()}` +
        `${stream ? ' while ticket events stream in' : ''}...`,
    );
    // The stream flows exactly while the phase's clocks fall due.
    await sleep(firstDueAt.getTime() - Date.now());
    stream?.start();
    await sleep(firstDueAt.getTime() + durationMs - Date.now());
    await stream?.stop();
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    while (probe.breaches.length < count && Date.now() < deadline) await sleep(200);
    // Late duplicates would show up now.
    await sleep(1_000);
    const memoryPeak = peaks.stop();
    const lag = lagFigures(probe.breaches, count);
    if (lag.missing > 0 || lag.duplicates.length > 0) {
      throw new Error(
        `${phase}: ${lag.missing} of ${count} breaches never arrived and ` +
          `${lag.duplicates.length} arrived twice (${lag.duplicates.slice(0, 3).join(', ')})`,
      );
    }
    out(
      `  ${phase}: ${lag.received} breaches, lag p50 ${formatFigure(lag.p50Ms, 1)} ms, ` +
        `p99 ${formatFigure(lag.p99Ms, 1)} ms, max ${formatFigure(lag.maxMs, 1)} ms`,
    );
    return { lag, memoryPeak };
  } finally {
    await probe.stop();
  }
}

/** Waits until the SLA service applied `sent` ticket events; how long it took. */
async function streamDrained(database: TestDatabase, sent: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const [row] = await database.query<{ applied: string }>(
      'SELECT count(*) AS applied FROM inbox_events',
    );
    const applied = Number(row?.applied ?? 0);
    if (applied >= sent) return Date.now() - started;
    if (Date.now() - started > STREAM_DRAIN_TIMEOUT_MS) {
      throw new Error(`the SLA service applied ${applied} of ${sent} ticket events`);
    }
    await sleep(250);
  }
}

interface RunFigures extends SlaFigures {
  seedNote: string;
  streamNote: string;
  memoryNote: string;
  postgres: string;
  loadAtMeasurement: number;
  activeClocks: number;
}

async function runBenchmark(options: Options): Promise<RunFigures> {
  const run = randomBytes(4).toString('hex');
  const consumerGroup = `itsm-sla-bench-${run}`;
  const ticketsTopic = `itsm.tickets.v1.bench-sla-${run}`;
  return using(
    createTestDatabase('itsm_sla_bench'),
    (database) => database.drop(),
    (database) =>
      using(
        createTopic(ticketsTopic),
        (topic) => deleteTopicAndGroups(topic, [consumerGroup]),
        async () => {
          const [httpPort, grpcPort, inspectorPort] = await Promise.all([
            freePort(),
            freePort(),
            freePort(),
          ]);
          const env = {
            DATABASE_URL: database.url,
            KAFKA_BROKERS: testEnvironment().KAFKA_BROKERS,
            GRPC_HOST: '127.0.0.1',
            GRPC_PORT: String(grpcPort),
            SLA_TICKET_EVENTS_TOPIC: ticketsTopic,
            SLA_CONSUMER_GROUP: consumerGroup,
          };
          out('migrating a fresh SLA database...');
          await ServiceProcess.run('sla', ['migrate'], env);

          const client = new Client({ connectionString: database.url });
          await client.connect();
          try {
            const references = await seedReferences(client);
            const tickets = Math.floor((options.clocks - dueClocks(options)) / 2);
            out(`seeding ${(2 * tickets).toLocaleString('en')} clocks of ${tickets} tickets...`);
            const seeded = await seedClocks(
              client,
              {
                tickets,
                chunkSize: Math.max(1, Math.floor(options.chunk / 2)),
                now: new Date(),
                references,
              },
              out,
            );
            const sizes = await client.query<{ total: string }>(
              `SELECT pg_size_pretty(pg_total_relation_size('sla_clocks')) AS total`,
            );
            const seedSeconds = (seeded.insertMs + seeded.settleMs) / 1000;
            const seedNote =
              `${seeded.clocks} clocks by SQL in ${seedSeconds.toFixed(1)} s (inserts ` +
              `${(seeded.insertMs / 1000).toFixed(1)} s + VACUUM ANALYZE/CHECKPOINT ` +
              `${(seeded.settleMs / 1000).toFixed(1)} s; ${sizes.rows[0]?.total ?? '?'} with indexes)`;
            out(`seeded: ${seedNote}`);

            out('starting the SLA service (scheduler and ticket-event consumer)...');
            return await using(
              ServiceProcess.start({
                service: 'sla',
                httpPort,
                env,
                nodeArgs: [`--inspect=127.0.0.1:${inspectorPort}`],
              }),
              async (service) => void (await service.stop()),
              async (service) => {
                const memory = await MemoryReader.connect(inspectorPort, service.pid ?? 0);
                const publisher = new KafkaEventPublisher(
                  createKafka(
                    { brokers: testEnvironment().kafkaBrokers, clientId: 'itsm-bench-sla' },
                    {
                      error: () => undefined,
                      warn: () => undefined,
                      info: () => undefined,
                      debug: () => undefined,
                    },
                  ),
                );
                try {
                  const idle = await memory.sample({ collectGarbage: true });
                  const loadAtMeasurement = await waitForQuietMachine(options);
                  const context = { client, references, memory, options };
                  // Ticket events sent so far: the SLA service's inbox must hold them all.
                  let sent = 0;
                  const touched = new Set<number>();
                  if (options.warmupMs > 0) {
                    out('\nwarm-up: clocks falling due and ticket events, not measured');
                    const warmup = new TicketStream(
                      publisher,
                      ticketsTopic,
                      tickets,
                      options.stream,
                      { touched },
                    );
                    await runPhase('warmup', context, options.warmupMs, warmup);
                    sent += warmup.counts.total;
                    await streamDrained(database, sent);
                  }
                  out(
                    `\nbaseline: the scheduler alone (load average ${loadAtMeasurement.toFixed(2)})`,
                  );
                  const baseline = await runPhase('baseline', context, options.baselineMs);

                  const stream = new TicketStream(
                    publisher,
                    ticketsTopic,
                    tickets,
                    options.stream,
                    { touched },
                  );
                  out('\nload: the same with a steady stream of ticket events');
                  const load = await runPhase('load', context, options.loadMs, stream);
                  const drainMs = await streamDrained(database, sent + stream.counts.total);
                  const settled = await memory.sample({ collectGarbage: true });
                  const [active] = await database.query<{ clocks: string }>(
                    `SELECT count(*) AS clocks FROM sla_clocks WHERE state IN ('running', 'paused')`,
                  );
                  const { counts } = stream;
                  const seconds = stream.elapsedMs / 1000;
                  return {
                    baseline,
                    load,
                    seedSeconds,
                    seedNote,
                    streamNote:
                      `stream of ${counts.total} ticket events in ${seconds.toFixed(1)} s: ${counts.start} ` +
                      `opened, ${counts.pause} paused, ${counts.resume} resumed, ${counts.resolve} ` +
                      `resolved (${formatFigure(counts.total / seconds, 1)}/s), all applied ` +
                      `${formatFigure(drainMs / 1000, 1)} s after the last was sent`,
                    memoryNote:
                      `heap after a full GC: ${formatFigure(idle.heapUsedBytes / 2 ** 20, 1)} MiB ` +
                      `idle, ${formatFigure(settled.heapUsedBytes / 2 ** 20, 1)} MiB after the load ` +
                      `(RSS ${formatFigure(idle.rssBytes / 2 ** 20, 1)} → ` +
                      `${formatFigure(settled.rssBytes / 2 ** 20, 1)} MiB)`,
                    postgres:
                      (await client.query<{ server_version: string }>('SHOW server_version'))
                        .rows[0]?.server_version ?? '?',
                    loadAtMeasurement,
                    activeClocks: Number(active?.clocks ?? 0),
                  };
                } finally {
                  memory.close();
                  await publisher.close();
                }
              },
            );
          } finally {
            await client.end();
          }
        },
      ),
  );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  assertLoopbackInfrastructure();
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  const streamRate =
    options.stream.start + options.stream.pause + options.stream.resume + options.stream.resolve;
  out(
    `sla: ${options.clocks.toLocaleString('en')} active clocks; ${options.rate} fall due per second; ` +
      `baseline ${options.baselineMs / 1000} s alone, load ${options.loadMs / 1000} s with ` +
      `${streamRate} ticket events/s; load average ${loadAtStart.toFixed(2)}`,
  );
  const figures = await runBenchmark(options);

  out(`\n${formatSummary(figures)}`);
  out(`${figures.streamNote}\n${figures.memoryNote}`);
  const p99 = figures.load.lag.p99Ms;
  out(
    `breach lag p99 target < ${P99_TARGET_MS} ms with ${figures.activeClocks.toLocaleString('en')} ` +
      `active clocks: ${p99 < P99_TARGET_MS ? 'met' : 'NOT met'} (${formatFigure(p99, 1)} ms)`,
  );

  if (!options.record) return;
  const date = new Date().toISOString().slice(0, 10);
  const commit = commitOfWorkspace();
  const machine =
    `${availableParallelism()} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
    `Node ${process.version}, PostgreSQL ${figures.postgres}, load average ` +
    `${loadAtStart.toFixed(2)} at start, ${figures.loadAtMeasurement.toFixed(2)} when measuring`;
  appendResultsFile(
    options.results,
    slaResultRows(figures, { date, commit }),
    `${date} sla ${commit}: ${machine}; ${figures.seedNote}; ${figures.activeClocks} active ` +
      `clocks at the end; ${options.rate} clocks/s falling due, lag = arrival on Kafka − due ` +
      `instant; after ${options.warmupMs / 1000} s of warm-up, baseline ` +
      `${options.baselineMs / 1000} s without ticket events, load ${options.loadMs / 1000} s with ` +
      `them\n` +
      `${figures.streamNote}. Memory of the SLA process, peak of 1 s samples; ${figures.memoryNote}.`,
  );
  out(`results appended to ${options.results}`);
}

runBenchmarkMain('sla', main);
