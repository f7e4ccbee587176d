import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { TicketAssigned, TicketCreated, TicketRouted, Topics } from '@itsm/contracts';
import {
  aTicketRequestBody,
  eventually,
  OtlpReceiver,
  type ReceivedSpan,
  type RunningPlatform,
  SmtpSink,
  startPlatform,
} from '@itsm/testing';
import type { ProblemBody, TicketBody } from './support/api-bodies';
import {
  type CallerFetch,
  fetchAs,
  integrationKey,
  postJsonAs,
  signIn,
} from './support/api-session';
import { PLATFORM_START_TIMEOUT_MS } from './support/platform-suite';

/** Span kinds as OTLP numbers them (the API's SpanKind enum starts one lower). */
const SERVER = 2;
const PRODUCER = 4;
const CONSUMER = 5;
const CLIENT = 3;

interface TicketSlaBody {
  clocks: { target: string; state: string }[];
}

/** The hops of one ticket through the platform, each recognised by service, kind and attributes. */
const HOPS = {
  'gateway: POST /api/v1/tickets': (span: ReceivedSpan) =>
    span.service === 'gateway' &&
    span.kind === SERVER &&
    span.attributes['http.route'] === '/api/v1/tickets',
  'tickets: CreateTicket': (span: ReceivedSpan) =>
    span.service === 'tickets' &&
    span.kind === SERVER &&
    /itsm\.tickets\.v1\.TicketsService\/CreateTicket$/.test(span.name),
  'tickets: send ticket.created': (span: ReceivedSpan) =>
    span.service === 'tickets' &&
    span.kind === PRODUCER &&
    span.attributes['cloudevents.event_type'] === TicketCreated.type,
  'sla: process ticket.created': (span: ReceivedSpan) =>
    span.service === 'sla' &&
    span.kind === CONSUMER &&
    span.attributes['cloudevents.event_type'] === TicketCreated.type,
  'sla: write the clock': (span: ReceivedSpan) =>
    span.service === 'sla' && /^INSERT INTO "sla_clocks"/.test(queryOf(span)),
  'routing: process ticket.created': (span: ReceivedSpan) =>
    span.service === 'routing' &&
    span.kind === CONSUMER &&
    span.attributes['cloudevents.event_type'] === TicketCreated.type,
  'routing: record the decision': (span: ReceivedSpan) =>
    span.service === 'routing' && /^INSERT INTO routing_decisions/.test(queryOf(span)),
  'routing: send ticket.routed': (span: ReceivedSpan) =>
    span.service === 'routing' &&
    span.kind === PRODUCER &&
    span.attributes['cloudevents.event_type'] === TicketRouted.type,
  'tickets: process ticket.routed': (span: ReceivedSpan) =>
    span.service === 'tickets' &&
    span.kind === CONSUMER &&
    span.attributes['cloudevents.event_type'] === TicketRouted.type,
  'tickets: apply the assignment': (span: ReceivedSpan) =>
    span.service === 'tickets' && /^UPDATE "tickets"/.test(queryOf(span)),
  'tickets: send ticket.assigned': (span: ReceivedSpan) =>
    span.service === 'tickets' &&
    span.kind === PRODUCER &&
    span.attributes['cloudevents.event_type'] === TicketAssigned.type,
  'notifications: process ticket.assigned': (span: ReceivedSpan) =>
    span.service === 'notifications' &&
    span.kind === CONSUMER &&
    span.attributes['cloudevents.event_type'] === TicketAssigned.type,
  'notifications: send the email to the assignee': (span: ReceivedSpan) =>
    span.service === 'notifications' &&
    span.kind === CLIENT &&
    span.name === 'send email' &&
    span.attributes['cloudevents.event_type'] === TicketAssigned.type,
} as const;

type Hop = keyof typeof HOPS;

function queryOf(span: ReceivedSpan): string {
  const query = span.attributes['db.query.text'];
  return typeof query === 'string' ? query : '';
}

