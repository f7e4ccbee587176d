import { compileRules } from '../../domain/rule-engine';
import type {
  Agent,
  AgentLoad,
  RoutingRule,
  SupportGroup,
  TicketFacts,
} from '../../domain/routing-model';
import type { Clock, IdGenerator } from '../ports/clock';
import type {
  RoutingLedger,
  StoredDecision,
  StoredEscalation,
  TrackedTicket,
} from '../ports/routing-ledger';
import type { RoutingSnapshot } from '../routing-configuration/routing-configuration';
import { TicketRouter } from './ticket-router';

const now = new Date('2026-11-27T09:00:00Z');
const clock: Clock = { now: () => now };
let nextId = 0;
const ids: IdGenerator = { newId: () => `decision-${++nextId}` };

const group = (id: string, overrides: Partial<SupportGroup> = {}): SupportGroup => ({
  id,
  name: id,
  lineId: 'line-1',
  strategy: 'least_loaded',
  supervisorId: null,
  escalationGroupId: null,
  escalateOnSlaWarning: false,
  autoAssign: true,
  ...overrides,
});

const agent = (id: string, groupId: string): Agent => ({
  id,
  userId: `user-${id}`,
  displayName: id,
  groupIds: [groupId],
  skills: {},
  capacity: 5,
  availability: 'online',
  shift: null,
});

const rule = (id: string, channel: string, groupId: string): RoutingRule => ({
  id,
  name: id,
  order: 10,
  enabled: true,
  conditions: [{ field: 'channel', operator: 'in', values: [channel] }],
  actions: { setGroupId: groupId },
  stopProcessing: false,
  version: 1,
});

const groups = [
  group('grp-network'),
  group('grp-desk'),
  group('grp-dispatch', { autoAssign: false }),
];
const agents = [
  agent('anna', 'grp-network'),
  agent('boris', 'grp-network'),
  agent('desk-1', 'grp-desk'),
  agent('disp-1', 'grp-dispatch'),
];

const snapshot: RoutingSnapshot = {
  lines: new Map([['line-1', { id: 'line-1', name: 'Service desk', level: 1 }]]),
  groups: new Map(groups.map((item) => [item.id, item])),
  agentsByGroup: new Map(
    groups.map(({ id }) => [id, agents.filter(({ groupIds }) => groupIds.includes(id))]),
  ),
  ruleSet: compileRules([
    rule('r-email', 'email', 'grp-network'),
    rule('r-phone', 'phone', 'grp-dispatch'),
  ]),
  categorySkills: new Map(),
  settings: { classificationThreshold: 0.8, defaultGroupId: 'grp-desk', version: 1 },
  classifier: null,
};

const facts = (channel: string): TicketFacts => ({
  ticketId: 'ticket-1',
  number: 'INC-000001',
  type: 'incident',
  title: 'Printer',
  description: '',
  categoryId: null,
  serviceId: null,
  organizationId: null,
  priority: 'medium',
  channel,
  customFields: {},
  tags: [],
});

const tracked = (channel: string, overrides: Partial<TrackedTicket> = {}): TrackedTicket => ({
  ticketId: 'ticket-1',
  number: 'INC-000001',
  facts: facts(channel),
  groupId: null,
  assigneeId: null,
  open: true,
  queuedAt: null,
  ...overrides,
});

const load = (openTickets: number, weightedLoad: number): AgentLoad => ({
  openTickets,
  weightedLoad,
  lastAssignedAt: null,
});

/** Routing's ledger in memory: the loads it was asked for and what was written to it. */
class FakeLedger implements RoutingLedger {
  readonly loadReads: string[][] = [];
  readonly saved: TrackedTicket[] = [];
  readonly recorded: StoredDecision[] = [];

  constructor(private readonly loads: ReadonlyMap<string, AgentLoad>) {}

