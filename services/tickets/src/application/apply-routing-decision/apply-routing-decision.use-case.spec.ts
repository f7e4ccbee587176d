import { SYSTEM_CALLER } from '../testing/test-callers';
import { TicketAssigned, TicketCreated, TicketUpdated } from '@itsm/contracts';
import type { TicketType } from '../../domain/ticket';
import { CatalogReferences } from '../catalog/catalog-references';
import { CreateTicketUseCase } from '../create-ticket/create-ticket.use-case';
import { InMemoryCatalogStore } from '../testing/in-memory-catalog-store';
import {
  InMemoryTicketStore,
  sequentialIds,
  steppingClock,
} from '../testing/in-memory-ticket-store';
import { ListTicketHistoryUseCase } from '../ticket-history/list-ticket-history.use-case';
import { TransitionTicketUseCase } from '../transition-ticket/transition-ticket.use-case';
import { UpdateTicketUseCase } from '../update-ticket/update-ticket.use-case';
import { AjvFormValidator } from '../../infrastructure/ajv-form.validator';
import type { ApplyRoutingDecisionCommand } from './apply-routing-decision.command';
import { ApplyRoutingDecisionUseCase } from './apply-routing-decision.use-case';

const SERVICE_DESK = '0194a000-0000-7000-8000-0000000000a1';
const NETWORK_L2 = '0194a000-0000-7000-8000-0000000000a2';
const PRINTERS = '0194a000-0000-7000-8000-0000000000c1';
const GONE = '0194a000-0000-7000-8000-0000000000c9';

async function setup() {
  const store = new InMemoryTicketStore();
  const catalog = new InMemoryCatalogStore();
  await catalog.insertCategory({
    id: PRINTERS,
    parentId: null,
    name: 'Printers',
    formSchema: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
  });
  const clock = steppingClock(new Date('2026-11-30T08:00:00Z'), 60_000);
  const references = new CatalogReferences(catalog, new AjvFormValidator());
  const settings = { reopenWindowMs: 3_600_000 };
  const create = new CreateTicketUseCase(store, clock, sequentialIds(), references);
  const transition = new TransitionTicketUseCase(store, clock, sequentialIds(), settings);
  const routing = new ApplyRoutingDecisionUseCase(store, clock, references, settings);
  const open = async (type: TicketType = 'incident') =>
    (
      await create.execute({
        caller: SYSTEM_CALLER,
        idempotencyKey: '',
        type,
        title: 'The office printer is offline',
        description: '',
        impact: 'low',
        urgency: 'low',
        channel: 'portal',
        requesterId: 'emp-1',
        organizationId: undefined,
      })
    ).ticket;
  const decide = (ticketId: string, decision: Partial<ApplyRoutingDecisionCommand> = {}) =>
    routing.execute({
      decisionId: 'decision-1',
      ticketId,
      trigger: 'created',
      groupId: SERVICE_DESK,
      assigneeId: 'agent-7',
      priority: undefined,
      categoryId: undefined,
      addTags: [],
      ...decision,
    });
  const history = async (ticketId: string) =>
    (await new ListTicketHistoryUseCase(store).execute(ticketId, SYSTEM_CALLER)).map(
      ({ action, actorId, changes }) => ({ action, actorId, changes }),
    );
  const eventsOf = (ticketId: string) =>
    store.events.filter(({ event }) => event.key === ticketId).map(({ type }) => type);
  return { store, catalog, clock, transition, open, decide, history, eventsOf };
}

