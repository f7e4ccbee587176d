import { Metadata, type ServiceError, status } from '@grpc/grpc-js';
import {
  encodePrincipal,
  type Principal,
  PRINCIPAL_METADATA_KEY,
  type PrincipalClaims,
  principalOf,
} from '@itsm/auth';
import {
  Channel,
  CommentVisibility,
  CreateTicketRequest,
  type CreateTicketResponse,
  type CountTicketsResponse,
  type GetTicketResponse,
  type ListCommentsResponse,
  type ListTicketHistoryResponse,
  type ListTicketsResponse,
  Priority,
  TicketAction,
  TicketCreated,
  TicketType,
  Topics,
  TransitionTicketRequest,
  type TransitionTicketResponse,
} from '@itsm/contracts';
import { KafkaProbe, type TestDatabase } from '@itsm/testing';
import {
  type InProcessTicketsService,
  startTicketsServiceInProcess,
} from './testing/in-process-tickets-service';

type Unary = (
  request: object,
  metadata: Metadata,
  callback: (error: ServiceError | null, response: unknown) => void,
) => void;

type GrpcClient = Record<string, Unary> & { close(): void };

function person(claims: Pick<PrincipalClaims, 'id' | 'roles'> & Partial<PrincipalClaims>) {
  return principalOf({
    kind: 'user',
    name: claims.id,
    scopes: [],
    organizationId: null,
    organizationWide: false,
    groupIds: [],
    ...claims,
  });
}

const NETWORK = 'g-network';
const WORKPLACE = 'g-workplace';

const anna = person({ id: 'emp-anna', roles: ['requester'], organizationId: 'org-acme' });
const olga = person({
  id: 'emp-olga',
  roles: ['requester'],
  organizationId: 'org-acme',
  organizationWide: true,
});
const ivan = person({ id: 'emp-ivan', roles: ['requester'], organizationId: 'org-globex' });
const networkAgent = person({ id: 'ag-network', roles: ['agent'], groupIds: [NETWORK] });
const workplaceAgent = person({ id: 'ag-workplace', roles: ['agent'], groupIds: [WORKPLACE] });
const supervisor = person({ id: 'sup-1', roles: ['supervisor'] });

function as(principal: Principal): Metadata {
  const metadata = new Metadata();
  metadata.set(PRINCIPAL_METADATA_KEY, encodePrincipal(principal));
  return metadata;
}

/** The tickets these tests look at carry this tag; others the tests open do not. */
const FIXTURE = 'scoping-fixture';

