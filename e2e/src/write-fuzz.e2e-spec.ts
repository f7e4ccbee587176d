import { eventually } from '@itsm/testing';
import type { ProblemBody, TicketBody } from './support/api-bodies';
import { type CallerFetch, fetchAs } from './support/api-session';
import { type DatabaseSnapshot, snapshotOf } from './support/database-snapshot';
import { type MalformedBody, malformedBodies } from './support/malformed-bodies';
import {
  type DocumentedOperation,
  fetchOpenApiDocument,
  type OpenApiDocument,
  operationsOf,
} from './support/openapi-document';
import { platformSuite } from './support/platform-suite';
import { type SeededRandom, seededRandom } from './support/seeded-random';

/** Change it to explore other bodies; a failure names the seed it ran with. */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261127);
const BODIES_PER_OPERATION = 20;
const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/** Outbox and inbox rows come and go with the relay and with other runs' events on Kafka. */
const TRANSIENT_TABLES = ['outbox_events', 'inbox_events'];
/** Gateway tables whose rows record use (last used, last seen) rather than changes. */
const USE_RECORDING_TABLES = new Set(['api_keys', 'sessions', 'refresh_tokens']);

interface Outcome {
  caller: string;
  operation: DocumentedOperation;
  body: MalformedBody;
  status: number;
  /** What is wrong with the answer; undefined when it is a proper refusal. */
  failure?: string;
}

