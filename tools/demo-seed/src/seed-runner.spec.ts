import type { CatalogIds } from './catalog-sync';
import type {
  CatalogItemRecord,
  CategoryRecord,
  CommentBody,
  CreateTicketBody,
  CreateViewBody,
  RateBody,
  RelationBody,
  RequestCatalogItemBody,
  ServiceRecord,
  TicketState,
  TransitionBody,
  UpdateViewBody,
  ViewRecord,
  VoteBody,
} from './gateway-api';
import { ApiProblemError, type DemoApi, type Opened } from './gateway-client';
import { GroupDirectory, isGroupKey } from './group-directory';
import { buildSeedPlan, type SeedPlan, type TicketPlan } from './seed-plan';
import {
  forEachLimited,
  formatSummary,
  runSeedPlan,
  transitionBody,
  viewBody,
} from './seed-runner';
import { expectRoutingGroups, GROUP_IDS, GROUPS, strayGroupsIn } from './testing/groups.fixture';

const NOW = new Date('2025-03-12T09:41:00Z');
const CATALOG: CatalogIds = {
  services: { network: 'svc-network' },
  categories: { 'network-vpn': 'cat-vpn' },
  items: { 'vpn-access': 'item-vpn' },
};
const OPTIONS = { concurrency: 1, catalog: CATALOG, groups: GROUPS, now: NOW };

/**
 * An in-memory API: remembers keys and bodies, bumps versions, checks If-Match like the gateway,
 * and refuses a group named by anything but routing's id, which the gateway would take and
 * no agent would ever see.
 */
class FakeApi implements DemoApi {
  readonly calls: string[] = [];
  readonly bodies = new Map<string, unknown>();
  readonly transitions: TransitionBody[] = [];
  readonly views: ViewRecord[] = [];
  private readonly byKey = new Map<string, { ticket: TicketState; fingerprint: string }>();
  private readonly tickets = new Map<string, TicketState>();
  private readonly relations = new Set<string>();
  failOn: string | undefined;
  /** Reported times older than this are refused for new tickets, as the 30-day window does. */
  oldestReportedAt = 0;

  async createTicket(key: string, body: CreateTicketBody): Promise<Opened> {
    this.calls.push(`create ${key}${body.reportedAt ? ' reported' : ''}`);
    if (
      body.reportedAt &&
      !this.byKey.has(key) &&
      Date.parse(body.reportedAt) < this.oldestReportedAt
    ) {
      throw new ApiProblemError(400, '/problems/validation-failed', 'reportedAt out of range');
    }
    return this.open(key, body.type === 'incident' ? 'INC' : 'REQ', body);
  }

  async requestCatalogItem(
    itemId: string,
    key: string,
    body: RequestCatalogItemBody,
  ): Promise<Opened> {
    this.calls.push(`order ${itemId} ${key}`);
    return this.open(key, 'REQ', body);
  }