describe('tickets scoped by the caller the gateway sends, on real PostgreSQL and Kafka', () => {
  let database: TestDatabase;
  let service: InProcessTicketsService;
  let tickets: GrpcClient;
  let catalog: GrpcClient;
  let probe: KafkaProbe;
  /** Fixture tickets by name: whose they are and which group holds them. */
  const ids: Record<'annas' | 'annasTriage' | 'ivans' | 'olgas', string> = {
    annas: '',
    annasTriage: '',
    ivans: '',
    olgas: '',
  };
  const INTERNAL_NOTE = 'Toner is on back order; the vendor promises Friday';

  function rpc<Response>(
    client: GrpcClient,
    method: string,
    request: object,
    metadata: Metadata,
  ): Promise<Response> {
    const unary = client[method];
    if (!unary) throw new Error(`no RPC ${method}`);
    return new Promise<Response>((resolve, reject) =>
      unary.call(client, request, metadata, (error, response) =>
        error ? reject(error) : resolve(response as Response),
      ),
    );
  }

  /** The gRPC status a call ends with. */
  const statusOf = (call: Promise<unknown>) =>
    call.then(
      () => status.OK,
      (error: ServiceError) => error.code,
    );

  async function open(by: Principal, title: string, tags: string[] = [FIXTURE]) {
    const { ticket } = await rpc<CreateTicketResponse>(
      tickets,
      'CreateTicket',
      {
        ...CreateTicketRequest.fromJSON({}),
        type: TicketType.TICKET_TYPE_INCIDENT,
        title,
        channel: Channel.CHANNEL_PORTAL,
        // Clients name whomever they like; requesters file for themselves all the same.
        requesterId: 'emp-somebody-else',
        organizationId: 'org-somebody-else',
        tags,
      },
      as(by),
    );
    if (!ticket) throw new Error('CreateTicket answered no ticket');
    return ticket;
  }

  function transition(by: Principal, id: string, fields: Partial<TransitionTicketRequest>) {
    return rpc<TransitionTicketResponse>(
      tickets,
      'TransitionTicket',
      { ...TransitionTicketRequest.fromJSON({}), id, actorId: 'dispatcher-claimed', ...fields },
      as(by),
    );
  }

  const assign = (id: string, group: string) =>
    transition(supervisor, id, {
      action: TicketAction.TICKET_ACTION_ASSIGN,
      assignmentGroupId: group,
    });

  function comment(by: Principal, ticketId: string, visibility: CommentVisibility, body: string) {
    return rpc(
      tickets,
      'AddComment',
      { ticketId, authorId: '', visibility, body, idempotencyKey: '' },
      as(by),
    );
  }

  beforeAll(async () => {
    service = await startTicketsServiceInProcess();
    database = service.database;
    tickets = service.client<GrpcClient>('TicketsService');
    catalog = service.client<GrpcClient>('CatalogService');
    probe = await KafkaProbe.start(Topics.tickets);

    // Acme's Anna: one ticket with the network group, one nobody has taken yet; Globex's Ivan
    // and Acme's Olga (who follows all of Acme's tickets): one each with the workplace group.
    ids.annas = (await open(anna, 'Printer on floor 3 jams')).id;
    ids.annasTriage = (await open(anna, 'Second monitor flickers')).id;
    ids.ivans = (await open(ivan, 'No VPN from the hotel')).id;
    ids.olgas = (await open(olga, 'New starter needs a laptop')).id;
    await assign(ids.annas, NETWORK);
    await assign(ids.ivans, WORKPLACE);
    await assign(ids.olgas, WORKPLACE);
    await comment(
      networkAgent,
      ids.annas,
      CommentVisibility.COMMENT_VISIBILITY_INTERNAL,
      INTERNAL_NOTE,
    );
    await comment(anna, ids.annas, CommentVisibility.COMMENT_VISIBILITY_PUBLIC, 'Any news?');
  });

  afterAll(async () => {
    tickets?.close();
    catalog?.close();
    await probe?.stop();
    await service?.stop();
  });

  it('refuses every RPC of both services from a caller who is not identified', async () => {
    const garbled = new Metadata();
    garbled.set(PRINCIPAL_METADATA_KEY, 'not-a-principal');
    const calls = [
      ...service.methodsOf('TicketsService').map((method) => [tickets, method] as const),
      ...service.methodsOf('CatalogService').map((method) => [catalog, method] as const),
    ];
    expect(calls.length).toBeGreaterThan(30);
    for (const metadata of [new Metadata(), garbled]) {
      const answers = await Promise.all(
        calls.map(async ([client, method]) => [
          method,
          await statusOf(rpc(client, method, {}, metadata)),
        ]),
      );
      expect(answers).toEqual(calls.map(([, method]) => [method, status.UNAUTHENTICATED]));
    }
    const error = await rpc(tickets, 'GetTicket', { id: ids.annas }, new Metadata()).catch(
      (caught: ServiceError) => caught,
    );
    expect(error).toMatchObject({ details: 'the caller is not identified' });
  });

  it.each<[string, Principal, (keyof typeof ids)[]]>([
    ['Anna, her own tickets', anna, ['annas', 'annasTriage']],
    ['Olga, all of Acme’s', olga, ['annas', 'annasTriage', 'olgas']],
    ['Ivan, his own only', ivan, ['ivans']],
    ['the network agent, its group’s and the triage queue', networkAgent, ['annas', 'annasTriage']],
    [
      'the workplace agent, its group’s and the triage queue',
      workplaceAgent,
      ['annasTriage', 'ivans', 'olgas'],
    ],
    ['the supervisor, every one', supervisor, ['annas', 'annasTriage', 'ivans', 'olgas']],
  ])('shows %s in GetTicket, ListTickets and CountTickets', async (_who, caller, visible) => {
    const expected = visible.map((name) => ids[name]).sort();
    const listed = await rpc<ListTicketsResponse>(
      tickets,
      'ListTickets',
      { tags: [FIXTURE], pageSize: 100 },
      as(caller),
    );
    expect(listed.tickets.map(({ id }) => id).sort()).toEqual(expected);
    // Asking by id does not widen what a caller sees.
    const byId = await rpc<ListTicketsResponse>(
      tickets,
      'ListTickets',
      { ids: Object.values(ids), pageSize: 100 },
      as(caller),
    );
    expect(byId.tickets.map(({ id }) => id).sort()).toEqual(expected);
    const counted = await rpc<CountTicketsResponse>(
      tickets,
      'CountTickets',
      { tags: [FIXTURE] },
      as(caller),
    );
    expect(counted.total).toBe(expected.length);
    for (const [name, id] of Object.entries(ids)) {
      const got = await statusOf(rpc<GetTicketResponse>(tickets, 'GetTicket', { id }, as(caller)));
      expect([name, got]).toEqual([name, expected.includes(id) ? status.OK : status.NOT_FOUND]);
    }
  });

  it('keeps internal notes from requesters, in the conversation and in the history', async () => {
    const conversation = async (caller: Principal) =>
      (
        await rpc<ListCommentsResponse>(
          tickets,
          'ListComments',
          { ticketId: ids.annas, visibility: CommentVisibility.COMMENT_VISIBILITY_UNSPECIFIED },
          as(caller),
        )
      ).comments.map(({ body }) => body);

    expect(await conversation(anna)).toEqual(['Any news?']);
    expect(await conversation(olga)).toEqual(['Any news?']);
    expect(await conversation(networkAgent)).toEqual([INTERNAL_NOTE, 'Any news?']);
    const askedForNotes = await rpc<ListCommentsResponse>(
      tickets,
      'ListComments',
      { ticketId: ids.annas, visibility: CommentVisibility.COMMENT_VISIBILITY_INTERNAL },
      as(anna),
    );
    expect(askedForNotes.comments).toEqual([]);
    const history = await rpc<ListTicketHistoryResponse>(
      tickets,
      'ListTicketHistory',
      { id: ids.annas },
      as(anna),
    );
    expect(history.entries.map(({ action, actorId }) => [action, actorId])).toEqual([
      ['created', 'emp-anna'],
      // The supervisor assigned it, whatever actor the request named.
      ['assign', 'sup-1'],
    ]);
    expect(JSON.stringify(history)).not.toContain('back order');
  });

  it('refuses a requester’s internal note and priority change with PERMISSION_DENIED', async () => {
    expect(
      await statusOf(
        comment(anna, ids.annas, CommentVisibility.COMMENT_VISIBILITY_INTERNAL, 'Note to self'),
      ),
    ).toBe(status.PERMISSION_DENIED);
    const reprioritise = (caller: Principal, id: string) =>
      rpc(
        tickets,
        'UpdateTicket',
        {
          id,
          actorId: '',
          expectedVersion: 0,
          patch: { priority: Priority.PRIORITY_CRITICAL, priorityReason: 'I need it now' },
          updatePaths: ['priority'],
        },
        as(caller),
      );
    expect(await statusOf(reprioritise(anna, ids.annas))).toBe(status.PERMISSION_DENIED);
    expect(
      await statusOf(
        transition(anna, ids.annas, {
          action: TicketAction.TICKET_ACTION_RESOLVE,
          resolutionCode: 'fixed',
        }),
      ),
    ).toBe(status.PERMISSION_DENIED);
    const [row] = await database.query<{ priority: string; status: string }>(
      'SELECT priority, status FROM tickets WHERE id = $1',
      [ids.annas],
    );
    expect(row).toEqual({ priority: 'medium', status: 'assigned' });
    expect(
      await database.query('SELECT body FROM ticket_comments WHERE body = $1', ['Note to self']),
    ).toEqual([]);
  });

  it('answers another organisation’s ticket with NOT_FOUND, read or written', async () => {
    const asIvan = as(ivan);
    const answers = {
      get: await statusOf(rpc(tickets, 'GetTicket', { id: ids.annas }, asIvan)),
      comments: await statusOf(rpc(tickets, 'ListComments', { ticketId: ids.annas }, asIvan)),
      history: await statusOf(rpc(tickets, 'ListTicketHistory', { id: ids.annas }, asIvan)),
      reply: await statusOf(
        comment(ivan, ids.annas, CommentVisibility.COMMENT_VISIBILITY_PUBLIC, 'Me too!'),
      ),
      update: await statusOf(
        rpc(
          tickets,
          'UpdateTicket',
          { id: ids.annas, patch: { title: 'Mine now' }, updatePaths: ['title'] },
          asIvan,
        ),
      ),
      watch: await statusOf(
        rpc(
          tickets,
          'WatchTicket',
          { ticketId: ids.annas, watcherId: 'emp-ivan', watch: true },
          asIvan,
        ),
      ),
    };
    expect(answers).toEqual({
      get: status.NOT_FOUND,
      comments: status.NOT_FOUND,
      history: status.NOT_FOUND,
      reply: status.NOT_FOUND,
      update: status.NOT_FOUND,
      watch: status.NOT_FOUND,
    });
  });

  it('files a requester’s ticket as theirs, in their organisation, and lets them withdraw it', async () => {
    const ticket = await open(anna, 'Keyboard missing keys', []);
    expect(ticket).toMatchObject({ requesterId: 'emp-anna', organizationId: 'org-acme' });
    const [message] = await probe.waitForKey(ticket.id);
    expect(TicketCreated.fromJson(message?.value).ticket).toMatchObject({
      requesterId: 'emp-anna',
      organizationId: 'org-acme',
    });

    expect(
      await statusOf(transition(olga, ticket.id, { action: TicketAction.TICKET_ACTION_CANCEL })),
    ).toBe(status.PERMISSION_DENIED);
    const { ticket: withdrawn } = await transition(anna, ticket.id, {
      action: TicketAction.TICKET_ACTION_CANCEL,
    });
    expect(withdrawn).toMatchObject({ status: 'TICKET_STATUS_CANCELLED' });
  });
});
