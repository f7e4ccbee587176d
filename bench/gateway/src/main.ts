import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  aTicketRequestBody,
  appendResultsFile,
  assertLoopbackInfrastructure,
  commitOfWorkspace,
  type LoadResult,
  runBenchmarkMain,
  type RunningPlatform,
  runLoad,
  startPlatform,
  using,
  workspaceRoot,
} from '@itsm/testing';
import { expectJson, expectTicket, GatewayClient } from './gateway-client';
import { type GatewayBenchOptions, parseOptions, USAGE } from './options';
import { administratorMetadataValue } from './principal';
import {
  formatLevelTable,
  gatewayResultRows,
  type LevelFigures,
  levelSummary,
  overheadMs,
  sideFigures,
} from './report';
import { TicketsGrpcClient } from './tickets-client';
import { idPlan, roundSlices, turnOrder } from './workload';

/** Every request of the run passes the gateway's limiter: the figure is the path, not the limit. */
const PLATFORM_ENV = { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_BURST: '100000' };
const TICKETS_PATH = '/api/v1/tickets';

const out = (line: string): void => void process.stdout.write(`${line}\n`);

type SideName = 'bearer' | 'apiKey' | 'baseline';

interface Side {
  name: SideName;
  /** Reads one ticket and checks the answer; throws on anything else. */
  read: (id: string) => Promise<void>;
}

/** The administrator's access token, signed in again before a phase once half its life is gone. */
class AdministratorSession {
  private token = '';
  private renewAtMs = 0;

  constructor(
    private readonly gateway: GatewayClient,
    private readonly credentials: RunningPlatform['admin'],
  ) {}

  async current(): Promise<string> {
    if (Date.now() < this.renewAtMs) return this.token;
    const session = expectJson<{ accessToken: string; expiresIn: number }>(
      await this.gateway.postJson('/api/v1/auth/sign-in', this.credentials, {}),
      200,
      'sign-in',
    );
    this.token = session.accessToken;
    this.renewAtMs = Date.now() + (session.expiresIn * 1000) / 2;
    return this.token;
  }

  /** The token of the last sign-in, for the requests of a phase (current() runs before each). */
  get bearer(): Record<string, string> {
    return { authorization: `Bearer ${this.token}` };
  }
}

/** Opens `count` tickets through the gateway (four at a time) and answers their ids. */
async function seedTickets(
  gateway: GatewayClient,
  session: AdministratorSession,
  count: number,
  timeoutMs: number,
): Promise<string[]> {
  await session.current();
  const ids = new Array<string>(count).fill('');
  const result = await runLoad({ count, concurrency: 4, timeoutMs }, async (index) => {
    const ticket = expectJson<{ id: string }>(
      await gateway.postJson(TICKETS_PATH, aTicketRequestBody(), session.bearer),
      201,
      'POST ticket',
    );
    ids[index] = ticket.id;
  });
  failUnlessClean('seeding', count, result);
  return ids;
}

/** A service account with a `tickets:read` key, created by the administrator; answers the key. */
async function createApiKey(
  gateway: GatewayClient,
  session: AdministratorSession,
): Promise<string> {
  await session.current();
  const account = expectJson<{ id: string }>(
    await gateway.postJson(
      '/api/v1/service-accounts',
      { name: `bench-gateway-${Date.now()}` },
      session.bearer,
    ),
    201,
    'create service account',
  );
  const created = expectJson<{ key: string }>(
    await gateway.postJson(
      `/api/v1/service-accounts/${account.id}/api-keys`,
      { name: 'bench', scopes: ['tickets:read'] },
      session.bearer,
    ),
    201,
    'create API key',
  );
  return created.key;
}

function failUnlessClean(label: string, count: number, result: LoadResult): void {
  if (result.failures > 0 || !result.finished) {
    throw new Error(
      `${label}: ${result.failures} of ${count} requests failed` +
        `${result.finished ? '' : ', time ran out'}; first failure: ${result.firstFailure ?? '-'}`,
    );
  }
}

