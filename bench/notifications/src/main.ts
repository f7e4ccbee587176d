import { createHmac, randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { TicketCreated, Topics } from '@itsm/contracts';
import {
  appendResultsFile,
  assertLoopbackInfrastructure,
  commitOfWorkspace,
  percentile,
  type LoadResult,
  runAtRate,
  runBenchmarkMain,
  runLoad,
  type RunningNotifications,
  type RunningPlatform,
  ServiceProcess,
  SmtpSink,
  startPlatform,
  testKafka,
  using,
  workspaceRoot,
} from '@itsm/testing';
import { KafkaToHttp, type KafkaToHttpResult, type PartitionOffset } from './kafka-to-http';
import { type NotificationsBenchOptions, parseOptions, USAGE } from './options';
import { type Arrival, type Mailbox, WebhookReceiver } from './receiver';
import {
  arrivalSpan,
  backlogSide,
  type ClaimEstimate,
  estimateClaims,
  formatTable,
  latencyFigures,
  notificationsResultRows,
  perSecond,
  type RunFigures,
  summarizeLogs,
} from './report';
import { administratorPrincipal, TicketsGrpcClient } from './tickets-client';

const out = (line: string): void => void process.stdout.write(`${line}\n`);

const SUBSCRIPTIONS_PATH = '/api/v1/webhook-subscriptions';
/** The service's default DISPATCH_BATCH_SIZE; the run leaves it as deployed. */
const DISPATCH_BATCH_SIZE = 64;

const NOTIFICATIONS_BUNDLE = 'dist/services/notifications/main.js';

/**
 * When the notifications bundle was last written: others may rebuild it while the benchmark
 * runs, and a restart would then run another build than the one that migrated the database.
 */
function bundleVersion(): number {
  return statSync(join(workspaceRoot, NOTIFICATIONS_BUNDLE)).mtimeMs;
}

/** What the service said, for a run that fails waiting for it. */
function logExcerpt(logs: string): string {
  const { count, top } = summarizeLogs(logs, 5);
  const tail = logs.trim().split('\n').slice(-5).join('\n');
  return `notifications logged ${count} warnings/errors: ${top.join('; ') || '-'}\nlast lines:\n${tail}`;
}

function failUnlessClean(label: string, count: number, result: LoadResult): void {
  if (result.failures > 0 || !result.finished) {
    throw new Error(
      `${label}: ${result.failures} of ${count} failed${result.finished ? '' : ', time ran out'}; ` +
        `first failure: ${result.firstFailure ?? '-'}`,
    );
  }
}

async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // Kept as text for the error message.
  }
  return { status: response.status, json };
}

/** The administrator's access token and a subscription of `url` to new tickets; its secret. */
async function subscribeThroughGateway(
  platform: RunningPlatform,
  url: string,
  runId: string,
): Promise<{ accessToken: string; secret: string }> {
  const signIn = await postJson(`${platform.gatewayUrl}/api/v1/auth/sign-in`, platform.admin);
  if (signIn.status !== 200)
    throw new Error(`sign-in: ${signIn.status} ${JSON.stringify(signIn.json)}`);
  const { accessToken } = signIn.json as { accessToken: string };
  const created = await postJson(
    `${platform.gatewayUrl}${SUBSCRIPTIONS_PATH}`,
    { name: `bench ${runId}`, url, eventTypes: [TicketCreated.type] },
    { authorization: `Bearer ${accessToken}`, 'idempotency-key': `bench-notifications-${runId}` },
  );
  if (created.status !== 201) {
    throw new Error(
      `POST ${SUBSCRIPTIONS_PATH}: ${created.status} ${JSON.stringify(created.json).slice(0, 300)}`,
    );
  }
  const { secret } = created.json as { secret: string };
  return { accessToken, secret };
}

/** The end of every partition of a topic: where events produced from now on begin. */
async function topicEnds(topic: string): Promise<PartitionOffset[]> {
  const admin = testKafka('bench-notifications').admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    return ends.map(({ partition, high }) => ({ partition, offset: high }));
  } finally {
    await admin.disconnect();
  }
}

