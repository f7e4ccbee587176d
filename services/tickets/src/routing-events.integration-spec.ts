import { randomBytes, randomUUID } from 'node:crypto';
import { Metadata, type ServiceError } from '@grpc/grpc-js';
import { encodePrincipal, PRINCIPAL_METADATA_KEY, systemPrincipal } from '@itsm/auth';
import {
  Channel,
  CreateTicketRequest,
  type CreateTicketResponse,
  DecisionTrigger,
  EscalationKind,
  EscalationTrigger,
  type EventType,
  type GetTicketResponse,
  Impact,
  type ListTicketHistoryResponse,
  type RoutingDecision,
  TicketAction,
  TicketAssigned,
  TicketEscalated,
  TicketRouted,
  TicketType,
  Topics,
  toTimestamp,
  TransitionTicketRequest,
  type TransitionTicketResponse,
  Urgency,
} from '@itsm/contracts';
import {
  cloudEventHeaders,
  createKafka,
  DEFAULT_PARTITIONS,
  ensureTopics,
  KafkaEventPublisher,
} from '@itsm/messaging';
import {
  eventually,
  KafkaProbe,
  type TestDatabase,
  testEnvironment,
  testKafka,
} from '@itsm/testing';
import {
  type InProcessTicketsService,
  startTicketsServiceInProcess,
} from './testing/in-process-tickets-service';

type Unary<Request, Response> = (
  request: Request,
  metadata: Metadata,
  callback: (error: ServiceError | null, response: Response) => void,
) => void;

interface TicketsGrpcClient {
  CreateTicket: Unary<CreateTicketRequest, CreateTicketResponse>;
  GetTicket: Unary<{ id: string }, GetTicketResponse>;
  TransitionTicket: Unary<TransitionTicketRequest, TransitionTicketResponse>;
  ListTicketHistory: Unary<{ id: string }, ListTicketHistoryResponse>;
  close(): void;
}

/** As the platform itself: these tests are about tickets, not about who may see them. */
function asPlatform(): Metadata {
  const metadata = new Metadata();
  metadata.set(PRINCIPAL_METADATA_KEY, encodePrincipal(systemPrincipal('test')));
  return metadata;
}

function call<Request, Response>(
  method: Unary<Request, Response>,
  client: TicketsGrpcClient,
  request: Request,
) {
  return new Promise<Response>((resolve, reject) =>
    method.call(client, request, asPlatform(), (error, response) =>
      error ? reject(error) : resolve(response),
    ),
  );
}

const quietLogger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};

/** Publishes as the routing service's outbox relay does: CloudEvents in Kafka binary mode, keyed by ticket. */
class RoutingEventsPublisher {
  private readonly publisher = new KafkaEventPublisher(
    createKafka(
      { brokers: testEnvironment().kafkaBrokers, clientId: 'itsm-tickets-tests' },
      quietLogger,
    ),
  );

  constructor(private readonly topic: string) {}

  /** Returns the CloudEvents id; publishing it again with that id is a redelivery. */
  async publish<T>(
    eventType: EventType<T>,
    payload: T,
    { key, subject, id = randomUUID() }: { key: string; subject?: string; id?: string },
  ): Promise<string> {
    await this.publisher.publish([
      {
        topic: this.topic,
        key,
        value: JSON.stringify(eventType.toJson(payload)),
        headers: cloudEventHeaders(
          { id, type: eventType.type, source: '/itsm/routing', subject, time: new Date() },
          {},
        ),
      },
    ]);
    return id;
  }

  close(): Promise<void> {
    return this.publisher.close();
  }
}

const SERVICE_DESK = '0194a000-0000-7000-8000-0000000000a1';
const NETWORK_L2 = '0194a000-0000-7000-8000-0000000000a2';

interface TicketRow {
  status: string;
  assignment_group_id: string | null;
  assignee_id: string | null;
  priority: string;
  priority_reason: string | null;
  tags: string[];
  version: number;
}

