import { Metadata, type ServiceError, status } from '@grpc/grpc-js';
import { encodePrincipal, PRINCIPAL_METADATA_KEY, systemPrincipal } from '@itsm/auth';
import {
  ChangeKind,
  Channel,
  CreateTicketRequest,
  type CreateTicketResponse,
  Impact,
  type ListTicketsResponse,
  TicketCreated,
  TicketType,
  Topics,
  Urgency,
} from '@itsm/contracts';
import { KafkaProbe, type TestDatabase } from '@itsm/testing';
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
  ListTickets: Unary<Record<string, unknown>, ListTicketsResponse>;
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

const request: CreateTicketRequest = {
  ...CreateTicketRequest.fromJSON({}),
  idempotencyKey: '',
  type: TicketType.TICKET_TYPE_SERVICE_REQUEST,
  title: 'New laptop for a new hire',
  description: 'Starts on Monday, needs a standard developer laptop.',
  impact: Impact.IMPACT_LOW,
  urgency: Urgency.URGENCY_MEDIUM,
  channel: Channel.CHANNEL_PORTAL,
  requesterId: 'emp-integration',
  organizationId: 'org-acme',
  changeKind: ChangeKind.CHANGE_KIND_UNSPECIFIED,
  configurationItemIds: [],
  plannedStart: undefined,
  plannedEnd: undefined,
  tags: [],
};

describe('tickets service with real PostgreSQL and Kafka', () => {
  let database: TestDatabase;
  let service: InProcessTicketsService;
  let client: TicketsGrpcClient;
  let probe: KafkaProbe;

  beforeAll(async () => {
    service = await startTicketsServiceInProcess();
    database = service.database;
    client = service.client<TicketsGrpcClient>('TicketsService');
    probe = await KafkaProbe.start(Topics.tickets);
  });

  afterAll(async () => {
    client?.close();
    await probe?.stop();
    await service?.stop();
  });

  it('writes ticket, history and event in one transaction and relays the event to Kafka', async () => {
    const { ticket, created } = await call(client.CreateTicket, client, request);
    expect(created).toBe(true);
    expect(ticket).toMatchObject({
      number: 'REQ-000001',
      priority: 'PRIORITY_LOW',
      status: 'TICKET_STATUS_NEW',
    });
    const id = ticket?.id ?? '';

    const history = await database.query(
      'SELECT action, actor_id FROM ticket_history WHERE ticket_id = $1',
      [id],
    );
    expect(history).toEqual([{ action: 'created', actor_id: 'emp-integration' }]);

    const [message] = await probe.waitForKey(id);
    expect(message?.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_type: TicketCreated.type,
      ce_source: '/itsm/tickets',
      ce_subject: 'REQ-000001',
    });
    const event = TicketCreated.fromJson(message?.value);
    expect(event.ticket).toMatchObject({
      id,
      number: 'REQ-000001',
      type: TicketType.TICKET_TYPE_SERVICE_REQUEST,
      organizationId: 'org-acme',
      title: request.title,
    });
    expect(await database.query('SELECT id FROM outbox_events')).toEqual([]);
  });

  it('refuses an invalid ticket with INVALID_ARGUMENT and field violations, writing nothing', async () => {
    const error = await call(client.CreateTicket, client, {
      ...request,
      title: ' ',
      requesterId: 'emp-invalid',
    }).catch((caught: ServiceError) => caught);
    expect(error).toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: 'the ticket request is invalid',
    });
    const [violations] = (error as ServiceError).metadata.get('itsm-violations-bin');
    expect(JSON.parse((violations as Buffer).toString())).toEqual([
      { field: 'title', message: 'title must not be empty' },
    ]);
    expect(
      await database.query("SELECT id FROM tickets WHERE requester_id = 'emp-invalid'"),
    ).toEqual([]);
  });

  it('pages by (created_at, id) without skipping tickets created in the same millisecond', async () => {
    const requesterId = 'emp-same-instant';
    const ids = await database.query<{ id: string }>(
      `INSERT INTO tickets (id, number, type, title, status, impact, urgency, priority, channel, requester_id, created_at, updated_at)
       SELECT gen_random_uuid(), 'INC-9' || lpad(n::text, 5, '0'), 'incident', 'same instant ' || n, 'new', 'low', 'low',
              'planning', 'api', $1, '2026-11-27T08:00:00Z', '2026-11-27T08:00:00Z'
         FROM generate_series(1, 5) AS n
       RETURNING id`,
      [requesterId],
    );
    const seen: string[] = [];
    let pageToken = '';
    do {
      const page = await call(client.ListTickets, client, { pageSize: 2, pageToken, requesterId });
      seen.push(...page.tickets.map((ticket) => ticket.id));
      pageToken = page.nextPageToken;
    } while (pageToken);
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(ids.map(({ id }) => id)));
    expect(seen).toEqual([...seen].sort().reverse());
  });
});