  private open(key: string, prefix: string, body: object): Opened {
    const fingerprint = JSON.stringify(body);
    const earlier = this.byKey.get(key);
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) {
        throw new ApiProblemError(422, '/problems/idempotency-key-reused', 'key reused');
      }
      return { ticket: { ...earlier.ticket }, replayed: true };
    }
    const ticket: TicketState = {
      id: `id-${this.byKey.size + 1}`,
      number: `${prefix}-${this.byKey.size + 1}`,
      status: 'new',
      version: 1,
    };
    this.byKey.set(key, { ticket, fingerprint });
    this.tickets.set(ticket.id, ticket);
    this.bodies.set(key, body);
    return { ticket: { ...ticket }, replayed: false };
  }

  async getTicket(id: string): Promise<TicketState> {
    this.calls.push(`get ${id}`);
    return { ...this.ticket(id) };
  }

  async transition(id: string, version: number, body: TransitionBody): Promise<TicketState> {
    this.calls.push(`${body.action} ${id} if-match ${version}`);
    expectRoutingGroups(body);
    this.transitions.push(body);
    const ticket = this.ticket(id);
    if (this.failOn === body.action) {
      throw new ApiProblemError(409, '/problems/invalid-transition', `cannot ${body.action}`);
    }
    if (version !== ticket.version) throw new ApiProblemError(412, undefined, 'stale version');
    ticket.version += 1;
    ticket.status =
      body.action === 'assign'
        ? 'assigned'
        : body.action === 'resolve'
          ? 'resolved'
          : 'in_progress';
    return { ...ticket };
  }

  async comment(
    id: string,
    key: string,
    body: CommentBody,
  ): Promise<{ version: number | undefined; replayed: boolean }> {
    this.calls.push(`comment ${id} ${key}`);
    const ticket = this.ticket(id);
    // An agent's first public reply is the first response: the version goes up.
    if (body.visibility === 'public' && body.authorId.startsWith('agent-')) ticket.version += 1;
    return { version: ticket.version, replayed: false };
  }

  async vote(id: string, body: VoteBody): Promise<TicketState> {
    this.calls.push(`vote ${id} ${body.decision}`);
    return { ...this.ticket(id) };
  }

  async watch(id: string, watcherId: string, actorId: string): Promise<TicketState> {
    this.calls.push(`watch ${id} ${watcherId} by ${actorId}`);
    const ticket = this.ticket(id);
    ticket.version += 1;
    return { ...ticket };
  }

  async rate(id: string, body: RateBody): Promise<TicketState> {
    this.calls.push(`rate ${id} ${body.rating}`);
    const ticket = this.ticket(id);
    if (ticket.status !== 'resolved') throw new ApiProblemError(409, undefined, 'not resolved');
    ticket.version += 1;
    return { ...ticket };
  }

  async relate(id: string, body: RelationBody): Promise<{ created: boolean }> {
    this.calls.push(`relate ${id} ${body.kind} ${body.targetId}`);
    const relation = `${id} ${body.kind} ${body.targetId}`;
    const created = !this.relations.has(relation);
    this.relations.add(relation);
    return { created };
  }

  async listServices(): Promise<ServiceRecord[]> {
    return [];
  }

  async createService(): Promise<ServiceRecord> {
    throw new Error('not used');
  }

  async listCategories(): Promise<CategoryRecord[]> {
    return [];
  }

  async createCategory(): Promise<CategoryRecord> {
    throw new Error('not used');
  }

  async listCatalogItems(): Promise<CatalogItemRecord[]> {
    return [];
  }

  async createCatalogItem(): Promise<CatalogItemRecord> {
    throw new Error('not used');
  }

  async listViews(ownerId: string): Promise<ViewRecord[]> {
    this.calls.push(`list views of ${ownerId}`);
    return this.views.filter((view) => view.ownerId === ownerId || view.name.startsWith('shared'));
  }

  async createView(body: CreateViewBody): Promise<ViewRecord> {
    this.calls.push(`save view ${body.ownerId} ${body.name}`);
    expectRoutingGroups(body);
    const view = { ...body, id: `view-${this.views.length + 1}`, version: 1 };
    this.views.push(view);
    return { ...view };
  }

  async updateView(viewId: string, version: number, body: UpdateViewBody): Promise<ViewRecord> {
    this.calls.push(`replace view ${viewId} if-match ${version}`);
    expectRoutingGroups(body);
    const index = this.views.findIndex((view) => view.id === viewId);
    const view = this.views[index];
    if (!view) throw new ApiProblemError(404, undefined, 'no such view');
    if (view.version !== version) throw new ApiProblemError(412, undefined, 'stale version');
    const replaced = { ...body, id: viewId, version: version + 1 };
    this.views[index] = replaced;
    return { ...replaced };
  }

  /** Somebody else changes the ticket, as routing does when it queues a new one. */
  touch(id: string): void {
    const ticket = this.ticket(id);
    ticket.version += 1;
    ticket.status = 'assigned';
  }

  private ticket(id: string): TicketState {
    const ticket = this.tickets.get(id);
    if (!ticket) throw new Error(`no ticket ${id}`);
    return ticket;
  }
}