describe('one trace from a new ticket to its SLA clock, its assignment and the notification', () => {
  let receiver: OtlpReceiver;
  let smtp: SmtpSink;
  let platform: RunningPlatform;
  let administrator: Record<string, string>;
  let integration: CallerFetch;
  const suffix = randomUUID().slice(0, 8);

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    smtp = await SmtpSink.start();
    platform = await startPlatform({
      env: receiver.serviceEnv(),
      sla: true,
      routing: true,
      notifications: { smtpUrl: smtp.url },
    });
    administrator = await signIn(
      platform.gatewayUrl,
      platform.admin.email,
      platform.admin.password,
    );
    integration = fetchAs(await integrationKey(platform.gatewayUrl, administrator, 'e2e'));
  }, PLATFORM_START_TIMEOUT_MS);

  afterAll(async () => {
    await platform?.stop();
    await receiver?.stop();
    await smtp?.stop();
  });

  async function created<T>(path: string, body: unknown): Promise<T> {
    const response = await postJsonAs(integration, `${platform.gatewayUrl}${path}`, body);
    const json = (await response.json()) as T & ProblemBody;
    expect({ status: response.status, detail: json.detail, errors: json.errors }).toEqual({
      status: 201,
      detail: undefined,
      errors: undefined,
    });
    return json;
  }

  /** The agent as a person the platform can write to, known to the notifications service. */
  async function agentAccount(userId: string): Promise<string> {
    const email = `${userId}@example.com`;
    await created('/api/v1/users', {
      id: userId,
      email,
      displayName: 'Trace Agent',
      roles: ['agent'],
      language: 'en',
      password: `pw-${userId}-long-enough`,
    });
    const notifications = platform.notifications;
    if (!notifications) throw new Error('the platform runs without notifications');
    const database = new Client({ connectionString: notifications.database.url });
    await database.connect();
    try {
      await eventually(`${userId} in the notifications directory`, async () => {
        const { rowCount } = await database.query('SELECT 1 FROM recipients WHERE user_id = $1', [
          userId,
        ]);
        return rowCount ? true : undefined;
      });
    } finally {
      await database.end();
    }
    return email;
  }

  /** A desk that takes every ticket of the organisation, one agent on it, and an SLA for them. */
  async function organisation(organizationId: string) {
    const line = await created<{ id: string }>('/api/v1/routing/lines', {
      name: `Trace line ${suffix}`,
      level: 1,
    });
    const desk = await created<{ id: string }>('/api/v1/routing/groups', {
      name: `Trace desk ${suffix}`,
      lineId: line.id,
      strategy: 'least_loaded',
      autoAssign: true,
    });
    // Without a shift the agent is on duty around the clock.
    const agent = await created<{ id: string; userId: string }>('/api/v1/routing/agents', {
      userId: `trace-agent-${suffix}`,
      displayName: 'Trace Agent',
      groupIds: [desk.id],
      skills: [],
      capacity: 10,
      availability: 'online',
    });
    await created('/api/v1/routing/rules', {
      name: `Trace organisation to its desk ${suffix}`,
      conditions: [{ field: 'organization', operator: 'in', values: [organizationId] }],
      actions: { setGroupId: desk.id },
      actorId: 'admin-1',
    });
    const calendar = await created<{ id: string }>('/api/v1/sla/calendars', {
      name: `24x7 ${suffix}`,
      kind: 'always_on',
      timeZone: 'UTC',
    });
    await created('/api/v1/sla/policies', {
      name: `Trace ${suffix}`,
      order: 1,
      conditions: { organizationIds: [organizationId] },
      targets: [{ target: 'resolution', targetMs: 3_600_000, calendarId: calendar.id }],
    });
    return { desk, agent };
  }

  it('covers create-ticket → SLA clock started → routing decision → assignment → notification', async () => {
    const organizationId = `org-trace-${suffix}`;
    const agentEmail = await agentAccount(`trace-agent-${suffix}`);
    const { desk, agent } = await organisation(organizationId);

    const response = await postJsonAs(
      integration,
      `${platform.gatewayUrl}/api/v1/tickets`,
      aTicketRequestBody({ title: `Trace ${suffix}`, organizationId }),
    );
    expect(response.status).toBe(201);
    const traceId = response.headers.get('x-trace-id') ?? '';
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    const ticket = (await response.json()) as TicketBody;
    const ticketUrl = `${platform.gatewayUrl}/api/v1/tickets/${ticket.id}`;

    const assigned = await eventually(`the assignment of ${ticket.id}`, async () => {
      const body = (await (await integration(ticketUrl)).json()) as TicketBody;
      return body.assigneeId ? body : undefined;
    });
    expect(assigned).toMatchObject({ assigneeId: agent.userId, assignmentGroupId: desk.id });
    const sla = await eventually(`the SLA clock of ${ticket.id}`, async () => {
      const slaResponse = await integration(`${ticketUrl}/sla`);
      if (slaResponse.status !== 200) return undefined;
      const body = (await slaResponse.json()) as TicketSlaBody;
      return body.clocks.length > 0 ? body : undefined;
    });
    expect(sla.clocks.map(({ target }) => target)).toEqual(['resolution']);

    // Each service exports its spans in batches: wait until every hop has arrived in the trace.
    // A hop that starts a trace of its own never does, and the timeout names the missing hops.
    const hops = await eventually(`every hop in trace ${traceId}`, () => {
      const spans = receiver.spansOf(traceId);
      const found = new Map<Hop, ReceivedSpan>();
      for (const [hop, matches] of Object.entries(HOPS) as [Hop, (s: ReceivedSpan) => boolean][]) {
        const span = spans.find(matches);
        if (span) found.set(hop, span);
      }
      const missing = (Object.keys(HOPS) as Hop[]).filter((hop) => !found.has(hop));
      if (missing.length > 0) throw new Error(`missing: ${missing.join('; ')}`);
      return found;
    });
    const hop = (name: Hop): ReceivedSpan => {
      const span = hops.get(name);
      if (!span) throw new Error(`no span for ${name}`);
      return span;
    };
    const spans = receiver.spansOf(traceId);
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const ancestorsOf = (span: ReceivedSpan): ReceivedSpan[] => {
      const ancestors: ReceivedSpan[] = [];
      for (let at = byId.get(span.parentSpanId ?? ''); at; at = byId.get(at.parentSpanId ?? ''))
        ancestors.push(at);
      return ancestors;
    };

    // The request starts the trace; the tickets service's gRPC server continues it.
    const gateway = hop('gateway: POST /api/v1/tickets');
    expect(gateway.parentSpanId).toBeUndefined();
    expect(ancestorsOf(hop('tickets: CreateTicket'))).toContain(gateway);

    // The event leaves in a PRODUCER span of the change that wrote it ...
    const ticketCreated = hop('tickets: send ticket.created');
    expect(ticketCreated).toMatchObject({
      name: `send ${Topics.tickets}`,
      parentSpanId: hop('tickets: CreateTicket').spanId,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.destination.name': Topics.tickets,
        'messaging.kafka.message.key': ticket.id,
      },
    });
    const ticketCreatedId = ticketCreated.attributes['messaging.message.id'];

    // ... and each consumer applies it in a CONSUMER span whose parent is that send.
    for (const [service, consumer] of [
      ['sla', hop('sla: process ticket.created')],
      ['routing', hop('routing: process ticket.created')],
    ] as const) {
      expect(consumer).toMatchObject({
        service,
        name: `process ${Topics.tickets}`,
        parentSpanId: ticketCreated.spanId,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'process',
          'messaging.destination.name': Topics.tickets,
          'messaging.kafka.message.key': ticket.id,
          'messaging.message.id': ticketCreatedId,
          'itsm.inbox.duplicate': false,
        },
      });
    }
    expect(ancestorsOf(hop('sla: write the clock'))).toContain(hop('sla: process ticket.created'));
    const routingProcess = hop('routing: process ticket.created');
    expect(ancestorsOf(hop('routing: record the decision'))).toContain(routingProcess);

    // The decision goes back to the tickets service, which applies the assignment.
    const ticketRouted = hop('routing: send ticket.routed');
    expect(ticketRouted).toMatchObject({
      name: `send ${Topics.routing}`,
      parentSpanId: routingProcess.spanId,
      attributes: { 'messaging.kafka.message.key': ticket.id },
    });
    const applying = hop('tickets: process ticket.routed');
    expect(applying).toMatchObject({
      name: `process ${Topics.routing}`,
      parentSpanId: ticketRouted.spanId,
      attributes: {
        'messaging.message.id': ticketRouted.attributes['messaging.message.id'],
        'itsm.inbox.duplicate': false,
      },
    });
    expect(ancestorsOf(hop('tickets: apply the assignment'))).toContain(applying);

    // The assignment is announced, and the notifications service tells the agent by email:
    // the send happens later, in the dispatcher, yet continues the trace of the event.
    const ticketAssigned = hop('tickets: send ticket.assigned');
    expect(ancestorsOf(ticketAssigned)).toContain(applying);
    const notifying = hop('notifications: process ticket.assigned');
    expect(notifying).toMatchObject({
      name: `process ${Topics.tickets}`,
      parentSpanId: ticketAssigned.spanId,
      attributes: { 'itsm.inbox.duplicate': false },
    });
    const sending = hop('notifications: send the email to the assignee');
    expect(sending.parentSpanId).toBe(notifying.spanId);
    expect(sending.attributes).toMatchObject({ 'itsm.delivery.channel': 'email' });
    const mail = await smtp.waitFor(agentEmail);
    expect(mail.parsed.subject).toContain(ticket.number);
  });
});
