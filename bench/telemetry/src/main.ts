import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Topics } from '@itsm/contracts';
import {
  aTicketRequestBody,
  appendResultsFile,
  assertLoopbackInfrastructure,
  commitOfWorkspace,
  formatFigure,
  type LoadResult,
  runBenchmarkMain,
  type RunningPlatform,
  runLoad,
  type ServiceProcess,
  startPlatform,
  type TestDatabase,
  testKafka,
  using,
  workspaceRoot,
} from '@itsm/testing';
import type { Admin } from 'kafkajs';
import { expectJson, GatewayClient } from './gateway-client';
import { OTLP_SINK_ROLE, OtlpSinkProcess, runOtlpSinkProcess } from './otlp-sink-process';
import { parseOptions, type TelemetryBenchOptions, USAGE } from './options';
import { PipelineProbe, waitForQuietPipeline } from './pipeline';
import { cpuMsOf } from './process-cpu';
import {
  exportProblems,
  formatTable,
  pairCostsPercent,
  type RoundFigures,
  sideFigures,
  sideSummary,
  telemetryResultRows,
} from './report';
import {
  droppedSpans,
  inheritedTelemetryVariables,
  METRIC_EXPORT_INTERVAL_MS,
  roundModes,
  type TelemetryMode,
  samplerEnv,
  samplingLabel,
  telemetryEnv,
} from './telemetry-env';

/** Every request of the run passes the gateway's limiter: the figure is the platform, not the limit. */
const PLATFORM_ENV = { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_BURST: '100000' };
const TICKETS_PATH = '/api/v1/tickets';

const out = (line: string): void => void process.stdout.write(`${line}\n`);

/**
 * An integration's API key with `tickets:write`, created by the administrator: the way
 * monitoring and mail gateways file tickets, the platform's busiest intake. The gateway
 * looks the key up in its database on every request.
 */
async function integrationKey(
  gateway: GatewayClient,
  admin: RunningPlatform['admin'],
): Promise<Record<string, string>> {
  const session = expectJson<{ accessToken: string }>(
    await gateway.postJson('/api/v1/auth/sign-in', admin, {}),
    200,
    'sign-in',
  );
  const asAdmin = { authorization: `Bearer ${session.accessToken}` };
  const account = expectJson<{ id: string }>(
    await gateway.postJson(
      '/api/v1/service-accounts',
      { name: `bench-telemetry-${Date.now()}` },
      asAdmin,
    ),
    201,
    'create service account',
  );
  const created = expectJson<{ key: string }>(
    await gateway.postJson(
      `/api/v1/service-accounts/${account.id}/api-keys`,
      { name: 'bench', scopes: ['tickets:write'] },
      asAdmin,
    ),
    201,
    'create API key',
  );
  return { 'x-api-key': created.key };
}

function failUnlessClean(label: string, count: number, result: LoadResult): void {
  if (result.failures > 0 || !result.finished) {
    throw new Error(
      `${label}: ${result.failures} of ${count} requests failed` +
        `${result.finished ? '' : ', time ran out'}; first failure: ${result.firstFailure ?? '-'}`,
    );
  }
}

/** Opens `count` tickets through the gateway, closed loop; every answer must be a 201. */
async function openTickets(
  gateway: GatewayClient,
  auth: Record<string, string>,
  count: number,
  options: TelemetryBenchOptions,
  label: string,
): Promise<LoadResult> {
  const result = await runLoad(
    { count, concurrency: options.concurrency, timeoutMs: options.timeoutMs },
    async () => {
      expectJson(
        await gateway.postJson(TICKETS_PATH, aTicketRequestBody(), auth),
        201,
        'POST ticket',
      );
    },
  );
  failUnlessClean(label, count, result);
  return result;
}

/** The consumers between a ticket's creation and the end of its processing, and their topics. */
function pipelineProbe(admin: Admin, platform: RunningPlatform): PipelineProbe {
  const { sla, routing } = platform;
  if (!sla || !routing) throw new Error('the platform runs without SLA or routing');
  return new PipelineProbe(
    admin,
    [platform.ticketsDatabase, sla.database, routing.database],
    [
      { groupId: sla.consumerGroup, topics: [Topics.tickets] },
      { groupId: routing.consumerGroup, topics: [Topics.tickets, Topics.sla] },
      // The fixture names the tickets service's group after its database (platform-fixture.ts);
      // if that changes, this group never moves and the wait fails rather than passing early.
      { groupId: `itsm-tickets-${platform.ticketsDatabase.name}`, topics: [Topics.routing] },
    ],
  );
}