/**
 * Polls the tickets service's `outbox_events` until it is empty: the relay deletes a row only
 * after Kafka acknowledged it, so then every event of the backlog is in the topic.
 */
async function waitForEmptyOutbox(databaseUrl: string, timeoutMs: number): Promise<number> {
  const started = performance.now();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (;;) {
      const { rows } = await client.query<{ waiting: string }>(
        'SELECT count(*) AS waiting FROM outbox_events',
      );
      const waiting = Number(rows[0]?.waiting);
      if (waiting === 0) return performance.now() - started;
      if (performance.now() - started > timeoutMs)
        throw new Error(`the tickets outbox still holds ${waiting} events after ${timeoutMs} ms`);
      await sleep(20);
    }
  } finally {
    await client.end();
  }
}

async function waitForQuietMachine(options: NotificationsBenchOptions): Promise<number> {
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

async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  const timer = new AbortController();
  try {
    return await Promise.race([
      promise,
      sleep(timeoutMs, undefined, { signal: timer.signal }).then(() => {
        throw new Error(`${what}: not done after ${timeoutMs / 1000} s`);
      }),
    ]);
  } finally {
    timer.abort();
  }
}

/** The raw path over the same events: consumer in a fresh group → POST, nothing else. */
async function kafkaToHttp(
  options: Parameters<typeof KafkaToHttp.start>[0],
  timeoutMs: number,
  beforeWaiting: (run: KafkaToHttp) => Promise<void> = async () => undefined,
): Promise<KafkaToHttpResult> {
  const run = KafkaToHttp.start(options);
  try {
    await beforeWaiting(run);
    return await withTimeout(run.done, timeoutMs, 'baseline consumer');
  } finally {
    await run.stop();
  }
}

/** What the service's own tables say about the backlog: when the consumer and the sends ran. */
interface ServiceFigures {
  /** Webhook deliveries of this run's tickets per status. */
  statuses: Record<string, number>;
  /** Deliveries written per second by the consumer (first → last `created_at`). */
  consumerRate: number;
  /** From the first to the last delivery written, ms. */
  consumerSpanMs: number;
  claims: ClaimEstimate;
  /** Events the consumer applied (inbox) during the run, and how many were this run's tickets'. */
  applied: { total: number; ours: number; otherTypes: string };
  /** Medians over the latency phase's tickets of where their time went, when it ran. */
  latencyParts?: LatencyParts;
  postgres: string;
}

interface LatencyParts {
  /** Ticket created_at → its delivery row written by the consumer (relay, Kafka, consumer). */
  toWrittenMs: number;
  /** Delivery written → its post started by the dispatcher (waiting for a claim). */
  toSentMs: number;
  /** Post started → arrival at the receiver. */
  toArrivalMs: number;
}

/** Where the latency phase's time went, from the service's rows and the receiver's arrivals. */
async function latencyParts(
  client: Client,
  arrivals: ReadonlyMap<string, Arrival>,
  liveIds: ReadonlySet<string>,
): Promise<LatencyParts> {
  const { rows } = await client.query<{ ticket_id: string; written_ms: number; sent_ms: number }>(
    `SELECT d.ticket_id, extract(epoch FROM d.created_at) * 1000 AS written_ms,
            extract(epoch FROM a.started_at) * 1000 AS sent_ms
       FROM deliveries d JOIN delivery_attempts a ON a.delivery_id = d.id AND a.number = 1
      WHERE d.channel = 'webhook' AND d.ticket_id = ANY($1::uuid[])`,
    [[...liveIds]],
  );
  const toWritten: number[] = [];
  const toSent: number[] = [];
  const toArrival: number[] = [];
  for (const row of rows) {
    const arrival = arrivals.get(row.ticket_id);
    if (!arrival) continue;
    toWritten.push(Number(row.written_ms) - arrival.createdAtMs);
    toSent.push(Number(row.sent_ms) - Number(row.written_ms));
    toArrival.push(arrival.wallMs - Number(row.sent_ms));
  }
  return {
    toWrittenMs: percentile(toWritten, 50),
    toSentMs: percentile(toSent, 50),
    toArrivalMs: percentile(toArrival, 50),
  };
}