describe('routing events applied by the tickets service on real PostgreSQL and Kafka', () => {
  let database: TestDatabase;
  let topic: string;
  let service: InProcessTicketsService;
  let client: TicketsGrpcClient;
  let publisher: RoutingEventsPublisher;
  let ticketEvents: KafkaProbe;

  beforeAll(async () => {
    // A topic of the test's own, so its consumer group, reading from the start, reads only these events.
    topic = `${Topics.routing}.test-${randomBytes(6).toString('hex')}`;
    const admin = testKafka().admin();
    await admin.connect();
    try {
      await ensureTopics(admin, [
        { topic, numPartitions: 3 },
        { topic: Topics.tickets, numPartitions: DEFAULT_PARTITIONS },
      ]);
    } finally {
      await admin.disconnect();
    }
    service = await startTicketsServiceInProcess({
      DATABASE_POOL_SIZE: '5',
      TICKETS_ROUTING_EVENTS_TOPIC: topic,
    });
    database = service.database;
    client = service.client<TicketsGrpcClient>('TicketsService');
    publisher = new RoutingEventsPublisher(topic);
    ticketEvents = await KafkaProbe.start(Topics.tickets);
  });

  afterAll(async () => {
    client?.close();
    await publisher?.close();
    await ticketEvents?.stop();
    await service?.stop();
    if (topic) {
      const admin = testKafka().admin();
      await admin.connect();
      await admin.deleteTopics({ topics: [topic] }).finally(() => admin.disconnect());
    }
  });

  async function openTicket(title: string) {
    const { ticket } = await call(client.CreateTicket, client, {
      ...CreateTicketRequest.fromJSON({}),
      type: TicketType.TICKET_TYPE_INCIDENT,
      title,
      impact: Impact.IMPACT_MEDIUM,
      urgency: Urgency.URGENCY_MEDIUM,
      channel: Channel.CHANNEL_PORTAL,
      requesterId: 'emp-routing',
    });
    if (!ticket) throw new Error('CreateTicket answered no ticket');
    return ticket;
  }

  function decision(
    ticket: { id: string; number: string },
    overrides: Partial<RoutingDecision> = {},
  ): RoutingDecision {
    return {
      id: randomUUID(),
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      trigger: DecisionTrigger.DECISION_TRIGGER_CREATED,
      groupId: SERVICE_DESK,
      assigneeId: 'agent-7',
      agentId: randomUUID(),
      priority: '',
      categoryId: '',
      addTags: [],
      queued: false,
      steps: [],
      decidedAt: toTimestamp(new Date()),
      durationUs: 250,
      ...overrides,
    };
  }

  const routed = (ticket: { id: string; number: string }, routing: RoutingDecision, id?: string) =>
    publisher.publish(
      TicketRouted,
      { decision: routing },
      { key: ticket.id, subject: ticket.number, ...(id ? { id } : {}) },
    );

  /** Waits until the consumer recorded the event in its inbox, i.e. committed its effect (or its skip). */
  const applied = (eventId: string) =>
    eventually(`routing event ${eventId} in the inbox`, async () => {
      const rows = await database.query('SELECT 1 FROM inbox_events WHERE event_id = $1', [
        eventId,
      ]);
      return rows.length === 1 ? rows : undefined;
    });

  const ticketRow = async (id: string) => {
    const [row] = await database.query<TicketRow>(
      `SELECT status, assignment_group_id, assignee_id, priority, priority_reason, tags, version
         FROM tickets WHERE id = $1`,
      [id],
    );
    return row;
  };

  const history = async (id: string) =>
    (await call(client.ListTicketHistory, client, { id })).entries.map(
      ({ actorId, action, changes }) => ({ actorId, action, changes }),
    );

  it('assigns a ticket to the routed group and agent, as routing, with the usual events', async () => {
    const ticket = await openTicket('Cannot reach the file server');

    const eventId = await routed(
      ticket,
      decision(ticket, { priority: 'high', addTags: ['Network'] }),
    );
    await applied(eventId);

    expect(await ticketRow(ticket.id)).toEqual({
      status: 'assigned',
      assignment_group_id: SERVICE_DESK,
      assignee_id: 'agent-7',
      priority: 'high',
      priority_reason: 'Set by routing rule',
      tags: ['network'],
      version: 3,
    });
    const entries = await history(ticket.id);
    expect(entries.map(({ actorId, action }) => [action, actorId])).toEqual([
      ['created', 'emp-routing'],
      ['assign', 'system:routing'],
      ['update', 'system:routing'],
    ]);
    expect(entries[1]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', oldValue: 'new', newValue: 'assigned' },
        { field: 'assigneeId', oldValue: '', newValue: 'agent-7' },
        { field: 'assignmentGroupId', oldValue: '', newValue: SERVICE_DESK },
      ]),
    );
    // The outbox relays the assignment to the tickets topic like any agent's.
    const messages = await ticketEvents.waitForKey(ticket.id, { count: 3 });
    const assigned = messages.find(({ headers }) => headers['ce_type'] === TicketAssigned.type);
    expect(TicketAssigned.fromJson(assigned?.value)).toMatchObject({
      action: TicketAction.TICKET_ACTION_ASSIGN,
      actorId: 'system:routing',
      ticket: { assigneeId: 'agent-7', assignmentGroupId: SERVICE_DESK },
    });

    // The broker delivers the same event again: the inbox has it, so nothing changes.
    const routedAgain = await routed(ticket, decision(ticket), eventId);
    expect(routedAgain).toBe(eventId);
    // An event on the same key (so the same partition) after it: once it is in, the replay was read.
    const marker = await routed(ticket, decision({ id: randomUUID(), number: 'INC-000000' }));
    await applied(marker);
    expect(await ticketRow(ticket.id)).toMatchObject({ version: 3, assignee_id: 'agent-7' });
    expect(await history(ticket.id)).toHaveLength(3);
    expect(
      await database.query('SELECT count(*)::int AS n FROM inbox_events WHERE event_id = $1', [
        eventId,
      ]),
    ).toEqual([{ n: 1 }]);
  });

  it('leaves a ticket that a person assigned before the decision arrived', async () => {
    const ticket = await openTicket('Printer on floor 3 jams');
    await call(client.TransitionTicket, client, {
      ...TransitionTicketRequest.fromJSON({}),
      id: ticket.id,
      action: TicketAction.TICKET_ACTION_ASSIGN,
      expectedVersion: 1,
      actorId: 'dispatcher-1',
      assigneeId: 'agent-1',
      assignmentGroupId: SERVICE_DESK,
    });

    await applied(await routed(ticket, decision(ticket, { assigneeId: 'agent-7' })));

    expect(await ticketRow(ticket.id)).toMatchObject({ assignee_id: 'agent-1', version: 2 });
    expect((await history(ticket.id)).map(({ actorId }) => actorId)).toEqual([
      'emp-routing',
      'dispatcher-1',
    ]);
  });

  it('records an escalation with its reason, and its routed decision moves the ticket on', async () => {
    const ticket = await openTicket('VPN drops every ten minutes');
    await applied(await routed(ticket, decision(ticket)));

    const reason = '75 % of the resolution time is used up';
    const escalationId = await publisher.publish(
      TicketEscalated,
      {
        escalation: {
          id: randomUUID(),
          ticketId: ticket.id,
          ticketNumber: ticket.number,
          kind: EscalationKind.ESCALATION_KIND_FUNCTIONAL,
          trigger: EscalationTrigger.ESCALATION_TRIGGER_SLA_WARNING,
          fromGroupId: SERVICE_DESK,
          toGroupId: NETWORK_L2,
          assigneeId: '',
          supervisorId: '',
          reason,
          actorId: '',
          occurredAt: toTimestamp(new Date()),
          decisionId: '',
        },
      },
      { key: ticket.id, subject: ticket.number },
    );
    const movedId = await routed(
      ticket,
      decision(ticket, {
        trigger: DecisionTrigger.DECISION_TRIGGER_ESCALATION,
        groupId: NETWORK_L2,
        assigneeId: '',
      }),
    );
    await applied(escalationId);
    await applied(movedId);

    expect(await ticketRow(ticket.id)).toMatchObject({
      status: 'assigned',
      assignment_group_id: NETWORK_L2,
      assignee_id: null,
      version: 3,
    });
    const entries = await history(ticket.id);
    expect(entries.map(({ actorId, action }) => [action, actorId])).toEqual([
      ['created', 'emp-routing'],
      ['assign', 'system:routing'],
      ['escalated', 'system:routing'],
      ['assign', 'system:routing'],
    ]);
    expect(entries[2]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'kind', oldValue: '', newValue: 'functional' },
        { field: 'trigger', oldValue: '', newValue: 'sla_warning' },
        { field: 'fromGroupId', oldValue: '', newValue: SERVICE_DESK },
        { field: 'toGroupId', oldValue: '', newValue: NETWORK_L2 },
        { field: 'reason', oldValue: '', newValue: reason },
      ]),
    );
    expect(entries[3]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'assigneeId', oldValue: 'agent-7', newValue: '' },
        { field: 'assignmentGroupId', oldValue: SERVICE_DESK, newValue: NETWORK_L2 },
      ]),
    );
    const { ticket: current } = await call(client.GetTicket, client, { id: ticket.id });
    expect(current).toMatchObject({ assignmentGroupId: NETWORK_L2, assigneeId: '' });
  });
});