type MeasuredRound = Omit<RoundFigures, 'exports' | 'droppedSpans'>;

/**
 * One round: a fresh platform (gateway, tickets, SLA, routing on fresh databases) on one
 * side, a discarded warm-up, a quiet pipeline, the measured tickets, a quiet pipeline again.
 */
async function runRound(
  options: TelemetryBenchOptions,
  mode: TelemetryMode,
  sink: OtlpSinkProcess,
  admin: Admin,
): Promise<RoundFigures> {
  await sink.take();
  let services: ServiceProcess[] = [];
  const measured = await using(
    startPlatform({
      env: { ...PLATFORM_ENV, ...telemetryEnv(mode, sink.endpoint, options.traceRatio) },
      sla: true,
      routing: true,
    }),
    (platform) => platform.stop(),
    async (platform): Promise<MeasuredRound> => {
      const { sla, routing } = platform;
      services = [platform.gateway, platform.tickets];
      if (sla) services.push(sla.service);
      if (routing) services.push(routing.service);
      const probe = pipelineProbe(admin, platform);
      const gateway = new GatewayClient(platform.gatewayUrl, options.concurrency);
      try {
        const auth = await integrationKey(gateway, platform.admin);
        if (options.warmup > 0)
          await openTickets(gateway, auth, options.warmup, options, `${mode} warm-up`);
        await waitForQuietPipeline(probe, { timeoutMs: options.timeoutMs });

        const pids = services.map((service) => service.pid);
        const cpuBefore = cpuMsOf(pids);
        const result = await openTickets(gateway, auth, options.requests, options, mode);
        const drainMs = await waitForQuietPipeline(probe, { timeoutMs: options.timeoutMs });
        const serviceCpuMs = cpuMsOf(pids) - cpuBefore;

        const [row] = await platform.ticketsDatabase.query<{ tickets: number }>(
          'SELECT count(*)::int AS tickets FROM tickets',
        );
        const tickets = row?.tickets ?? 0;
        if (tickets !== options.warmup + options.requests) {
          throw new Error(
            `${mode}: expected ${options.warmup + options.requests} tickets, found ${tickets}`,
          );
        }
        const applied = async (database: TestDatabase): Promise<number> => {
          const [events] = await database.query<{ applied: number }>(
            'SELECT count(*)::int AS applied FROM inbox_events',
          );
          return events?.applied ?? 0;
        };
        return {
          mode,
          eventsApplied: {
            tickets: await applied(platform.ticketsDatabase),
            sla: sla ? await applied(sla.database) : 0,
            routing: routing ? await applied(routing.database) : 0,
          },
          latenciesMs: result.latenciesMs,
          elapsedMs: result.elapsedMs,
          drainMs,
          serviceCpuMs,
          tickets,
        };
      } finally {
        gateway.close();
      }
    },
  );
  // Read after the platform stopped: the SDKs flush what they hold when a service shuts down.
  const exports = await sink.take();
  const dropped = services.reduce((sum, service) => sum + droppedSpans(service.logs), 0);
  return { ...measured, exports, droppedSpans: dropped };
}