async function serviceFigures(
  databaseUrl: string,
  ticketIds: string[],
  marker: string,
  live?: { arrivals: ReadonlyMap<string, Arrival>; ids: ReadonlySet<string> },
): Promise<ServiceFigures> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const statuses = await client.query<{ status: string; count: string }>(
      `SELECT status, count(*) AS count FROM deliveries
        WHERE channel = 'webhook' AND ticket_id = ANY($1::uuid[]) GROUP BY status`,
      [ticketIds],
    );
    const written = await client.query<{ count: string; first_ms: number; last_ms: number }>(
      `SELECT count(*) AS count,
              extract(epoch FROM min(created_at)) * 1000 AS first_ms,
              extract(epoch FROM max(created_at)) * 1000 AS last_ms
         FROM deliveries WHERE channel = 'webhook' AND ticket_id = ANY($1::uuid[])`,
      [ticketIds],
    );
    const started = await client.query<{ started_ms: number }>(
      `SELECT extract(epoch FROM a.started_at) * 1000 AS started_ms
         FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id
        WHERE d.channel = 'webhook' AND d.ticket_id = ANY($1::uuid[])`,
      [ticketIds],
    );
    const [version] = (await client.query<{ server_version: string }>('SHOW server_version')).rows;
    const inbox = await client.query<{ event_type: string; count: string }>(
      `SELECT event_type, count(*) AS count FROM inbox_events GROUP BY event_type ORDER BY 2 DESC`,
    );
    const applied = inbox.rows.reduce((sum, { count }) => sum + Number(count), 0);
    const ours = await client.query<{ count: string }>(
      `SELECT count(*) AS count FROM deliveries WHERE channel = 'webhook' AND ticket_id IN
         (SELECT ticket_id FROM ticket_projections WHERE title LIKE $1)`,
      [`${marker}%`],
    );
    const row = written.rows[0];
    const firstMs = Number(row?.first_ms);
    const lastMs = Number(row?.last_ms);
    return {
      statuses: Object.fromEntries(
        statuses.rows.map(({ status, count }) => [status, Number(count)]),
      ),
      consumerRate: perSecond(Number(row?.count), firstMs, lastMs),
      consumerSpanMs: lastMs - firstMs,
      claims: estimateClaims(
        started.rows.map(({ started_ms }) => Number(started_ms)),
        DISPATCH_BATCH_SIZE,
      ),
      ...(live && live.ids.size > 0
        ? { latencyParts: await latencyParts(client, live.arrivals, live.ids) }
        : {}),
      applied: {
        total: applied,
        ours: Number(ours.rows[0]?.count),
        otherTypes: inbox.rows
          .filter(({ event_type }) => event_type !== TicketCreated.type)
          .map(({ event_type, count }) => `${count} ${event_type}`)
          .join(', '),
      },
      postgres: version?.server_version ?? 'unknown',
    };
  } finally {
    await client.end();
  }
}

/** Every post of the platform must carry a valid X-ITSM-Signature; answers how many were checked. */
function checkSignatures(mailbox: Mailbox, secret: string): number {
  for (const { timestamp, signature, body } of mailbox.signed) {
    const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
    if (signature !== expected)
      throw new Error(`a webhook arrived with a wrong signature (${signature.slice(0, 20)}…)`);
  }
  return mailbox.signed.length;
}

interface RunDetails {
  figures: RunFigures;
  service: ServiceFigures;
  /** Warnings and errors of the restarted notifications process. */
  serviceLogs: ReturnType<typeof summarizeLogs>;
  outboxDrainMs: number;
  createdPerSecond: number;
  loadAtMeasurement: number;
  partitions: number;
  baselineSkipped: number;
  foreignPosts: number;
  duplicatePosts: number;
  firstPostAfterStartMs: number;
  readyAfterMs: number;
  signaturesChecked: number;
  latencyLateStarts: number;
}