function ticketPlan(n: number, finalStatus: TicketPlan['finalStatus'] = 'in_progress'): TicketPlan {
  return {
    idempotencyKey: `demo-${n}`,
    type: 'incident',
    language: 'en',
    opening: {
      via: 'tickets',
      body: {
        type: 'incident',
        title: `Ticket ${n}`,
        description: '',
        impact: 'low',
        urgency: 'low',
        channel: 'portal',
        requesterId: 'emp-1001',
      },
    },
    steps: [
      {
        kind: 'transition',
        body: { action: 'assign', actorId: 'agent-01', assigneeId: 'agent-01' },
      },
      {
        kind: 'comment',
        idempotencyKey: `demo-${n}-c1`,
        body: { authorId: 'agent-01', visibility: 'public', body: 'On it.' },
      },
      { kind: 'transition', body: { action: 'start', actorId: 'agent-01' } },
    ],
    finalStatus,
  };
}

function savedView(id: string, ownerId: string, name: string): ViewRecord {
  return { id, ownerId, name, shared: true, filters: {}, version: 1 };
}

function planOf(tickets: TicketPlan[], extra: Partial<SeedPlan> = {}): SeedPlan {
  return { tickets, relations: [], views: [], ...extra };
}

const KNOWLEDGE_COUNTS = {
  categories: { total: 5, created: 0 },
  articles: { total: 18, created: 0, published: 0 },
};
const CATALOG_COUNTS = {
  services: { total: 6, created: 0 },
  categories: { total: 21, created: 0 },
  items: { total: 13, created: 0 },
};