  ticket(): Promise<TrackedTicket | undefined> {
    return Promise.resolve(undefined);
  }
  saveTicket(ticket: TrackedTicket): Promise<void> {
    this.saved.push(ticket);
    return Promise.resolve();
  }
  loadsOf(userIds: readonly string[]): Promise<Map<string, AgentLoad>> {
    this.loadReads.push([...userIds]);
    const found = new Map<string, AgentLoad>();
    for (const userId of userIds) {
      const userLoad = this.loads.get(userId);
      if (userLoad) found.set(userId, userLoad);
    }
    return Promise.resolve(found);
  }
  queuedTickets(): Promise<TrackedTicket[]> {
    return Promise.resolve([]);
  }
  recordDecision(decision: StoredDecision): Promise<void> {
    this.recorded.push(decision);
    return Promise.resolve();
  }
  recordEscalation(): Promise<void> {
    return Promise.resolve();
  }
  escalationByKey(): Promise<StoredEscalation | undefined> {
    return Promise.resolve(undefined);
  }
  hasEscalated(): Promise<boolean> {
    return Promise.resolve(false);
  }
  decisions(): Promise<StoredDecision[]> {
    return Promise.resolve(this.recorded);
  }
  decision(): Promise<StoredDecision | undefined> {
    return Promise.resolve(undefined);
  }
  escalations(): Promise<StoredEscalation[]> {
    return Promise.resolve([]);
  }
  saveTrainingExample(): Promise<void> {
    return Promise.resolve();
  }
}

const router = () => new TicketRouter({ current: () => Promise.resolve(snapshot) }, clock, ids);

describe('routing a new ticket', () => {
  it('reads the loads once, of the chosen group’s agents only, and gives the ticket to the least loaded', async () => {
    const ledger = new FakeLedger(
      new Map([
        ['user-anna', load(3, 6)],
        ['user-boris', load(1, 2)],
        ['user-desk-1', load(0, 0)],
      ]),
    );

    const { decision, ticket } = await router().routeNew(tracked('email'), ledger);

    expect(ledger.loadReads).toEqual([['user-anna', 'user-boris']]);
    expect(decision).toMatchObject({ groupId: 'grp-network', agentId: 'boris', queued: false });
    expect(decision.steps.map(({ kind }) => kind)).toEqual([
      'rule_matched',
      'group_selected',
      'agent_selected',
    ]);
    expect(ticket).toMatchObject({ groupId: 'grp-network', assigneeId: 'user-boris' });
    expect(ledger.saved).toEqual([ticket]);
    expect(ledger.recorded).toEqual([decision]);
  });

  it('reads no loads when the chosen group assigns by hand', async () => {
    const ledger = new FakeLedger(new Map());

    const { decision } = await router().routeNew(tracked('phone'), ledger);

    expect(ledger.loadReads).toEqual([]);
    expect(decision).toMatchObject({ groupId: 'grp-dispatch', agentId: null, queued: true });
  });

  it('keeps a ticket that came with a group of routing’s in it, without running the rules', async () => {
    const ledger = new FakeLedger(new Map());

    const { decision } = await router().routeNew(tracked('email', { groupId: 'grp-desk' }), ledger);

    expect(ledger.loadReads).toEqual([['user-desk-1']]);
    expect(decision).toMatchObject({ groupId: 'grp-desk', agentId: 'desk-1' });
    expect(decision.steps[0]).toEqual({
      kind: 'group_selected',
      groupId: 'grp-desk',
      source: 'current',
    });
  });
});

describe('placing a ticket in a given group', () => {
  it('records nothing when a ticket leaving the queue still finds nobody', async () => {
    const full = load(5, 10);
    const ledger = new FakeLedger(
      new Map([
        ['user-anna', full],
        ['user-boris', full],
      ]),
    );

    const placement = await router().placeInGroup(
      tracked('email', { groupId: 'grp-network', queuedAt: now }),
      'grp-network',
      'queue',
      ledger,
    );

    expect(placement).toBeNull();
    expect(ledger.loadReads).toEqual([['user-anna', 'user-boris']]);
    expect(ledger.saved).toEqual([]);
    expect(ledger.recorded).toEqual([]);
  });

  it('escalates into the next line’s group and assigns there', async () => {
    const ledger = new FakeLedger(new Map());

    const placement = await router().placeInGroup(
      tracked('email', { groupId: 'grp-desk' }),
      'grp-network',
      'escalation',
      ledger,
    );

    expect(placement?.decision).toMatchObject({
      trigger: 'escalation',
      groupId: 'grp-network',
      agentId: 'anna',
    });
  });
});
