import type { Ticket, TicketStatus, TicketType } from './ticket';
import {
  hasPriorityFromAgent,
  isPriority,
  needsAssignment,
  ROUTING_PRIORITY_REASON,
  type RoutingRefusal,
  routingRefusal,
  type RoutingTrigger,
} from './ticket-routing';
import { MAX_TAGS, withAddedTags } from './ticket-tags';

type Routed = Pick<
  Ticket,
  'type' | 'status' | 'changeKind' | 'assigneeId' | 'assignmentGroupId' | 'priorityReason'
>;

function aTicket(overrides: Partial<Routed> = {}): Routed {
  return {
    type: 'incident',
    status: 'new',
    changeKind: null,
    assigneeId: null,
    assignmentGroupId: null,
    priorityReason: null,
    ...overrides,
  };
}

describe('whether a routing decision may place a ticket', () => {
  it.each<[TicketType, TicketStatus, string | null, RoutingTrigger, RoutingRefusal | null]>([
    ['incident', 'new', null, 'created', null],
    ['incident', 'assigned', null, 'queue', null],
    ['service_request', 'new', null, 'created', null],
    // A person assigned it first: manual wins...
    ['incident', 'assigned', 'agent-1', 'created', 'already_assigned'],
    ['incident', 'in_progress', 'agent-1', 'queue', 'already_assigned'],
    // ...except that an escalation takes it away from whoever has it.
    ['incident', 'in_progress', 'agent-1', 'escalation', null],
    ['incident', 'resolved', null, 'created', 'finished'],
    ['incident', 'closed', 'agent-1', 'escalation', 'finished'],
    ['incident', 'cancelled', null, 'queue', 'finished'],
    // Waiting for the customer: its lifecycle does not assign until it is resumed.
    ['incident', 'pending', 'agent-1', 'escalation', 'not_assignable'],
    ['problem', 'investigating', null, 'created', null],
    ['problem', 'resolved', null, 'escalation', 'finished'],
    ['change', 'draft', null, 'created', null],
    ['change', 'implementing', 'agent-1', 'escalation', null],
    ['change', 'rejected', null, 'created', 'finished'],
  ])('%s %s with assignee %s, %s: %s', (type, status, assigneeId, trigger, refusal) => {
    const changeKind = type === 'change' ? 'normal' : null;
    expect(routingRefusal(aTicket({ type, status, assigneeId, changeKind }), trigger)).toBe(
      refusal,
    );
  });
});

describe('whether assigning a routed ticket changes it', () => {
  it.each<[string, Partial<Routed>, string | null, boolean]>([
    ['another group', { status: 'assigned', assignmentGroupId: 'g-1' }, null, true],
    ['an agent of the same group', { status: 'assigned', assignmentGroupId: 'g-2' }, 'a-1', true],
    [
      'the group and agent it has',
      { status: 'in_progress', assignmentGroupId: 'g-2', assigneeId: 'a-1' },
      'a-1',
      false,
    ],
    ['a new incident that came with its queue', { assignmentGroupId: 'g-2' }, null, true],
    [
      'a new problem already with the group',
      { type: 'problem', assignmentGroupId: 'g-2' },
      null,
      false,
    ],
  ])('%s', (_case, ticket, assigneeId, needed) => {
    expect(needsAssignment(aTicket(ticket), 'g-2', assigneeId)).toBe(needed);
  });
});

describe('routed priorities', () => {
  it('knows the priorities of the matrix', () => {
    expect(['critical', 'planning', 'urgent', ''].map(isPriority)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('yields to an agent who set the priority by hand, not to an earlier rule', () => {
    expect(hasPriorityFromAgent(aTicket({ priorityReason: 'CEO laptop' }))).toBe(true);
    expect(hasPriorityFromAgent(aTicket({ priorityReason: ROUTING_PRIORITY_REASON }))).toBe(false);
    expect(hasPriorityFromAgent(aTicket())).toBe(false);
  });
});

describe('adding routed tags', () => {
  it('appends new tags in their normal form, each once', () => {
    expect(withAddedTags(['vpn'], [' Network ', 'VPN', 'network'])).toEqual({
      tags: ['vpn', 'network'],
      dropped: [],
    });
  });

  it('drops tags a ticket cannot carry and keeps the rest', () => {
    const full = Array.from({ length: MAX_TAGS - 1 }, (_, index) => `t${index}`);
    expect(withAddedTags(full, ['a,b', '', 'last', 'one-too-many'])).toEqual({
      tags: [...full, 'last'],
      dropped: ['a,b', '', 'one-too-many'],
    });
  });
});
