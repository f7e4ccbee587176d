import {
  ApiProblemError,
  authorizationHeaders,
  describeProblem,
  type Fetch,
  GatewayClient,
  retryAfterMs,
  versionOfETag,
} from './gateway-client';

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fetch that records the request and answers with the given status, headers and body. */
function fakeFetch(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): { fetch: Fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetchImpl = (async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({
      method: String(init?.method),
      url: String(url),
      headers: init?.headers as Record<string, string>,
      body: init?.body === undefined ? undefined : JSON.parse(String(init.body)),
    });
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(status === 204 ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': type, ...headers },
    });
  }) as Fetch;
  return { fetch: fetchImpl, sent };
}

const TICKET = { id: 't-1', number: 'INC-000001', status: 'new', version: 1, title: 'x' };
const BODY = {
  type: 'incident',
  title: 'VPN',
  description: '',
  impact: 'low',
  urgency: 'low',
  channel: 'portal',
  requesterId: 'emp-1001',
} as const;

describe('GatewayClient', () => {
  it('opens a ticket with its idempotency key and tells a replay from a creation', async () => {
    const first = fakeFetch(201, TICKET);
    const created = await new GatewayClient('http://gw:3000/', first.fetch).createTicket(
      'demo-1',
      BODY,
    );
    expect(first.sent[0]?.url).toBe('http://gw:3000/api/v1/tickets');
    expect(first.sent[0]?.headers['Idempotency-Key']).toBe('demo-1');
    expect(created).toEqual({
      ticket: { id: 't-1', number: 'INC-000001', status: 'new', version: 1 },
      replayed: false,
    });

    const replay = fakeFetch(201, TICKET, { 'Idempotent-Replayed': 'true' });
    await expect(
      new GatewayClient('http://gw:3000', replay.fetch).createTicket('demo-1', BODY),
    ).resolves.toMatchObject({
      replayed: true,
    });
  });

  it('sends the version it saw as If-Match and reads the version of a comment from the ETag', async () => {
    const transition = fakeFetch(200, { ...TICKET, status: 'assigned', version: 2 });
    const state = await new GatewayClient('http://gw', transition.fetch).transition('t-1', 1, {
      action: 'assign',
      actorId: 'agent-01',
      assignmentGroupId: 'network',
    });
    expect(transition.sent[0]?.url).toBe('http://gw/api/v1/tickets/t-1/transitions');
    expect(transition.sent[0]?.headers['If-Match']).toBe('"1"');
    expect(state.status).toBe('assigned');

    const comment = fakeFetch(201, { id: 'c-1' }, { ETag: '"3"' });
    await expect(
      new GatewayClient('http://gw', comment.fetch).comment('t-1', 'demo-1-c1', {
        authorId: 'agent-01',
        visibility: 'public',
        body: 'On it.',
      }),
    ).resolves.toEqual({ version: 3, replayed: false });
    expect(comment.sent[0]?.headers['Idempotency-Key']).toBe('demo-1-c1');
  });

  it('orders a catalog item with its idempotency key and tells a replay from a creation', async () => {
    const { fetch, sent } = fakeFetch(
      201,
      { ...TICKET, number: 'REQ-000007' },
      {
        'Idempotent-Replayed': 'true',
      },
    );
    const opened = await new GatewayClient('http://gw', fetch).requestCatalogItem(
      'item-1',
      'demo-7',
      {
        requesterId: 'emp-1001',
        fields: { reason: 'hybrid' },
      },
    );
    expect(sent[0]).toMatchObject({
      method: 'POST',
      url: 'http://gw/api/v1/catalog/items/item-1/requests',
      headers: { 'Idempotency-Key': 'demo-7' },
      body: { requesterId: 'emp-1001', fields: { reason: 'hybrid' } },
    });
    expect(opened).toEqual({
      ticket: { id: 't-1', number: 'REQ-000007', status: 'new', version: 1 },
      replayed: true,
    });
  });

  it('adds a watcher with PUT and the actor in the query, and rates with POST', async () => {
    const watch = fakeFetch(200, { ...TICKET, version: 2 });
    const watched = await new GatewayClient('http://gw', watch.fetch).watch(
      't-1',
      'mgr-it-01',
      'agent-02',
    );
    expect(watch.sent[0]).toMatchObject({
      method: 'PUT',
      url: 'http://gw/api/v1/tickets/t-1/watchers/mgr-it-01?actorId=agent-02',
      body: undefined,
    });
    expect(watch.sent[0]?.headers['content-type']).toBeUndefined();
    expect(watched.version).toBe(2);

    const rate = fakeFetch(200, { ...TICKET, status: 'resolved', version: 5 });
    await new GatewayClient('http://gw', rate.fetch).rate('t-1', {
      requesterId: 'emp-1001',
      rating: 2,
      comment: 'Too slow.',
    });
    expect(rate.sent[0]).toMatchObject({
      method: 'POST',
      url: 'http://gw/api/v1/tickets/t-1/satisfaction',
      body: { requesterId: 'emp-1001', rating: 2, comment: 'Too slow.' },
    });
  });

  it('tells a new relation (201) from one that existed (200)', async () => {
    const body = { kind: 'caused_by', targetId: 't-2', actorId: 'agent-06' } as const;
    const created = fakeFetch(201, { id: 'r-1' });
    await expect(
      new GatewayClient('http://gw', created.fetch).relate('t-1', body),
    ).resolves.toEqual({
      created: true,
    });
    expect(created.sent[0]?.url).toBe('http://gw/api/v1/tickets/t-1/relations');
    const existed = fakeFetch(200, { id: 'r-1' });
    await expect(
      new GatewayClient('http://gw', existed.fetch).relate('t-1', body),
    ).resolves.toEqual({
      created: false,
    });
  });

  it('reads a ticket as it is now', async () => {
    const read = fakeFetch(200, { ...TICKET, version: 4, assignmentGroupId: 'g-1' });
    await expect(new GatewayClient('http://gw', read.fetch).getTicket('t 1')).resolves.toEqual({
      id: 't-1',
      number: 'INC-000001',
      status: 'new',
      version: 4,
    });
    expect(read.sent[0]).toMatchObject({ method: 'GET', url: 'http://gw/api/v1/tickets/t%201' });
  });

  it('reads catalog and view lists, also the items no longer offered', async () => {
    const items = fakeFetch(200, {
      items: [{ id: 'i-1', serviceId: 's-1', name: 'New laptop', active: false, formSchema: {} }],
    });
    await expect(new GatewayClient('http://gw', items.fetch).listCatalogItems()).resolves.toEqual([
      { id: 'i-1', serviceId: 's-1', name: 'New laptop' },
    ]);
    expect(items.sent[0]).toMatchObject({
      method: 'GET',
      url: 'http://gw/api/v1/catalog/items?includeInactive=true',
    });

    const view = {
      id: 'v-1',
      ownerId: 'agent-01',
      name: 'VIP',
      shared: true,
      filters: { tag: ['vip'] },
      version: 2,
      createdAt: '2025-03-10T07:15:42Z',
    };
    const views = fakeFetch(200, { items: [view] });
    await expect(
      new GatewayClient('http://gw', views.fetch).listViews('agent 01'),
    ).resolves.toEqual([
      {
        id: 'v-1',
        ownerId: 'agent-01',
        name: 'VIP',
        shared: true,
        filters: { tag: ['vip'] },
        version: 2,
      },
    ]);
    expect(views.sent[0]?.url).toBe('http://gw/api/v1/views?ownerId=agent%2001');

    const replaced = fakeFetch(200, { ...view, version: 3 });
    const body = { ownerId: 'agent-01', name: 'VIP', shared: true, filters: { tag: ['x'] } };
    await new GatewayClient('http://gw', replaced.fetch).updateView('v 1', 2, body);
    expect(replaced.sent[0]).toMatchObject({
      method: 'PUT',
      url: 'http://gw/api/v1/views/v%201',
      headers: { 'If-Match': '"2"' },
      body,
    });

    const broken = fakeFetch(200, { items: [{ id: 's-1', name: 'Mail' }] });
    await expect(new GatewayClient('http://gw', broken.fetch).listServices()).rejects.toThrow(
      'not a service (no createdAt)',
    );
  });

  it('pages through the agents of routing, and creates one', async () => {
    const sent: string[] = [];
    const pages = (async (url: string | URL | Request) => {
      sent.push(String(url));
      const next = String(url).includes('cursor=') ? null : 'c 2';
      const item = { id: next ? 'a-1' : 'a-2', userId: next ? 'agent-01' : 'agent-02' };
      return new Response(
        JSON.stringify({ items: [{ ...item, displayName: 'X', capacity: 8 }], nextCursor: next }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    }) as Fetch;
    await expect(new GatewayClient('http://gw', pages).listAgents()).resolves.toEqual([
      { id: 'a-1', userId: 'agent-01', displayName: 'X' },
      { id: 'a-2', userId: 'agent-02', displayName: 'X' },
    ]);
    expect(sent).toEqual([
      'http://gw/api/v1/routing/agents?limit=500',
      'http://gw/api/v1/routing/agents?limit=500&cursor=c+2',
    ]);

    const taken = fakeFetch(409, { title: 'Conflict', detail: 'agent-01 is an agent already' });
    const creating = new GatewayClient('http://gw', taken.fetch).createAgent({
      userId: 'agent-01',
      displayName: 'Anna Petrova',
      groupIds: ['g-1'],
      skills: [{ name: 'mail', level: 3 }],
      capacity: 15,
      availability: 'online',
    });
    await expect(creating).rejects.toMatchObject({ status: 409 });
    expect(taken.sent[0]).toMatchObject({
      method: 'POST',
      url: 'http://gw/api/v1/routing/agents',
    });
  });

  it('reads routing rules with the disabled ones, and sets category skills with PUT', async () => {
    const rules = fakeFetch(200, { items: [{ id: 'r-1', name: 'VPN', enabled: false }] });
    await expect(new GatewayClient('http://gw', rules.fetch).listRoutingRules()).resolves.toEqual([
      { id: 'r-1', name: 'VPN' },
    ]);
    expect(rules.sent[0]?.url).toBe('http://gw/api/v1/routing/rules?includeDisabled=true');

    const skills = fakeFetch(200, { categoryId: 'c 1', skills: [{ name: 'vpn', level: 2 }] });
    await new GatewayClient('http://gw', skills.fetch).setCategorySkills('c 1', {
      skills: [{ name: 'vpn', level: 2 }],
    });
    expect(skills.sent[0]).toMatchObject({
      method: 'PUT',
      url: 'http://gw/api/v1/routing/category-skills/c%201',
      body: { skills: [{ name: 'vpn', level: 2 }] },
    });
  });

  it('updates the routing settings with the version it read as If-Match', async () => {
    const settings = { classificationThreshold: 0.6, defaultGroupId: 'g-1', version: 2 };
    const { fetch, sent } = fakeFetch(200, settings, { ETag: '"2"' });
    await expect(
      new GatewayClient('http://gw', fetch).updateRoutingSettings(1, {
        classificationThreshold: 0.6,
        defaultGroupId: 'g-1',
      }),
    ).resolves.toEqual(settings);
    expect(sent[0]).toMatchObject({
      method: 'PUT',
      url: 'http://gw/api/v1/routing/settings',
      headers: { 'If-Match': '"1"' },
    });

    const fresh = fakeFetch(200, {
      classificationThreshold: 0.6,
      defaultGroupId: null,
      version: 1,
    });
    await expect(
      new GatewayClient('http://gw', fresh.fetch).getRoutingSettings(),
    ).resolves.toMatchObject({ defaultGroupId: null, version: 1 });
  });

  it('reads the trained model with both accuracies, and refuses an answer without them', async () => {
    const model = {
      id: 'm-1',
      trainedAt: '2025-03-12T09:41:00.000Z',
      trainedBy: 'mgr-it-01',
      trainedOn: 260,
      heldOut: 64,
      categoryAccuracy: { accuracy: 0.8125, evaluated: 64, correct: 52 },
      groupAccuracy: { accuracy: 0.765625, evaluated: 64, correct: 49 },
      categories: 16,
      groups: 6,
    };
    const trained = fakeFetch(201, model);
    const { trainedBy: _, ...read } = model;
    await expect(
      new GatewayClient('http://gw', trained.fetch).trainClassifier({ actorId: 'mgr-it-01' }),
    ).resolves.toEqual(read);
    expect(trained.sent[0]).toMatchObject({
      method: 'POST',
      url: 'http://gw/api/v1/routing/classifier/training',
      body: { actorId: 'mgr-it-01' },
    });

    const broken = fakeFetch(201, { ...model, groupAccuracy: { accuracy: 0.7 } });
    await expect(
      new GatewayClient('http://gw', broken.fetch).trainClassifier({ actorId: 'mgr-it-01' }),
    ).rejects.toThrow('not a classifier model');
  });

  it('pages through the CMDB items of a type, reading their asset details', async () => {
    const sent: string[] = [];
    const server = { id: 'ci-1', type: 'server', name: 'esx-01', externalId: 'demo-host-esx-01' };
    const laptop = { id: 'ci-2', type: 'laptop', name: 'MSK-LT-101', externalId: null };
    const pages = (async (url: string | URL | Request) => {
      sent.push(String(url));
      const first = !String(url).includes('cursor=');
      const item = first
        ? { ...server, asset: null, version: 1, attributes: { ip: '10.10.1.11' } }
        : {
            ...laptop,
            asset: { state: 'in_use', holderId: 'emp-1001', locationId: 'l-1', seats: 0 },
            version: 3,
          };
      return new Response(JSON.stringify({ items: [item], nextCursor: first ? 'c 2' : null }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }) as Fetch;
    const client = new GatewayClient('http://gw', pages);
    await expect(client.listConfigurationItems({ type: 'laptop', q: 'demo-' })).resolves.toEqual([
      { ...server, asset: null, version: 1 },
      {
        ...laptop,
        asset: { state: 'in_use', holderId: 'emp-1001', locationId: 'l-1' },
        version: 3,
      },
    ]);
    expect(sent).toEqual([
      'http://gw/api/v1/cmdb/items?type=laptop&limit=500&q=demo-',
      'http://gw/api/v1/cmdb/items?type=laptop&limit=500&q=demo-&cursor=c+2',
    ]);

    const broken = fakeFetch(200, { items: [{ ...server, asset: {}, version: 1 }] });
    await expect(
      new GatewayClient('http://gw', broken.fetch).listConfigurationItems({ type: 'server' }),
    ).rejects.toThrow('not an item (no asset.state)');
  });

  it('creates an item with its idempotency key, and moves an asset with If-Match', async () => {
    const item = {
      id: 'ci-2',
      type: 'laptop',
      name: 'MSK-LT-101',
      externalId: 'demo-laptop-101',
      asset: { state: 'ordered', holderId: null, locationId: null },
      version: 1,
    };
    const created = fakeFetch(201, item, { ETag: '"1"' });
    const body = {
      type: 'laptop',
      name: 'MSK-LT-101',
      externalId: 'demo-laptop-101',
      asset: { state: 'ordered', inventoryNumber: 'INV-000101' },
      actorId: 'agent-10',
    } as const;
    await expect(
      new GatewayClient('http://gw', created.fetch).createConfigurationItem('key-1', body),
    ).resolves.toEqual(item);
    expect(created.sent[0]).toMatchObject({
      method: 'POST',
      url: 'http://gw/api/v1/cmdb/items',
      headers: { 'Idempotency-Key': 'key-1' },
      body,
    });

    const moved = { ...item, asset: { ...item.asset, state: 'in_stock', locationId: 'l-1' } };
    const acted = fakeFetch(200, { item: { ...moved, version: 2 }, movement: { id: 'm-1' } });
    await expect(
      new GatewayClient('http://gw', acted.fetch).changeAsset('ci-2', 1, {
        action: 'receive',
        locationId: 'l-1',
        actorId: 'agent-10',
      }),
    ).resolves.toEqual({ ...moved, version: 2 });
    expect(acted.sent[0]).toMatchObject({
      method: 'POST',
      url: 'http://gw/api/v1/cmdb/items/ci-2/asset-actions',
      headers: { 'If-Match': '"1"' },
    });
  });

  it('tells a new CMDB relationship (201) from one that existed (200), and reads locations and licences', async () => {
    const body = { sourceId: 'ci-1', targetId: 'ci-2', type: 'runs_on', actorId: 'a' } as const;
    const created = fakeFetch(201, { id: 'r-1' });
    await expect(new GatewayClient('http://gw', created.fetch).relateItems(body)).resolves.toEqual({
      created: true,
    });
    expect(created.sent[0]?.url).toBe('http://gw/api/v1/cmdb/relationships');
    const existed = fakeFetch(200, { id: 'r-1' });
    await expect(new GatewayClient('http://gw', existed.fetch).relateItems(body)).resolves.toEqual({
      created: false,
    });

    const location = { id: 'l-1', name: 'IT warehouse', kind: 'warehouse', version: 1 };
    const locations = fakeFetch(200, { items: [location] });
    await expect(new GatewayClient('http://gw', locations.fetch).listLocations()).resolves.toEqual([
      { id: 'l-1', name: 'IT warehouse', kind: 'warehouse' },
    ]);
    expect(locations.sent[0]?.url).toBe('http://gw/api/v1/cmdb/locations');

    const licence = { licenceId: 'ci-9', name: 'M365', seats: 5, assigned: 7, compliant: false };
    const compliance = fakeFetch(200, { items: [{ ...licence, available: -2 }] });
    await expect(
      new GatewayClient('http://gw', compliance.fetch).licenceCompliance(),
    ).resolves.toEqual([licence]);
    expect(compliance.sent[0]?.url).toBe('http://gw/api/v1/cmdb/licences/compliance');
  });

  it('pages through the tickets a filter finds, and edits one with PATCH and If-Match', async () => {
    const ticket = {
      id: 't-1',
      number: 'INC-000001',
      type: 'incident',
      title: 'VPN',
      status: 'new',
      version: 3,
      configurationItemIds: [],
      priority: 'high',
    };
    const { priority: _priority, ...read } = ticket;
    const list = fakeFetch(200, { items: [ticket], nextCursor: null });
    await expect(
      new GatewayClient('http://gw', list.fetch).listTickets({ type: 'incident', q: '1С' }),
    ).resolves.toEqual([read]);
    expect(list.sent[0]?.url).toBe('http://gw/api/v1/tickets?limit=100&type=incident&q=1%D0%A1');

    const edited = fakeFetch(200, { ...ticket, version: 4, configurationItemIds: ['ci-1'] });
    await expect(
      new GatewayClient('http://gw', edited.fetch).updateTicket('t-1', 3, {
        configurationItemIds: ['ci-1'],
        actorId: 'agent-10',
      }),
    ).resolves.toEqual({ ...read, version: 4, configurationItemIds: ['ci-1'] });
    expect(edited.sent[0]).toMatchObject({
      method: 'PATCH',
      url: 'http://gw/api/v1/tickets/t-1',
      headers: { 'If-Match': '"3"' },
      body: { configurationItemIds: ['ci-1'], actorId: 'agent-10' },
    });
  });

  it('sends the credentials it was made with on every call, in one header', async () => {
    const anonymous = fakeFetch(200, { items: [] });
    const gateway = new GatewayClient('http://gw', anonymous.fetch);
    await gateway.listServiceAccounts();
    expect(Object.keys(anonymous.sent[0]?.headers ?? {})).toEqual(['accept']);

    await gateway.as({ kind: 'bearer', accessToken: 'jwt-1' }).listServiceAccounts();
    expect(anonymous.sent[1]?.headers).toMatchObject({ Authorization: 'Bearer jwt-1' });
    expect(anonymous.sent[1]?.headers).not.toHaveProperty('X-API-Key');

    const keyed = fakeFetch(201, TICKET);
    const asKey = new GatewayClient('http://gw', keyed.fetch).as({
      kind: 'api-key',
      key: 'itsm_abc_secret',
    });
    await asKey.createTicket('demo-1', BODY);
    expect(keyed.sent[0]).toMatchObject({
      url: 'http://gw/api/v1/tickets',
      headers: { 'X-API-Key': 'itsm_abc_secret', 'Idempotency-Key': 'demo-1' },
    });
    expect(keyed.sent[0]?.headers).not.toHaveProperty('Authorization');
  });

  it("signs in and out, and creates and revokes a service account's API key", async () => {
    const session = fakeFetch(200, { accessToken: 'jwt-1', refreshToken: 'r', user: { id: 'u' } });
    await expect(
      new GatewayClient('http://gw', session.fetch).signIn({ email: 'a@b.c', password: 'pw' }),
    ).resolves.toEqual({ accessToken: 'jwt-1' });
    expect(session.sent[0]).toMatchObject({
      method: 'POST',
      url: 'http://gw/api/v1/auth/sign-in',
      body: { email: 'a@b.c', password: 'pw' },
    });

    const signedOut = fakeFetch(204, null);
    await new GatewayClient('http://gw', signedOut.fetch, {
      credentials: { kind: 'bearer', accessToken: 'jwt-1' },
    }).signOut();
    expect(signedOut.sent[0]).toMatchObject({
      method: 'POST',
      url: 'http://gw/api/v1/auth/sign-out',
    });

    const key = { id: '3f9a1c0b7d2e4a65', serviceAccountId: 'sa 1', key: 'itsm_x', scopes: [] };
    const created = fakeFetch(201, key);
    const body = { name: 'run', scopes: ['tickets:write' as const] };
    await expect(
      new GatewayClient('http://gw', created.fetch).createApiKey('sa 1', body),
    ).resolves.toEqual({ id: '3f9a1c0b7d2e4a65', serviceAccountId: 'sa 1', key: 'itsm_x' });
    expect(created.sent[0]).toMatchObject({
      method: 'POST',
      url: 'http://gw/api/v1/service-accounts/sa%201/api-keys',
      body,
    });

    const revoked = fakeFetch(204, null);
    await new GatewayClient('http://gw', revoked.fetch).revokeApiKey('sa-1', '3f9a1c0b7d2e4a65');
    expect(revoked.sent[0]).toMatchObject({
      method: 'DELETE',
      url: 'http://gw/api/v1/service-accounts/sa-1/api-keys/3f9a1c0b7d2e4a65',
      body: undefined,
    });
  });

  it('pages through organisations, finds users by text, and creates a user with its id', async () => {
    const sent: string[] = [];
    const pages = (async (url: string | URL | Request) => {
      sent.push(String(url));
      const first = !String(url).includes('cursor=');
      const item = { id: first ? 'o-1' : 'o-2', name: first ? 'A' : 'B', version: 1 };
      return new Response(JSON.stringify({ items: [item], nextCursor: first ? 'c 2' : null }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }) as Fetch;
    await expect(new GatewayClient('http://gw', pages).listOrganizations()).resolves.toEqual([
      { id: 'o-1', name: 'A' },
      { id: 'o-2', name: 'B' },
    ]);
    expect(sent).toEqual([
      'http://gw/api/v1/organizations?limit=200',
      'http://gw/api/v1/organizations?limit=200&cursor=c+2',
    ]);

    const user = {
      id: 'emp-1001',
      email: 's@itsm.local',
      roles: ['requester'],
      organizationId: null,
    };
    const found = fakeFetch(200, { items: [{ ...user, displayName: 'S' }], nextCursor: null });
    await expect(
      new GatewayClient('http://gw', found.fetch).searchUsers('s@itsm.local'),
    ).resolves.toEqual([user]);
    expect(found.sent[0]?.url).toBe('http://gw/api/v1/users?query=s%40itsm.local&limit=100');

    const created = fakeFetch(201, user);
    const body = {
      id: 'emp-1001',
      email: 's@itsm.local',
      displayName: 'S',
      password: 'demo-password-2026',
      roles: ['requester' as const],
      language: 'ru' as const,
      timeZone: 'Europe/Moscow',
    };
    await expect(new GatewayClient('http://gw', created.fetch).createUser(body)).resolves.toEqual(
      user,
    );
    expect(created.sent[0]).toMatchObject({ method: 'POST', url: 'http://gw/api/v1/users', body });
  });

  it('waits out a 429 as long as Retry-After says and sends the request again', async () => {
    const answers = [
      new Response('{"title":"Too Many Requests"}', {
        status: 429,
        headers: { 'Retry-After': '2' },
      }),
      new Response('{}', { status: 429 }),
      new Response(JSON.stringify(TICKET), { status: 201 }),
    ];
    const sent: string[] = [];
    const limited = (async (url: string | URL | Request, init?: RequestInit) => {
      sent.push(`${String(init?.method)} ${String(url)} ${String(init?.body)}`);
      const answer = answers.shift();
      if (!answer) throw new Error('no more answers');
      return answer;
    }) as Fetch;
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    const opened = await new GatewayClient('http://gw', limited, { sleep }).createTicket(
      'demo-1',
      BODY,
    );
    expect(opened.ticket.id).toBe('t-1');
    expect(waits).toEqual([2_000, 1_000]);
    expect(new Set(sent).size).toBe(1);
    expect(sent).toHaveLength(3);

    const always = fakeFetch(429, { title: 'Too Many Requests' }, { 'Retry-After': '1' });
    const giving = new GatewayClient('http://gw', always.fetch, { sleep, rateLimitRetries: 2 });
    await expect(giving.listServiceAccounts()).rejects.toMatchObject({ status: 429 });
    expect(always.sent).toHaveLength(3);
  });

  it('turns a problem+json answer into an error with its detail and field errors', async () => {
    const { fetch } = fakeFetch(409, {
      type: '/problems/invalid-transition',
      title: 'Conflict',
      status: 409,
      detail: 'cannot close a ticket that is new; allowed: assign, cancel',
      instance: '/api/v1/tickets/t-1/transitions',
      traceId: 'abc',
    });
    const failing = new GatewayClient('http://gw', fetch).transition('t-1', 1, {
      action: 'close',
      actorId: 'agent-01',
    });
    await expect(failing).rejects.toBeInstanceOf(ApiProblemError);
    await expect(failing).rejects.toThrow(
      'POST http://gw/api/v1/tickets/t-1/transitions answered 409 Conflict: cannot close a ticket that is new; allowed: assign, cancel [trace abc]',
    );
  });

  it('says which request could not reach the gateway', async () => {
    const refused = (() =>
      Promise.reject(
        new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') }),
      )) as Fetch;
    await expect(
      new GatewayClient('http://gw', refused).createTicket('demo-1', BODY),
    ).rejects.toThrow('POST http://gw/api/v1/tickets failed: fetch failed: connect ECONNREFUSED');
  });
});

describe('describeProblem', () => {
  it('lists field errors and copes with bodies that are not problem details', () => {
    expect(
      describeProblem(
        400,
        JSON.stringify({
          type: '/problems/validation-failed',
          title: 'Bad Request',
          detail: 'the request is invalid; see errors',
          errors: [{ field: 'title', message: 'title must not be empty' }],
        }),
      ),
    ).toEqual({
      type: '/problems/validation-failed',
      message:
        '400 Bad Request: the request is invalid; see errors (title: title must not be empty)',
    });
    expect(describeProblem(502, 'Bad Gateway')).toEqual({ message: '502: Bad Gateway' });
  });
});

describe('versionOfETag', () => {
  it('reads strong and weak ETags and nothing else', () => {
    expect(versionOfETag('"12"')).toBe(12);
    expect(versionOfETag('W/"4"')).toBe(4);
    expect(versionOfETag(null)).toBeUndefined();
    expect(versionOfETag('abc')).toBeUndefined();
  });
});

describe('authorizationHeaders', () => {
  it('puts a token in Authorization, a key in X-API-Key, and nothing for nobody', () => {
    expect(authorizationHeaders({ kind: 'anonymous' })).toEqual({});
    expect(authorizationHeaders({ kind: 'bearer', accessToken: 't' })).toEqual({
      Authorization: 'Bearer t',
    });
    expect(authorizationHeaders({ kind: 'api-key', key: 'itsm_k' })).toEqual({
      'X-API-Key': 'itsm_k',
    });
  });
});

describe('retryAfterMs', () => {
  const now = new Date('2026-03-02T10:00:00Z');
  it('reads seconds and HTTP dates, waits a second when told nothing, and at most a minute', () => {
    expect(retryAfterMs('3', now)).toBe(3_000);
    expect(retryAfterMs('Mon, 02 Mar 2026 10:00:05 GMT', now)).toBe(5_000);
    expect(retryAfterMs('Mon, 02 Mar 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs(null, now)).toBe(1_000);
    expect(retryAfterMs('soon', now)).toBe(1_000);
    expect(retryAfterMs('86400', now)).toBe(60_000);
  });
});