describe('ApplyRoutingDecisionUseCase', () => {
  it('assigns a new ticket to the group and agent as an assignment by routing', async () => {
    const { store, open, decide, history, eventsOf } = await setup();
    const ticket = await open();

    const outcome = await decide(ticket.id);

    expect(outcome).toMatchObject({
      applied: true,
      ignored: [],
      ticket: { status: 'assigned', assignmentGroupId: SERVICE_DESK, assigneeId: 'agent-7' },
    });
    expect(store.stored(ticket.id)).toMatchObject({ status: 'assigned', version: 2 });
    expect((await history(ticket.id)).slice(1)).toEqual([
      {
        action: 'assign',
        actorId: 'system:routing',
        changes: {
          status: { from: 'new', to: 'assigned' },
          assigneeId: { from: null, to: 'agent-7' },
          assignmentGroupId: { from: null, to: SERVICE_DESK },
        },
      },
    ]);
    expect(eventsOf(ticket.id)).toEqual([TicketCreated.type, TicketAssigned.type]);
    expect(store.events[1]?.event.payload).toMatchObject({
      action: 'TICKET_ACTION_ASSIGN',
      actorId: 'system:routing',
      ticket: { assigneeId: 'agent-7', status: 'TICKET_STATUS_ASSIGNED' },
    });
  });

  it('queues a ticket in its group when no agent was chosen, as an assignment to a group does', async () => {
    const { open, decide } = await setup();
    const ticket = await open();
    const outcome = await decide(ticket.id, { trigger: 'queue', assigneeId: undefined });
    expect(outcome).toMatchObject({
      applied: true,
      ticket: { status: 'assigned', assignmentGroupId: SERVICE_DESK, assigneeId: null },
    });
  });

  it("applies the rule's priority, tags and category as one edit after the assignment", async () => {
    const { store, open, decide, history, eventsOf } = await setup();
    const ticket = await open();

    const outcome = await decide(ticket.id, {
      priority: 'high',
      addTags: ['Printing', 'floor-3'],
      categoryId: PRINTERS,
    });

    expect(outcome).toMatchObject({
      applied: true,
      ignored: [],
      ticket: {
        priority: 'high',
        priorityReason: 'Set by routing rule',
        tags: ['printing', 'floor-3'],
        categoryId: PRINTERS,
        version: 3,
      },
    });
    expect(eventsOf(ticket.id)).toEqual([
      TicketCreated.type,
      TicketAssigned.type,
      TicketUpdated.type,
    ]);
    const [, , edit] = await history(ticket.id);
    expect(edit).toEqual({
      action: 'update',
      actorId: 'system:routing',
      changes: {
        priority: { from: 'planning', to: 'high' },
        priorityReason: { from: null, to: 'Set by routing rule' },
        tags: { from: '', to: 'printing,floor-3' },
        categoryId: { from: null, to: PRINTERS },
      },
    });
    expect(store.events[2]?.event.payload).toMatchObject({ actorId: 'system:routing' });
  });

  it('leaves a ticket someone assigned by hand first, writing nothing', async () => {
    const { store, open, decide, transition, eventsOf } = await setup();
    const ticket = await open();
    await transition.execute({
      caller: SYSTEM_CALLER,
      ticketId: ticket.id,
      expectedVersion: 1,
      action: 'assign',
      actorId: 'dispatcher-1',
      assigneeId: 'agent-1',
    });

    const outcome = await decide(ticket.id, { priority: 'critical', addTags: ['vpn'] });

    expect(outcome).toMatchObject({ applied: false, reason: 'already_assigned' });
    expect(store.stored(ticket.id)).toMatchObject({
      assigneeId: 'agent-1',
      priority: 'planning',
      tags: [],
      version: 2,
    });
    expect(eventsOf(ticket.id)).toEqual([TicketCreated.type, TicketAssigned.type]);
  });

  it('changes nothing when the same decision comes again', async () => {
    const { store, open, decide } = await setup();
    const queued = await open();
    await decide(queued.id, { assigneeId: undefined, addTags: ['printing'], priority: 'high' });
    const before = { ticket: store.stored(queued.id), events: store.events.length };

    const again = await decide(queued.id, {
      assigneeId: undefined,
      addTags: ['printing'],
      priority: 'high',
    });

    expect(again).toMatchObject({ applied: true, ticket: { version: 3 } });
    expect(store.stored(queued.id)).toEqual(before.ticket);
    expect(store.events).toHaveLength(before.events);
  });

  it.each(['resolve', 'cancel'] as const)('leaves a ticket finished by %s', async (action) => {
    const { store, open, decide, transition } = await setup();
    const ticket = await open();
    await transition.execute({
      caller: SYSTEM_CALLER,
      ticketId: ticket.id,
      expectedVersion: undefined,
      action: 'assign',
      actorId: 'dispatcher-1',
      assignmentGroupId: SERVICE_DESK,
    });
    await transition.execute({
      caller: SYSTEM_CALLER,
      ticketId: ticket.id,
      expectedVersion: undefined,
      action,
      actorId: 'dispatcher-1',
      resolutionCode: 'fixed',
    });

    const outcome = await decide(ticket.id, { trigger: 'escalation', groupId: NETWORK_L2 });

    expect(outcome).toMatchObject({ applied: false, reason: 'finished' });
    expect(store.stored(ticket.id)).toMatchObject({ assignmentGroupId: SERVICE_DESK });
  });

  it("escalation takes the ticket from its agent to the next line's group", async () => {
    const { store, open, decide, transition, history } = await setup();
    const ticket = await open();
    await decide(ticket.id);
    await transition.execute({
      caller: SYSTEM_CALLER,
      ticketId: ticket.id,
      expectedVersion: undefined,
      action: 'start',
      actorId: 'agent-7',
    });

    const outcome = await decide(ticket.id, {
      decisionId: 'decision-2',
      trigger: 'escalation',
      groupId: NETWORK_L2,
      assigneeId: undefined,
    });

    expect(outcome).toMatchObject({
      applied: true,
      ticket: { status: 'assigned', assignmentGroupId: NETWORK_L2, assigneeId: null },
    });
    expect(store.stored(ticket.id)).toMatchObject({ version: 4 });
    expect((await history(ticket.id)).at(-1)).toEqual({
      action: 'assign',
      actorId: 'system:routing',
      changes: {
        status: { from: 'in_progress', to: 'assigned' },
        assigneeId: { from: 'agent-7', to: null },
        assignmentGroupId: { from: SERVICE_DESK, to: NETWORK_L2 },
      },
    });
  });

  it('leaves out the parts a ticket cannot take and applies the rest', async () => {
    const { open, decide } = await setup();
    const ticket = await open();
    const outcome = await decide(ticket.id, {
      priority: 'urgent',
      categoryId: GONE,
      addTags: ['printing', 'a,b'],
    });
    expect(outcome).toMatchObject({
      applied: true,
      ticket: { assigneeId: 'agent-7', priority: 'planning', categoryId: null, tags: ['printing'] },
      ignored: [
        { field: 'priority', value: 'urgent', why: 'not a priority' },
        { field: 'tags', value: 'a,b' },
        { field: 'categoryId', value: GONE },
      ],
    });
    if (!outcome.applied) throw new Error('applied above');
    expect(outcome.ignored[2]?.why).toMatch(/does not exist/);
  });

  it('leaves out a category whose form the ticket does not fill in', async () => {
    const { catalog, open, decide } = await setup();
    const withForm = '0194a000-0000-7000-8000-0000000000c2';
    await catalog.insertCategory({
      id: withForm,
      parentId: null,
      name: 'Access requests',
      formSchema: {
        type: 'object',
        properties: { system: { type: 'string' } },
        required: ['system'],
      },
      createdAt: new Date('2026-01-01T00:00:00Z'),
    });
    const ticket = await open();
    const outcome = await decide(ticket.id, { categoryId: withForm });
    expect(outcome).toMatchObject({
      applied: true,
      ticket: { categoryId: null },
      ignored: [{ field: 'categoryId', value: withForm }],
    });
  });

  it("keeps an agent's own priority and a category the ticket already has", async () => {
    const { store, open, decide } = await setup();
    const ticket = await open();
    await new UpdateTicketUseCase(store, steppingClock(new Date('2026-11-30T08:30:00Z'))).execute({
      caller: SYSTEM_CALLER,
      ticketId: ticket.id,
      expectedVersion: 1,
      actorId: 'agent-1',
      edit: { priority: { value: 'critical', reason: 'CEO laptop' }, categoryId: PRINTERS },
    });
    const outcome = await decide(ticket.id, {
      priority: 'low',
      categoryId: '0194a000-0000-7000-8000-0000000000c3',
    });
    expect(outcome).toMatchObject({
      applied: true,
      ticket: { priority: 'critical', priorityReason: 'CEO laptop', categoryId: PRINTERS },
      ignored: [{ field: 'priority', value: 'low', why: 'an agent set the priority by hand' }],
    });
  });

  it('assigns problems and changes without moving them on', async () => {
    const { open, decide } = await setup();
    const problem = await open('problem');
    const change = await open('change');
    expect(await decide(problem.id)).toMatchObject({
      applied: true,
      ticket: { status: 'new', assignmentGroupId: SERVICE_DESK, assigneeId: 'agent-7', version: 2 },
    });
    expect(await decide(change.id)).toMatchObject({
      applied: true,
      ticket: { status: 'draft', assignmentGroupId: SERVICE_DESK, version: 2 },
    });
  });

  it('answers an unknown ticket without writing', async () => {
    const { store, decide } = await setup();
    expect(await decide('0194a000-0000-7000-8000-00000000ffff')).toEqual({
      applied: false,
      reason: 'unknown_ticket',
    });
    expect(await decide('not-a-ticket-id')).toEqual({ applied: false, reason: 'unknown_ticket' });
    expect(store.events).toEqual([]);
  });
});