async function waitForQuietMachine(options: TelemetryBenchOptions): Promise<number> {
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

async function runRounds(options: TelemetryBenchOptions): Promise<RoundFigures[]> {
  const script = process.argv[1];
  if (!script) throw new Error('cannot tell which script to run the OTLP sink from');
  return using(
    OtlpSinkProcess.start(script),
    (sink) => sink.stop(),
    (sink) =>
      using(
        (async () => {
          const admin = testKafka('bench-telemetry').admin();
          await admin.connect();
          return admin;
        })(),
        (admin) => admin.disconnect(),
        async (admin) => {
          const rounds: RoundFigures[] = [];
          for (const [index, mode] of roundModes(options.rounds).entries()) {
            const started = performance.now();
            out(
              `round ${index + 1}/${options.rounds}: OpenTelemetry ${mode} ` +
                `(load average ${(loadavg()[0] ?? 0).toFixed(2)})...`,
            );
            const round = await runRound(options, mode, sink, admin);
            out(
              `  ${formatFigure((round.latenciesMs.length * 1000) / round.elapsedMs, 1)} req/s, ` +
                `pipeline quiet ${round.drainMs.toFixed(0)} ms after the last answer, ` +
                `${round.exports.spans} spans in ${round.exports.traceExports} trace exports, ` +
                `${round.exports.metricExports} metric exports, events applied by tickets/SLA/` +
                `routing ${round.eventsApplied.tickets}/${round.eventsApplied.sla}/` +
                `${round.eventsApplied.routing} for ${round.tickets} tickets ` +
                `(round ${((performance.now() - started) / 1000).toFixed(0)} s)`,
            );
            rounds.push(round);
          }
          return rounds;
        },
      ),
  );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), join(workspaceRoot, 'bench/RESULTS.md'));
  if (options === 'help') {
    out(USAGE);
    return;
  }
  assertLoopbackInfrastructure();
  const inherited = inheritedTelemetryVariables(process.env);
  for (const name of inherited) Reflect.deleteProperty(process.env, name);
  if (inherited.length > 0) out(`ignoring ${inherited.join(', ')} of this shell`);

  const startedAt = performance.now();
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  out(
    `telemetry: POST ${TICKETS_PATH} with an API key through gateway → tickets → Kafka → SLA ` +
      `and routing, OpenTelemetry off vs on (OTLP/HTTP protobuf to a discarding sink, ` +
      `${samplingLabel(options.traceRatio)}); ${options.requests} tickets per round after ${options.warmup} ` +
      `warm-up at concurrency ${options.concurrency}, ${options.rounds} rounds ` +
      `(${roundModes(options.rounds).join(', ')}); load average ${loadAtStart.toFixed(2)}`,
  );
  const loadAtMeasurement = await waitForQuietMachine(options);
  const rounds = await runRounds(options);
  const loadAtEnd = loadavg()[0] ?? Number.NaN;

  const problems = exportProblems(rounds);
  if (problems.length > 0) throw new Error(`the run cannot stand:\n  ${problems.join('\n  ')}`);
  const off = sideFigures('off', rounds);
  const on = sideFigures('on', rounds);
  const pairCosts = pairCostsPercent(rounds)
    .map((cost) => `${formatFigure(cost, 1)} %`)
    .join(', ');
  out(`\n${formatTable(off, on)}`);
  out(`cost per pair of rounds: ${pairCosts}`);
  out(`${sideSummary(off)}\n${sideSummary(on)}`);
  if (on.droppedSpans > 0)
    out(
      `WARNING: the SDKs dropped ${on.droppedSpans} spans (queue full): "on" is cheaper than it should be`,
    );
  out(`run took ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);

  if (!options.record) return;
  const date = new Date().toISOString().slice(0, 10);
  const commit = commitOfWorkspace();
  const machine =
    `${availableParallelism()} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
    `Node ${process.version}, load average ${loadAtStart.toFixed(2)} at start, ` +
    `${loadAtMeasurement.toFixed(2)} before the first round, ${loadAtEnd.toFixed(2)} at the end`;
  appendResultsFile(
    options.results,
    telemetryResultRows(off, on, { date, commit, traceRatio: options.traceRatio }),
    `${date} telemetry ${commit}: ${machine}; POST ${TICKETS_PATH} (aTicketRequestBody) with an ` +
      `integration API key (tickets:write) over keep-alive HTTP/1.1, closed loop at concurrency ` +
      `${options.concurrency}, through gateway, tickets, SLA and routing as processes, each round ` +
      `on a fresh platform and databases; ${options.rounds} rounds ` +
      `(${roundModes(options.rounds).join(', ')}) of ${options.requests} tickets after ` +
      `${options.warmup} warm-up, the event pipeline quiet before and after each; "off" = ` +
      `OTEL_SDK_DISABLED=true, "on" = the same variables with false: traces over OTLP/HTTP ` +
      `protobuf to a discarding sink process, batch span processor with its defaults, ` +
      `${samplerEnv(options.traceRatio)['OTEL_TRACES_SAMPLER']} ` +
      `(${samplingLabel(options.traceRatio)}), metrics over OTLP every ` +
      `${METRIC_EXPORT_INTERVAL_MS / 1000} s; rate limit raised; CPU = the four services' ` +
      `user+system time from the first measured request until the pipeline was quiet\n` +
      `${sideSummary(off)}. ${sideSummary(on)}. Throughput cost per pair of rounds: ${pairCosts}.`,
  );
  out(`results appended to ${options.results}`);
}

if (process.argv[2] === OTLP_SINK_ROLE) runOtlpSinkProcess();
else runBenchmarkMain('telemetry', main);