function uuidFrom(random: SeededRandom): string {
  const hex = Array.from({ length: 32 }, () => random.below(16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

describe('malformed bodies on every write of the API', () => {
  const suite = platformSuite({
    sla: true,
    routing: true,
    knowledge: true,
    cmdb: true,
    // Every body must reach validation: no caller may be slowed down to a 429.
    env: {
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_BURST: '1000000',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
    },
  });
  let document: OpenApiDocument;
  let ticket: TicketBody;

  async function snapshot(): Promise<Record<string, DatabaseSnapshot>> {
    return {
      tickets: await snapshotOf(suite.platform.ticketsDatabase, {
        ignored: TRANSIENT_TABLES,
        digested: () => true,
      }),
      gateway: await snapshotOf(suite.platform.gatewayDatabase, {
        digested: (table) => !USE_RECORDING_TABLES.has(table),
      }),
    };
  }

  beforeAll(async () => {
    document = await fetchOpenApiDocument(suite.platform.gatewayUrl, fetchAs(suite.admin));
    const response = await suite.postJson(suite.ticketsUrl, {
      type: 'incident',
      title: 'The ticket the fuzzed paths name',
    });
    if (response.status !== 201)
      throw new Error(`the ticket to fuzz: ${response.status} ${await response.text()}`);
    ticket = (await response.json()) as TicketBody;
    // Its creation has run its course: consumers answer for it and the outbox is empty.
    await eventually('the ticket’s SLA clocks and routing', async () => {
      const sla = await suite.fetch(`${suite.ticketsUrl}/${ticket.id}/sla`);
      const routing = await suite.fetch(`${suite.ticketsUrl}/${ticket.id}/routing`);
      return sla.status === 200 && routing.status === 200 ? true : undefined;
    });
    await eventually('an empty tickets outbox', async () => {
      const [row] = await suite.platform.ticketsDatabase.query<{ count: string }>(
        'SELECT count(*) AS count FROM outbox_events',
      );
      return row?.count === '0' ? true : undefined;
    });
  });

  /** The operation's path with its parameters filled: the ticket for a ticket, else any id. */
  function concretePath({ path }: DocumentedOperation, random: SeededRandom): string {
    return path.replace(/\{(\w+)\}/g, (_match, name: string) =>
      (name === 'id' && path.startsWith('/api/v1/tickets/')) || name === 'ticketId'
        ? ticket.id
        : uuidFrom(random),
    );
  }

  /**
   * Fields that must be right for a body to be judged on its own faults: a wrong current
   * password is a failed sign-in attempt (counted, audited), whatever else the body says.
   */
  function knownValuesOf(path: string): Record<string, unknown> | undefined {
    if (path === '/api/v1/me/password') return { currentPassword: suite.platform.admin.password };
    return undefined;
  }

  /** What is wrong with the answer to a body that is malformed; undefined when nothing. */
  async function failureOf(response: Response, body: MalformedBody): Promise<string | undefined> {
    const text = await response.text();
    if (body.kind === 'wrong content type' && response.status !== 415)
      return `${response.status} instead of 415 Unsupported Media Type: ${text.slice(0, 300)}`;
    if (response.status >= 500) return `${response.status}: ${text.slice(0, 300)}`;
    if (response.status === 429) return '429: rate limited, the body was never checked';
    if (response.status < 400) return `${response.status}: accepted: ${text.slice(0, 300)}`;
    const contentType = response.headers.get('content-type') ?? '';
    if (!contentType.startsWith('application/problem+json'))
      return `${response.status} as ${contentType}, not problem+json: ${text.slice(0, 300)}`;
    const problem = JSON.parse(text) as Partial<ProblemBody>;
    if (
      problem.status !== response.status ||
      typeof problem.title !== 'string' ||
      typeof problem.detail !== 'string'
    )
      return `${response.status} with a malformed problem: ${text.slice(0, 300)}`;
    return undefined;
  }

  /** The gateway's log lines of a request, to tell a 5xx's cause. */
  function gatewayLogOf(failure: string): string {
    const traceId = /"traceId":"([0-9a-f]{32})"/.exec(failure)?.[1];
    if (!traceId) return '';
    const line = suite.platform.gateway.logs.split('\n').find((entry) => entry.includes(traceId));
    return line ? `\n    gateway: ${line.slice(0, 600)}` : '';
  }

  it(
    'refuses each with a 4xx problem and writes nothing',
    async () => {
      const before = await snapshot();
      const random = seededRandom(SEED);
      const callers: [string, CallerFetch][] = [
        ['administrator', fetchAs(suite.admin)],
        ['integration', suite.fetch],
      ];
      const operations = operationsOf(document).filter(
        ({ method, operation }) => WRITE_METHODS.has(method) && operation.requestBody,
      );
      const outcomes: Outcome[] = [];
      for (const operation of operations) {
        const content = operation.operation.requestBody?.content ?? {};
        const bodies = malformedBodies(
          {
            document,
            schema: content['application/json']?.schema,
            required: operation.operation.requestBody?.required === true,
            mediaTypes: Object.keys(content),
            known: knownValuesOf(operation.path),
          },
          random,
          BODIES_PER_OPERATION,
        );
        const url = `${suite.platform.gatewayUrl}${concretePath(operation, random)}`;
        for (const [caller, send] of callers)
          for (const body of bodies) {
            const response = await send(url, {
              method: operation.method.toUpperCase(),
              headers: body.contentType === undefined ? {} : { 'content-type': body.contentType },
              // Bytes, so that no Content-Type is added when none is given.
              body: new TextEncoder().encode(body.text),
            });
            const failure = await failureOf(response, body);
            outcomes.push({
              caller,
              operation,
              body,
              status: response.status,
              ...(failure ? { failure } : {}),
            });
          }
      }

      const byStatus = new Map<number, number>();
      for (const { status } of outcomes) byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      const byKind = new Map<string, number>();
      for (const { body } of outcomes) byKind.set(body.kind, (byKind.get(body.kind) ?? 0) + 1);
      const failures = outcomes.filter((outcome) => outcome.failure !== undefined);
      console.log(
        [
          `write fuzz, seed ${SEED}: ${operations.length} operations × ${BODIES_PER_OPERATION} bodies × ${callers.length} callers = ${outcomes.length} requests`,
          `  answers: ${[...byStatus]
            .sort(([a], [b]) => a - b)
            .map(([status, count]) => `${status} ×${count}`)
            .join(', ')}`,
          `  bodies: ${[...byKind].map(([kind, count]) => `${kind} ×${count / callers.length}`).join(', ')}`,
          `  refused properly: ${outcomes.length - failures.length}, wrongly answered: ${failures.length}`,
          // Refused, but not by validation: the body got past it, though it breaks the document.
          ...outcomes
            .filter(({ status, failure }) => !failure && ![400, 413, 415].includes(status))
            .map(
              ({ caller, operation, body, status }) =>
                `  past validation: ${caller} ${operation.method.toUpperCase()} ${operation.path} [${body.kind}: ${body.description}] → ${status}`,
            ),
          ...operations.map(
            (operation) =>
              `  ${operation.method.toUpperCase().padEnd(6)} ${operation.path}: ${outcomes
                .filter((outcome) => outcome.operation === operation)
                .map(({ status }) => status)
                .filter((status, index, all) => all.indexOf(status) === index)
                .sort()
                .join('/')}`,
          ),
        ].join('\n'),
      );
      expect(
        failures.map(
          ({ caller, operation, body, failure }) =>
            `${caller} ${operation.method.toUpperCase()} ${operation.path} [${body.kind}: ${body.description}] → ${failure ?? ''}${gatewayLogOf(failure ?? '')}`,
        ),
      ).toEqual([]);

      // Nothing was written: not a row more or less, not a ticket or user changed.
      expect(await snapshot()).toEqual(before);
    },
    15 * 60_000,
  );
});
