import type { DataSource } from 'typeorm';
import { TicketRouted } from '@itsm/contracts';
import { OutboxWriter } from '@itsm/messaging';
import { createDataSource, runMigrations } from '@itsm/persistence';
import { createTestDatabase, type TestDatabase } from '@itsm/testing';
import type { StoredDecision, TrackedTicket } from './application/ports/routing-ledger';
import type { TicketFacts } from './domain/routing-model';
import { SqlOrganisationStore } from './infrastructure/sql-organisation.store';
import { SqlRoutingTransactions } from './infrastructure/sql-routing.ledger';
import { routingMigrations } from './migrations';

const at = new Date('2026-11-27T09:00:00Z');
let sequence = 0;
const uuid = () => `0194a000-0000-7000-8000-${String(++sequence).padStart(12, '0')}`;

function facts(ticketId: string, priority: TicketFacts['priority'] = 'medium'): TicketFacts {
  return {
    ticketId,
    number: `INC-${ticketId.slice(-6)}`,
    type: 'incident',
    title: 'VPN',
    description: '',
    categoryId: null,
    serviceId: null,
    organizationId: null,
    priority,
    channel: 'portal',
    customFields: {},
    tags: [],
  };
}

function tracked(overrides: Partial<TrackedTicket> & { ticketId: string }): TrackedTicket {
  return {
    number: `INC-${overrides.ticketId.slice(-6)}`,
    facts: facts(overrides.ticketId),
    groupId: null,
    assigneeId: null,
    open: true,
    queuedAt: null,
    ...overrides,
  };
}