async function runBenchmark(
  options: NotificationsBenchOptions,
  smtp: SmtpSink,
  receiver: WebhookReceiver,
  marker: string,
  runId: string,
): Promise<RunDetails> {
  // Created before anything can post, so every post finds its mailbox.
  const platformBox = receiver.mailbox('/platform', true);
  const baselineBox = receiver.mailbox('/baseline');
  const liveBaselineBox = receiver.mailbox('/live-baseline');

  const bundleAtStart = bundleVersion();
  out('starting gateway, tickets and notifications on fresh databases...');
  return using(
    startPlatform({
      notifications: {
        smtpUrl: smtp.url,
        env: { DISPATCH_POLL_MS: String(options.dispatchPollMs) },
      },
    }),
    (platform) => platform.stop(),
    async (platform) => {
      const notifications: RunningNotifications | undefined = platform.notifications;
      if (!notifications) throw new Error('the platform started without notifications');
      const { accessToken, secret } = await subscribeThroughGateway(
        platform,
        receiver.urlOf('/platform'),
        runId,
      );
      out('webhook subscription created through the gateway; stopping notifications...');
      await notifications.service.stop();

      const startOffsets = await topicEnds(Topics.tickets);
      const tickets = new TicketsGrpcClient(
        platform.ticketsGrpcUrl,
        administratorPrincipal(accessToken),
      );
      try {
        out(
          `creating ${options.events} tickets over gRPC (${options.createConcurrency} at a time)...`,
        );
        const backlogIds: string[] = new Array<string>(options.events).fill('');
        const creation = await runLoad(
          {
            count: options.events,
            concurrency: options.createConcurrency,
            timeoutMs: options.timeoutMs,
          },
          async (index) => {
            const ticket = await tickets.createTicket(
              `${marker} #${index}`,
              `emp-${runId}-${index}`,
            );
            backlogIds[index] = ticket.id;
          },
        );
        failUnlessClean('creating tickets', options.events, creation);
        const createdPerSecond = perSecond(options.events, 0, creation.elapsedMs);
        const outboxDrainMs = await waitForEmptyOutbox(
          platform.ticketsDatabase.url,
          options.timeoutMs,
        );
        out(
          `${options.events} tickets in ${(creation.elapsedMs / 1000).toFixed(1)} s; ` +
            `their events are in Kafka (outbox empty ${outboxDrainMs.toFixed(0)} ms later)`,
        );

        const loadAtMeasurement = await waitForQuietMachine(options);
        out(
          `baseline: kafkajs → fetch, ${options.concurrency} posts in flight ` +
            `(load average ${(loadavg()[0] ?? 0).toFixed(2)})...`,
        );
        const baseline = await kafkaToHttp(
          {
            topic: Topics.tickets,
            startOffsets,
            eventType: TicketCreated.type,
            marker: `${marker} #`,
            url: receiver.urlOf('/baseline'),
            concurrency: options.concurrency,
            count: options.events,
          },
          options.timeoutMs,
        );
        if (baselineBox.arrivals.size !== options.events || baselineBox.duplicates > 0) {
          throw new Error(
            `baseline: the receiver got ${baselineBox.arrivals.size} of ${options.events} events ` +
              `(${baselineBox.duplicates} twice)`,
          );
        }

        out(
          `platform: starting notifications on its backlog (load average ${(loadavg()[0] ?? 0).toFixed(2)})...`,
        );
        if (bundleVersion() !== bundleAtStart) {
          throw new Error(
            `${NOTIFICATIONS_BUNDLE} was rebuilt while the benchmark ran (its database was ` +
              'migrated by the earlier build); run it again',
          );
        }
        const startMs = performance.now();
        notifications.service = await ServiceProcess.start({
          service: 'notifications',
          httpPort: notifications.httpPort,
          env: notifications.env,
        });
        const readyAfterMs = performance.now() - startMs;
        await platformBox
          .untilCount(options.events, options.timeoutMs, 'platform')
          .catch((error: Error) => {
            throw new Error(`${error.message}\n${logExcerpt(notifications.service.logs)}`);
          });
        const backlogSet = new Set(backlogIds);
        const backlogArrivals = [...platformBox.arrivals.values()].filter(({ ticketId }) =>
          backlogSet.has(ticketId),
        );
        const platformSpan = arrivalSpan(backlogArrivals);
        const figures: RunFigures = {
          events: options.events,
          platform: backlogSide(options.events, { startMs, ...platformSpan }),
          baseline: backlogSide(options.events, {
            startMs: baseline.connectStartedMs,
            firstMs: baseline.firstReadMs,
            lastMs: baseline.lastOkMs,
          }),
        };
        out(
          `platform delivered ${options.events} webhooks ${((platformSpan.lastMs - startMs) / 1000).toFixed(1)} s ` +
            `after its start (ready after ${(readyAfterMs / 1000).toFixed(1)} s)`,
        );

        let latencyLateStarts = 0;
        const liveIds = new Set<string>();
        if (options.latencyEvents > 0) {
          out(
            `latency: ${options.latencyEvents} tickets at ${options.latencyRate}/s, ` +
              'delivered by the platform and by a live baseline consumer at once...',
          );
          await kafkaToHttp(
            {
              topic: Topics.tickets,
              startOffsets: await topicEnds(Topics.tickets),
              eventType: TicketCreated.type,
              marker: `${marker} live`,
              url: receiver.urlOf('/live-baseline'),
              concurrency: options.concurrency,
              count: options.latencyEvents,
            },
            options.timeoutMs,
            async (run) => {
              // A consumer still joining would add its join to the first tickets' latency.
              await withTimeout(run.joined, 60_000, 'live baseline consumer joining');
              const created = await runAtRate(
                {
                  count: options.latencyEvents,
                  ratePerSecond: options.latencyRate,
                  timeoutMs: options.timeoutMs,
                },
                async (index) => {
                  const ticket = await tickets.createTicket(
                    `${marker} live #${index}`,
                    `emp-${runId}-live-${index}`,
                  );
                  liveIds.add(ticket.id);
                },
              );
              failUnlessClean('creating live tickets', options.latencyEvents, created);
              latencyLateStarts = created.lateStarts;
            },
          );
          await platformBox.untilCount(
            options.events + options.latencyEvents,
            options.timeoutMs,
            'platform, latency phase',
          );
          figures.latency = {
            platform: latencyFigures(
              [...platformBox.arrivals.values()].filter(({ ticketId }) => liveIds.has(ticketId)),
            ),
            baseline: latencyFigures(liveBaselineBox.arrivals.values()),
          };
        }

        const service = await serviceFigures(notifications.database.url, backlogIds, marker, {
          arrivals: platformBox.arrivals,
          ids: liveIds,
        });
        const signaturesChecked = checkSignatures(platformBox, secret);
        return {
          figures,
          service,
          serviceLogs: summarizeLogs(notifications.service.logs),
          outboxDrainMs,
          createdPerSecond,
          loadAtMeasurement,
          partitions: startOffsets.length,
          baselineSkipped: baseline.skipped,
          foreignPosts: platformBox.foreign,
          duplicatePosts: platformBox.duplicates,
          firstPostAfterStartMs: platformSpan.firstMs - startMs,
          readyAfterMs,
          signaturesChecked,
          latencyLateStarts,
        };
      } finally {
        tickets.close();
      }
    },
  );
}