describe('runSeedPlan', () => {
  it('opens each ticket and takes its steps in order, sending the version it last saw', async () => {
    const api = new FakeApi();
    const summary = await runSeedPlan(planOf([ticketPlan(1)]), api, OPTIONS);
    expect(api.calls).toEqual([
      'create demo-1',
      'assign id-1 if-match 1',
      'comment id-1 demo-1-c1',
      'start id-1 if-match 3',
    ]);
    expect(summary).toMatchObject({
      tickets: 1,
      created: 1,
      alreadySeeded: 0,
      transitions: 2,
      comments: 1,
    });
    expect(summary.createdByType.incident).toBe(1);
  });

  it("files a ticket under the catalog's ids and orders catalog items by the item's id", async () => {
    const api = new FakeApi();
    const filed = ticketPlan(1);
    if (filed.opening.via !== 'tickets') throw new Error('unexpected');
    filed.opening = { ...filed.opening, service: 'network', category: 'network-vpn' };
    const ordered: TicketPlan = {
      ...ticketPlan(2, 'new'),
      type: 'service_request',
      opening: {
        via: 'catalog',
        item: 'vpn-access',
        body: { requesterId: 'emp-1002', fields: { reason: 'hybrid' } },
      },
      steps: [],
    };
    const summary = await runSeedPlan(planOf([filed, ordered]), api, OPTIONS);
    expect(api.bodies.get('demo-1')).toMatchObject({
      serviceId: 'svc-network',
      categoryId: 'cat-vpn',
    });
    expect(api.calls).toContain('order item-vpn demo-2');
    expect(summary).toMatchObject({ created: 2, orderedFromCatalog: 1 });
  });

  it('adds watchers and ratings, following the version each answer carries', async () => {
    const api = new FakeApi();
    const ticket: TicketPlan = {
      ...ticketPlan(1, 'resolved'),
      steps: [
        { kind: 'watch', watcherId: 'mgr-it-01', actorId: 'agent-02' },
        { kind: 'transition', body: { action: 'resolve', actorId: 'agent-02' } },
        { kind: 'rate', body: { requesterId: 'emp-1001', rating: 5 } },
      ],
    };
    const summary = await runSeedPlan(planOf([ticket]), api, OPTIONS);
    expect(api.calls).toEqual([
      'create demo-1',
      'watch id-1 mgr-it-01 by agent-02',
      'resolve id-1 if-match 2',
      'rate id-1 5',
    ]);
    expect(summary).toMatchObject({ watchers: 1, ratings: 1, transitions: 1 });
  });

  it('leaves tickets seeded by an earlier run alone, so a second run changes nothing', async () => {
    const api = new FakeApi();
    const plan = planOf([ticketPlan(1), ticketPlan(2)], {
      relations: [
        { sourceKey: 'demo-2', kind: 'child_of', targetKey: 'demo-1', actorId: 'agent-01' },
      ],
      views: [{ ownerId: 'agent-01', name: 'Mine', shared: false, filters: {} }],
    });
    const first = await runSeedPlan(plan, api, { ...OPTIONS, concurrency: 2 });
    expect(first).toMatchObject({ relations: 1, views: { total: 1, created: 1 } });
    api.calls.length = 0;
    const again = await runSeedPlan(plan, api, { ...OPTIONS, concurrency: 2 });
    expect(api.calls.sort()).toEqual(['create demo-1', 'create demo-2', 'list views of agent-01']);
    expect(again).toMatchObject({
      created: 0,
      alreadySeeded: 2,
      transitions: 0,
      comments: 0,
      relations: 0,
      views: { total: 1, created: 0 },
    });
    expect(formatSummary(CATALOG_COUNTS, again, KNOWLEDGE_COUNTS, 1234)).toBe(
      'demo: catalog 6 services, 21 categories, 13 items (0 new); 2 tickets (0 created, 2 already there); ' +
        '0 comments, 0 transitions, 0 approval votes, 0 watchers, 0 ratings, 0 relations; ' +
        '1 views (0 new); knowledge 5 categories (0 new), 18 articles (0 created, 0 published) ' +
        'in 1.2 s',
    );
  });

  it('relates tickets once both are open, by their ids', async () => {
    const api = new FakeApi();
    const plan = planOf([ticketPlan(1), ticketPlan(2)], {
      relations: [
        { sourceKey: 'demo-1', kind: 'caused_by', targetKey: 'demo-2', actorId: 'agent-06' },
      ],
    });
    await runSeedPlan(plan, api, OPTIONS);
    expect(api.calls.at(-1)).toBe('relate id-1 caused_by id-2');
  });

  it("saves only the views the owner lacks, whatever the case, not minding others' shared ones", async () => {
    const api = new FakeApi();
    api.views.push(
      { ...savedView('v-1', 'agent-01', 'network QUEUE'), filters: { status: 'new' } },
      savedView('v-2', 'agent-09', 'shared: Mine'),
    );
    const summary = await runSeedPlan(
      planOf([], {
        views: [
          { ownerId: 'agent-01', name: 'Network queue', shared: true, filters: {} },
          { ownerId: 'agent-01', name: 'shared: Mine', shared: false, filters: {} },
        ],
      }),
      api,
      OPTIONS,
    );
    expect(api.calls).toEqual(['list views of agent-01', 'save view agent-01 shared: Mine']);
    expect(summary.views).toEqual({ total: 2, created: 1, repaired: 0 });
  });

  it("names groups by routing's ids in transitions and views, never by their keys", async () => {
    const api = new FakeApi();
    const ticket: TicketPlan = {
      ...ticketPlan(1, 'assigned'),
      steps: [
        {
          kind: 'transition',
          body: { action: 'assign', actorId: 'agent-01', assignmentGroupId: 'service-desk' },
        },
        {
          kind: 'transition',
          body: {
            action: 'assign',
            actorId: 'agent-01',
            assignmentGroupId: 'network',
            assigneeId: 'agent-08',
          },
        },
      ],
    };
    const view = {
      ownerId: 'agent-07',
      name: 'Network queue',
      shared: true,
      filters: { assignmentGroupId: 'network' as const, status: 'assigned' as const },
    };
    await runSeedPlan(planOf([ticket], { views: [view] }), api, OPTIONS);
    expect(api.transitions).toEqual([
      { action: 'assign', actorId: 'agent-01', assignmentGroupId: GROUP_IDS['service-desk'] },
      {
        action: 'assign',
        actorId: 'agent-01',
        assignmentGroupId: GROUP_IDS.network,
        assigneeId: 'agent-08',
      },
    ]);
    expect(api.views).toEqual([
      {
        id: 'view-1',
        ownerId: 'agent-07',
        name: 'Network queue',
        shared: true,
        filters: { assignmentGroupId: GROUP_IDS.network, status: 'assigned' },
        version: 1,
      },
    ]);
  });

  it('stops at a group routing does not have, naming it', async () => {
    const api = new FakeApi();
    const ticket: TicketPlan = {
      ...ticketPlan(1, 'assigned'),
      steps: [
        {
          kind: 'transition',
          body: { action: 'assign', actorId: 'agent-01', assignmentGroupId: 'dba' },
        },
      ],
    };
    const groups = new GroupDirectory([['network', GROUP_IDS.network]]);
    await expect(runSeedPlan(planOf([ticket]), api, { ...OPTIONS, groups })).rejects.toThrow(
      `demo-1 (INC-1, new) step 1 of 1, transition assign by agent-01: group "dba" is none of ` +
        "routing's groups (network)",
    );
    expect(api.transitions).toEqual([]);
  });

  it('makes a view an earlier run saved with a group key filter on its id, once', async () => {
    const api = new FakeApi();
    api.views.push({
      ...savedView('v-1', 'agent-07', 'Network queue'),
      filters: { assignmentGroupId: 'network', status: 'assigned', sort: '-priority' },
      version: 3,
    });
    const plan = planOf([], {
      views: [
        {
          ownerId: 'agent-07',
          name: 'Network queue',
          shared: true,
          filters: { assignmentGroupId: 'network', status: 'assigned', sort: '-priority' },
        },
      ],
    });
    const first = await runSeedPlan(plan, api, OPTIONS);
    expect(api.calls).toEqual(['list views of agent-07', 'replace view v-1 if-match 3']);
    expect(api.views).toEqual([
      {
        id: 'v-1',
        ownerId: 'agent-07',
        name: 'Network queue',
        shared: true,
        filters: { assignmentGroupId: GROUP_IDS.network, status: 'assigned', sort: '-priority' },
        version: 4,
      },
    ]);
    expect(first.views).toEqual({ total: 1, created: 0, repaired: 1 });
    expect(formatSummary(CATALOG_COUNTS, first, KNOWLEDGE_COUNTS, 0)).toContain(
      '1 views (0 new, 1 repaired)',
    );

    api.calls.length = 0;
    const again = await runSeedPlan(plan, api, OPTIONS);
    expect(api.calls).toEqual(['list views of agent-07']);
    expect(again.views).toEqual({ total: 1, created: 0, repaired: 0 });
  });

  it('takes a step again on the ticket as it is when routing changed it first', async () => {
    const api = new FakeApi();
    const order: TicketPlan = {
      ...ticketPlan(1, 'assigned'),
      type: 'service_request',
      opening: {
        via: 'catalog',
        item: 'vpn-access',
        body: { requesterId: 'emp-1002', fields: {} },
      },
      steps: [
        {
          kind: 'transition',
          body: {
            action: 'assign',
            actorId: 'agent-02',
            assignmentGroupId: 'network',
            assigneeId: 'agent-08',
          },
        },
      ],
    };
    const requestCatalogItem = api.requestCatalogItem.bind(api);
    api.requestCatalogItem = async (itemId, key, body) => {
      const opened = await requestCatalogItem(itemId, key, body);
      api.touch(opened.ticket.id);
      return opened;
    };
    const summary = await runSeedPlan(planOf([order]), api, OPTIONS);
    expect(api.calls).toEqual([
      'order item-vpn demo-1',
      'assign id-1 if-match 1',
      'get id-1',
      'assign id-1 if-match 2',
    ]);
    expect(summary).toMatchObject({ created: 1, transitions: 1 });
  });

  it('gives up on a version that keeps going stale', async () => {
    const api = new FakeApi();
    const transition = api.transition.bind(api);
    api.transition = async (id, version, body) => {
      api.touch(id);
      return transition(id, version, body);
    };
    await expect(runSeedPlan(planOf([ticketPlan(1)]), api, OPTIONS)).rejects.toThrow(
      'step 1 of 3, transition assign by agent-01: stale version',
    );
    expect(api.calls.filter((call) => call.startsWith('get'))).toHaveLength(2);
  });

  it('opens a ticket whose reported time fell out of the window as of now, and replays it so', async () => {
    const api = new FakeApi();
    api.oldestReportedAt = NOW.getTime() - 30 * 86_400_000;
    const old = ticketPlan(1);
    if (old.opening.via !== 'tickets') throw new Error('unexpected');
    old.opening.body.reportedAt = '2025-02-01T10:00:00.000Z';
    const first = await runSeedPlan(planOf([old]), api, OPTIONS);
    expect(api.calls.slice(0, 2)).toEqual(['create demo-1 reported', 'create demo-1']);
    expect(first).toMatchObject({ created: 1, notBackdated: 1 });
    expect(formatSummary(CATALOG_COUNTS, first, KNOWLEDGE_COUNTS, 0)).toContain(
      '1 opened as of now (too old to backdate)',
    );

    api.calls.length = 0;
    const again = await runSeedPlan(planOf([old]), api, OPTIONS);
    expect(api.calls).toEqual(['create demo-1 reported', 'create demo-1']);
    expect(again).toMatchObject({ created: 0, alreadySeeded: 1 });
  });

  it('replays a backdated ticket long after, as replays do not check the window', async () => {
    const api = new FakeApi();
    const ticket = ticketPlan(1);
    if (ticket.opening.via !== 'tickets') throw new Error('unexpected');
    ticket.opening.body.reportedAt = '2025-03-01T10:00:00.000Z';
    await runSeedPlan(planOf([ticket]), api, OPTIONS);
    api.calls.length = 0;
    api.oldestReportedAt = Date.parse('2025-03-20T00:00:00Z');
    const later = { ...OPTIONS, now: new Date('2025-04-20T00:00:00Z') };
    await expect(runSeedPlan(planOf([ticket]), api, later)).resolves.toMatchObject({
      alreadySeeded: 1,
    });
    expect(api.calls).toEqual(['create demo-1 reported']);
  });

  it('fails loudly with the ticket, the step and what the API said', async () => {
    const api = new FakeApi();
    api.failOn = 'start';
    await expect(runSeedPlan(planOf([ticketPlan(1)]), api, OPTIONS)).rejects.toThrow(
      'demo-1 (INC-1, assigned) step 3 of 3, transition start by agent-01: cannot start',
    );
  });

  it('fails when a ticket does not end where the plan says', async () => {
    await expect(
      runSeedPlan(planOf([ticketPlan(1, 'closed')]), new FakeApi(), OPTIONS),
    ).rejects.toThrow('demo-1 (INC-1) ended in_progress; the plan says closed');
  });

  it('explains a reused key: the catalogue changed since the database was seeded', async () => {
    const api = new FakeApi();
    api.createTicket = () =>
      Promise.reject(new ApiProblemError(422, '/problems/idempotency-key-reused', 'key reused'));
    await expect(runSeedPlan(planOf([ticketPlan(1)]), api, OPTIONS)).rejects.toThrow(
      /demo-1: opening failed: key reused \(the demo catalogue changed/,
    );
  });
});

describe("the demo plan's request bodies", () => {
  const plan = buildSeedPlan({ now: NOW, anchor: NOW });

  it("name every group by routing's id", () => {
    const transitions = plan.tickets.flatMap((ticket) =>
      ticket.steps.flatMap((step) =>
        step.kind === 'transition' ? [transitionBody(step.body, GROUPS)] : [],
      ),
    );
    const assigned = transitions.filter((body) => body.assignmentGroupId !== undefined);
    expect(assigned.length).toBeGreaterThan(300);
    expect(new Set(assigned.map((body) => body.assignmentGroupId))).toEqual(
      new Set(Object.values(GROUP_IDS)),
    );
    expect(strayGroupsIn(transitions)).toEqual([]);
    const views = plan.views.map((view) => viewBody(view, GROUPS));
    expect(views.filter((view) => view.filters.assignmentGroupId)).not.toHaveLength(0);
    expect(strayGroupsIn(views)).toEqual([]);
  });

  it('keep the keys in the plan itself, where they read as the demo is told', () => {
    const planned = plan.tickets.flatMap((ticket) =>
      ticket.steps.flatMap((step) =>
        step.kind === 'transition' && step.body.assignmentGroupId !== undefined
          ? [step.body.assignmentGroupId]
          : [],
      ),
    );
    expect(planned.filter((group) => !isGroupKey(group))).toEqual([]);
    expect(plan.views.flatMap((view) => view.filters.assignmentGroupId ?? [])).toEqual(['network']);
  });
});

describe('forEachLimited', () => {
  it('never runs more than the limit at once and does every item', async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await forEachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      done.push(item);
      running -= 1;
    });
    expect(peak).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('starts nothing new after a failure and throws the first one', async () => {
    const started: number[] = [];
    await expect(
      forEachLimited([1, 2, 3, 4, 5], 2, async (item) => {
        started.push(item);
        if (item === 2) throw new Error('boom');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }),
    ).rejects.toThrow('boom');
    expect(started).toEqual([1, 2]);
  });
});