describe('routing records on real PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let organisation: SqlOrganisationStore;
  let transactions: SqlRoutingTransactions;
  let groupId: string;
  let agentIds: string[];

  beforeAll(async () => {
    database = await createTestDatabase('itsm_routing');
    const settings = {
      url: database.url,
      poolSize: 4,
      applicationName: 'itsm-routing-test',
      entities: [],
      migrations: routingMigrations,
    };
    await runMigrations(createDataSource(settings));
    dataSource = createDataSource(settings);
    await dataSource.initialize();
    organisation = new SqlOrganisationStore(dataSource);
    transactions = new SqlRoutingTransactions(dataSource, new OutboxWriter('/itsm/routing'));
    const line = await organisation.insertLine(uuid(), { name: '1st line', level: 1 }, at);
    groupId = uuid();
    await organisation.insertGroup(
      groupId,
      {
        name: 'Network desk',
        lineId: line.id,
        strategy: 'least_loaded',
        supervisorId: null,
        escalationGroupId: null,
        escalateOnSlaWarning: false,
        autoAssign: true,
      },
      at,
    );
    agentIds = [uuid(), uuid()];
    for (const [index, id] of agentIds.entries()) {
      await organisation.insertAgent(
        id,
        {
          userId: `agent-${index}`,
          displayName: `Agent ${index}`,
          groupIds: [groupId],
          skills: { network: 3 },
          capacity: 5,
          availability: 'online',
          shift: null,
        },
        at,
      );
    }
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('counts each agent’s open tickets weighted by priority, and leaves out closed ones', async () => {
    await transactions.run(async (ledger) => {
      await ledger.saveTicket(
        tracked({
          ticketId: uuid(),
          facts: facts(uuid(), 'critical'),
          assigneeId: 'agent-0',
          groupId,
        }),
        at,
      );
      await ledger.saveTicket(tracked({ ticketId: uuid(), assigneeId: 'agent-0', groupId }), at);
      await ledger.saveTicket(
        tracked({ ticketId: uuid(), assigneeId: 'agent-0', open: false }),
        at,
      );
    });
    const loads = await transactions.reader().loadsOf(['agent-0', 'agent-1', 'nobody']);
    expect(loads.get('agent-0')).toEqual({
      openTickets: 2,
      weightedLoad: 10,
      lastAssignedAt: null,
    });
    expect(loads.get('agent-1')).toEqual({ openTickets: 0, weightedLoad: 0, lastAssignedAt: null });
    expect(loads.has('nobody')).toBe(false);
  });

  it('moves the load with the ticket when it is reassigned, reprioritised and resolved', async () => {
    const loadsNow = async () => {
      const loads = await transactions.reader().loadsOf(['agent-0', 'agent-1']);
      return [loads.get('agent-0'), loads.get('agent-1')].map((load) => [
        load?.openTickets ?? 0,
        load?.weightedLoad ?? 0,
      ]);
    };
    const before = await loadsNow();
    const delta = async () =>
      (await loadsNow()).map(([tickets = 0, weight = 0], index) => [
        tickets - (before[index]?.[0] ?? 0),
        weight - (before[index]?.[1] ?? 0),
      ]);
    const ticketId = uuid();
    const save = (overrides: Partial<TrackedTicket>) =>
      transactions.run((ledger) =>
        ledger.saveTicket(tracked({ ticketId, groupId, ...overrides }), at),
      );

    await save({ assigneeId: 'agent-1' });
    expect(await delta()).toEqual([
      [0, 0],
      [1, 2],
    ]);
    await save({ assigneeId: 'agent-0', facts: facts(ticketId, 'high') });
    expect(await delta()).toEqual([
      [1, 4],
      [0, 0],
    ]);
    await save({ assigneeId: 'agent-0', facts: facts(ticketId, 'high'), open: false });
    expect(await delta()).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it('reads the loads in a transaction as the transaction left them, call after call', async () => {
    const rolledBack = new Error('rolled back on purpose');
    const seen: Array<[number, number] | undefined> = [];
    await expect(
      transactions.run(async (ledger) => {
        const before = (await ledger.loadsOf(['agent-1'])).get('agent-1');
        // More calls than PostgreSQL plans a prepared statement for its parameters before it
        // switches to the generic plan.
        for (let round = 0; round < 8; round++) {
          await ledger.saveTicket(
            tracked({ ticketId: uuid(), facts: facts(uuid(), 'high'), assigneeId: 'agent-1' }),
            at,
          );
          const loads = await ledger.loadsOf(['agent-1', 'nobody']);
          expect([...loads.keys()]).toEqual(['agent-1']);
          const now = loads.get('agent-1');
          seen.push(
            now &&
              before && [
                now.openTickets - before.openTickets,
                now.weightedLoad - before.weightedLoad,
              ],
          );
        }
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(seen).toEqual(Array.from({ length: 8 }, (_, round) => [round + 1, (round + 1) * 4]));
  });

  it('keeps tickets of groups it does not manage, named by any text', async () => {
    const ticketId = uuid();
    await transactions.run((ledger) =>
      ledger.saveTicket(tracked({ ticketId, groupId: 'service-desk', assigneeId: 'someone' }), at),
    );
    expect(await transactions.reader().ticket(ticketId)).toMatchObject({ groupId: 'service-desk' });
  });

  it('hands out queued tickets oldest first, each to one transaction at a time', async () => {
    const older = uuid();
    const newer = uuid();
    await transactions.run(async (ledger) => {
      await ledger.saveTicket(
        tracked({ ticketId: newer, groupId, queuedAt: new Date(at.getTime() + 1) }),
        at,
      );
      await ledger.saveTicket(tracked({ ticketId: older, groupId, queuedAt: at }), at);
    });
    let heldByOther: string[] = [];
    await transactions.run(async (first) => {
      const taken = await first.queuedTickets([groupId], 1);
      expect(taken.map(({ ticketId }) => ticketId)).toEqual([older]);
      // A second replica at the same moment skips what the first holds.
      heldByOther = await transactions.run(async (second) =>
        (await second.queuedTickets([groupId], 5)).map(({ ticketId }) => ticketId),
      );
    });
    expect(heldByOther).toEqual([newer]);
  });

  it('records a decision with its routed event in the same transaction and stamps the agent', async () => {
    const ticketId = uuid();
    const decision: StoredDecision = {
      id: uuid(),
      ticketId,
      ticketNumber: 'INC-000777',
      trigger: 'created',
      groupId,
      agentId: agentIds[1] ?? null,
      assigneeId: 'agent-1',
      priority: null,
      categoryId: null,
      addTags: ['network'],
      queued: false,
      steps: [{ kind: 'group_selected', groupId, source: 'rule' }],
      decidedAt: at,
      durationUs: 420,
    };
    await transactions.run((ledger) => ledger.recordDecision(decision));
    const [stored] = await transactions.reader().decisions(ticketId);
    expect(stored).toEqual(decision);
    const outbox: Array<{
      type: string;
      partition_key: string;
      payload: { decision: { assigneeId: string } };
    }> = await dataSource.query(
      'SELECT type, partition_key, payload FROM outbox_events WHERE partition_key = $1',
      [ticketId],
    );
    expect(outbox).toEqual([
      expect.objectContaining({ type: TicketRouted.type, payload: expect.objectContaining({}) }),
    ]);
    expect(outbox[0]?.payload.decision.assigneeId).toBe('agent-1');
    expect((await organisation.agent(agentIds[1] ?? ''))?.lastAssignedAt).toEqual(at);
  });

  it('counts committed changes of what routing decides from, once per transaction, and not its decisions', async () => {
    const counted = async (change: () => Promise<unknown>) => {
      const before = await organisation.configurationVersion();
      await change();
      return (await organisation.configurationVersion()) - before;
    };
    const agentId = uuid();
    const draft = {
      userId: `agent-${agentId}`,
      displayName: 'Counted agent',
      groupIds: [groupId],
      skills: { vpn: 2 },
      capacity: 3,
      availability: 'online' as const,
      shift: null,
    };

    expect(await counted(() => organisation.insertAgent(agentId, draft, at))).toBe(1);
    expect(
      await counted(() =>
        organisation.updateAgent(agentId, { ...draft, availability: 'away' }, null, at),
      ),
    ).toBe(1);
    expect(await counted(() => organisation.setCategorySkills('cat-vpn', { vpn: 2 }, at))).toBe(1);
    expect(
      await counted(() =>
        transactions.run(async (ledger) => {
          const ticketId = uuid();
          await ledger.saveTicket(tracked({ ticketId, assigneeId: draft.userId, groupId }), at);
          await ledger.recordDecision({
            id: uuid(),
            ticketId,
            ticketNumber: 'INC-000778',
            trigger: 'created',
            groupId,
            agentId,
            assigneeId: draft.userId,
            priority: null,
            categoryId: null,
            addTags: [],
            queued: false,
            steps: [],
            decidedAt: at,
            durationUs: 1,
          });
        }),
      ),
    ).toBe(0);
    const rolledBack = new Error('rolled back on purpose');
    expect(
      await counted(async () => {
        await expect(
          dataSource.transaction(async (manager) => {
            await manager.query('UPDATE agents SET capacity = capacity + 1 WHERE id = $1', [
              agentId,
            ]);
            throw rolledBack;
          }),
        ).rejects.toBe(rolledBack);
      }),
    ).toBe(0);
  });

  it('keeps every version of a rule and refuses a stale update', async () => {
    const draft = {
      name: 'VPN to the desk',
      order: 0,
      enabled: true,
      conditions: [
        { field: 'keywords' as const, operator: 'contains_any' as const, values: ['vpn'] },
      ],
      actions: { setGroupId: groupId },
      stopProcessing: false,
    };
    const rule = await organisation.insertRule(uuid(), draft, 'admin-1', at);
    const updated = await organisation.updateRule(
      rule.id,
      { ...draft, enabled: false },
      1,
      'admin-2',
      at,
    );
    expect(updated).toMatchObject({ outcome: 'written', value: { version: 2, enabled: false } });
    expect(await organisation.updateRule(rule.id, draft, 1, 'admin-3', at)).toEqual({
      outcome: 'version_conflict',
      currentVersion: 2,
    });
    const versions = await organisation.ruleVersions(rule.id);
    expect(versions.map(({ version, updatedBy }) => [version, updatedBy])).toEqual([
      [2, 'admin-2'],
      [1, 'admin-1'],
    ]);
  });
});