async function waitForQuietMachine(options: GatewayBenchOptions): Promise<number> {
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

/**
 * One concurrency level: a discarded warm-up per side, then the measured requests in rounds,
 * every side reading the same ids in the same order, the sides taking turns in rotating order.
 */
async function measureLevel(
  options: GatewayBenchOptions,
  concurrency: number,
  ids: readonly string[],
  sides: readonly Side[],
  session: AdministratorSession,
): Promise<LevelFigures> {
  const phase = async (side: Side, plan: readonly string[], label: string): Promise<LoadResult> => {
    await session.current();
    const result = await runLoad(
      { count: plan.length, concurrency, timeoutMs: options.timeoutMs },
      (index) => side.read(plan[index] ?? ''),
    );
    failUnlessClean(`${side.name} ${label} at concurrency ${concurrency}`, plan.length, result);
    return result;
  };
  const warmup = idPlan(ids, options.warmup, 1000 + concurrency);
  if (warmup.length > 0) for (const side of sides) await phase(side, warmup, 'warm-up');

  const plan = idPlan(ids, options.requests, concurrency);
  const measured = new Map<SideName, { latenciesMs: number[]; elapsedMs: number }>(
    sides.map((side) => [side.name, { latenciesMs: [], elapsedMs: 0 }]),
  );
  for (const [round, [start, end]] of roundSlices(plan.length, options.rounds).entries()) {
    for (const side of turnOrder(sides, round)) {
      const result = await phase(side, plan.slice(start, end), `round ${round + 1}`);
      const figures = measured.get(side.name);
      figures?.latenciesMs.push(...result.latenciesMs);
      if (figures) figures.elapsedMs += result.elapsedMs;
    }
  }
  const figuresOf = (name: SideName) => {
    const side = measured.get(name);
    return side ? sideFigures(side.latenciesMs, side.elapsedMs) : undefined;
  };
  const bearer = figuresOf('bearer');
  const baseline = figuresOf('baseline');
  if (!bearer || !baseline) throw new Error('the bearer and baseline sides must both run');
  const apiKey = figuresOf('apiKey');
  return { concurrency, bearer, baseline, ...(apiKey ? { apiKey } : {}) };
}

interface RunFigures {
  levels: LevelFigures[];
  loadAtMeasurement: number;
}

async function runBenchmark(options: GatewayBenchOptions): Promise<RunFigures> {
  out('starting gateway and tickets on fresh databases...');
  return using(
    startPlatform({
      env: options.cpuProfileDir
        ? {
            ...PLATFORM_ENV,
            NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${resolve(options.cpuProfileDir)}`,
          }
        : PLATFORM_ENV,
    }),
    (platform) => platform.stop(),
    async (platform) => {
      const gateway = new GatewayClient(platform.gatewayUrl, Math.max(4, ...options.concurrency));
      const session = new AdministratorSession(gateway, platform.admin);
      let tickets: TicketsGrpcClient | undefined;
      try {
        out(`opening ${options.tickets} tickets through the gateway...`);
        const ids = await seedTickets(gateway, session, options.tickets, options.timeoutMs);
        const apiKey = options.apiKey ? await createApiKey(gateway, session) : undefined;
        const directClient = new TicketsGrpcClient(
          platform.ticketsGrpcUrl,
          administratorMetadataValue(await session.current()),
        );
        tickets = directClient;
        const sides: Side[] = [
          {
            name: 'bearer',
            read: async (id) =>
              expectTicket(await gateway.get(`${TICKETS_PATH}/${id}`, session.bearer), id),
          },
          ...(apiKey
            ? [
                {
                  name: 'apiKey' as const,
                  read: async (id: string) =>
                    expectTicket(
                      await gateway.get(`${TICKETS_PATH}/${id}`, { 'x-api-key': apiKey }),
                      id,
                    ),
                },
              ]
            : []),
          { name: 'baseline', read: (id) => directClient.getTicket(id) },
        ];
        out(
          `checking every side reads every ticket (${sides.map((side) => side.name).join(', ')})...`,
        );
        for (const side of sides) {
          const result = await runLoad(
            { count: ids.length, concurrency: 1, timeoutMs: options.timeoutMs },
            (index) => side.read(ids[index] ?? ''),
          );
          failUnlessClean(`${side.name} check`, ids.length, result);
        }

        const loadAtMeasurement = await waitForQuietMachine(options);
        const levels: LevelFigures[] = [];
        for (const concurrency of options.concurrency) {
          out(
            `measuring at concurrency ${concurrency} (load average ${(loadavg()[0] ?? 0).toFixed(2)})...`,
          );
          const level = await measureLevel(options, concurrency, ids, sides, session);
          out(`${formatLevelTable(level)}\n`);
          levels.push(level);
        }
        return { levels, loadAtMeasurement };
      } finally {
        tickets?.close();
        gateway.close();
      }
    },
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
  out(
    `gateway: GET ${TICKETS_PATH}/{id} through the gateway (bearer${options.apiKey ? ', API key' : ''}) ` +
      `vs GetTicket straight to the tickets service over gRPC; ${options.requests} requests per side ` +
      `after ${options.warmup} warm-up at concurrency ${options.concurrency.join(' and ')} in ` +
      `${options.rounds} rounds; load average ${loadAtStart.toFixed(2)}`,
  );
  const figures = await runBenchmark(options);
  const [recorded] = figures.levels;
  if (!recorded) throw new Error('no concurrency level was measured');

  out('overhead per request (gateway p50 − direct gRPC p50):');
  for (const level of figures.levels) {
    out(
      `  concurrency ${level.concurrency}: bearer ${overheadMs(level.bearer, level.baseline).toFixed(2)} ms` +
        (level.apiKey ? `, API key ${overheadMs(level.apiKey, level.baseline).toFixed(2)} ms` : ''),
    );
  }

  if (options.cpuProfileDir)
    out(`CPU profiles of the services (written as they stop): ${resolve(options.cpuProfileDir)}`);
  if (!options.record) return;
  const date = new Date().toISOString().slice(0, 10);
  const commit = commitOfWorkspace();
  const machine =
    `${availableParallelism()} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
    `Node ${process.version}, load average ${loadAtStart.toFixed(2)} at start, ` +
    `${figures.loadAtMeasurement.toFixed(2)} when measuring`;
  appendResultsFile(
    options.results,
    gatewayResultRows(recorded, { date, commit }),
    `${date} gateway ${commit}: ${machine}; ${options.tickets} tickets opened through the gateway; ` +
      `GET ${TICKETS_PATH}/{id} of random ones over keep-alive HTTP/1.1 as the administrator ` +
      `(bearer token${options.apiKey ? '; also an API key with tickets:read' : ''}) vs GetTicket ` +
      `over gRPC straight to the tickets service with the same principal in x-itsm-principal; ` +
      `${options.requests} requests per side and level after ${options.warmup} warm-up, ` +
      `${options.rounds} rounds with the sides in turn, same ids; rate limit raised; ` +
      `rows at concurrency ${recorded.concurrency}\n` +
      figures.levels.map(levelSummary).join(' '),
  );
  out(`results appended to ${options.results}`);
}

runBenchmarkMain('gateway', main);