function describeRun(details: RunDetails, options: NotificationsBenchOptions): string {
  const { figures, service } = details;
  const statuses = Object.entries(service.statuses)
    .map(([status, count]) => `${count} ${status}`)
    .join(', ');
  const claims = service.claims;
  const latency = figures.latency
    ? ` Latency phase: ${figures.latency.platform.count} tickets at ${options.latencyRate}/s ` +
      `(${details.latencyLateStarts} late starts), ticket created_at → arrival at the receiver; ` +
      `max ${figures.latency.platform.maxMs.toFixed(1)} ms (baseline ${figures.latency.baseline.maxMs.toFixed(1)} ms)` +
      (service.latencyParts
        ? `; medians: created → delivery written ${service.latencyParts.toWrittenMs.toFixed(0)} ms, ` +
          `→ post started ${service.latencyParts.toSentMs.toFixed(0)} ms, ` +
          `→ arrival ${service.latencyParts.toArrivalMs.toFixed(0)} ms.`
        : '.')
    : '';
  return (
    `Platform: process start → first post ${(details.firstPostAfterStartMs / 1000).toFixed(2)} s ` +
    `(ready after ${(details.readyAfterMs / 1000).toFixed(2)} s), first → last post ` +
    `${(figures.platform.spanMs / 1000).toFixed(2)} s; the consumer wrote the deliveries at ` +
    `${service.consumerRate.toFixed(1)}/s (${(service.consumerSpanMs / 1000).toFixed(2)} s); ` +
    `about ${claims.claims} claims of ${claims.meanSize.toFixed(1)} on average ` +
    `(${claims.fullClaims} full, median pause ${claims.medianGapMs.toFixed(0)} ms); ` +
    `deliveries ${statuses}; ${details.signaturesChecked} signatures checked, ` +
    `${details.duplicatePosts} posted twice, ${details.foreignPosts} posts of other runs' tickets; ` +
    `the consumer applied ${service.applied.total} events, ${service.applied.ours} of them this ` +
    `run's tickets (others: ${service.applied.otherTypes || 'none'}); the service logged ` +
    `${details.serviceLogs.count} warnings/errors${details.serviceLogs.top.length > 0 ? ` (${details.serviceLogs.top.join('; ')})` : ''}. ` +
    `Baseline: first read → last 200 ${(figures.baseline.spanMs / 1000).toFixed(2)} s, ` +
    `consumer connect → last 200 ${(figures.baseline.fromStartMs / 1000).toFixed(2)} s, ` +
    `${details.baselineSkipped} other events skipped.${latency}`
  );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), join(workspaceRoot, 'bench/RESULTS.md'));
  if (options === 'help') {
    out(USAGE);
    return;
  }
  assertLoopbackInfrastructure();
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  const runId = randomBytes(4).toString('hex');
  // In every ticket title, so both sides tell this run's events from others on the shared topic.
  const marker = `[bench ${runId}]`;
  out(
    `notifications: ${options.events} ticket.created events waiting in Kafka, delivered as ` +
      `webhooks by the notifications service vs a plain kafkajs consumer posting them ` +
      `(${options.concurrency} in flight); DISPATCH_POLL_MS ${options.dispatchPollMs}; ` +
      `load average ${loadAtStart.toFixed(2)}`,
  );
  const details = await using(
    Promise.all([SmtpSink.start(), WebhookReceiver.start(marker)]),
    async ([smtp, receiver]) => {
      await receiver.stop();
      await smtp.stop();
    },
    ([smtp, receiver]) => runBenchmark(options, smtp, receiver, marker, runId),
  );
  out(`\n${formatTable(details.figures)}\n`);
  const note = describeRun(details, options);
  out(note);
  if (!options.record) return;

  const date = new Date().toISOString().slice(0, 10);
  const commit = commitOfWorkspace();
  const machine =
    `${availableParallelism()} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
    `Node ${process.version}, PostgreSQL ${details.service.postgres}, load average ` +
    `${loadAtStart.toFixed(2)} at start, ${details.loadAtMeasurement.toFixed(2)} when measuring`;
  appendResultsFile(
    options.results,
    notificationsResultRows(details.figures, { date, commit }),
    `${date} notifications ${commit}: ${machine}; ${options.events} tickets created over gRPC ` +
      `(${details.createdPerSecond.toFixed(0)}/s) while the notifications service was stopped, ` +
      `their ticket.created events waiting on the ${details.partitions}-partition tickets topic; ` +
      `one webhook subscription to a local node:http receiver answering 200 at once; ` +
      `DISPATCH_POLL_MS ${options.dispatchPollMs}, DISPATCH_BATCH_SIZE ${DISPATCH_BATCH_SIZE}; ` +
      `platform = the service restarted on the backlog (throughput first → last delivered post), ` +
      `baseline = kafkajs consumer in a fresh group from the same offsets POSTing each value with ` +
      `fetch, ${options.concurrency} in flight (first read → last 200)\n${note}`,
  );
  out(`results appended to ${options.results}`);
}

runBenchmarkMain('notifications', main);
