import { mayRequesterTransition, requesterActions } from './requester-actions';
import { STATUSES_OF, type TicketStatus, TICKET_TYPES, type TicketType } from './ticket';
import { allowedActions, TICKET_ACTIONS, type TicketAction } from './ticket-lifecycle';

type Row = [TicketType, TicketStatus, TicketAction[]];

// What the requester of a ticket may do in each state, spelled out.
const table: Row[] = [
  ...(['incident', 'service_request'] as const).flatMap((type): Row[] => [
    [type, 'new', ['cancel']],
    [type, 'assigned', []],
    [type, 'in_progress', []],
    [type, 'pending', []],
    [type, 'resolved', ['close', 'reopen']],
    [type, 'closed', []],
    [type, 'cancelled', []],
  ]),
  ...STATUSES_OF.problem.map((status): Row => ['problem', status, []]),
  ...STATUSES_OF.change.map((status): Row => ['change', status, []]),
];

describe('what a requester may do to their own ticket', () => {
  it('covers every state of every type', () => {
    const covered = new Set(table.map(([type, status]) => `${type}/${status}`));
    const all = TICKET_TYPES.flatMap((type) => STATUSES_OF[type].map((s) => `${type}/${s}`));
    expect([...covered].sort()).toEqual([...all].sort());
  });

  it.each(table)('%s %s: %j', (type, status, actions) => {
    expect(requesterActions({ type, status })).toEqual(actions);
    for (const action of TICKET_ACTIONS) {
      const own = { type, status, requesterId: 'emp-1' };
      expect(mayRequesterTransition(own, action, 'emp-1')).toBe(actions.includes(action));
    }
  });

  it.each(table)('%s %s: nothing the lifecycle itself would refuse', (type, status) => {
    const allowed = allowedActions({ type, status, changeKind: null });
    expect(requesterActions({ type, status }).filter((a) => !allowed.includes(a))).toEqual([]);
  });

  it.each<[TicketStatus, TicketAction]>([
    ['new', 'cancel'],
    ['resolved', 'close'],
    ['resolved', 'reopen'],
  ])('never on a colleague’s ticket: %s, %s', (status, action) => {
    const colleagues = { type: 'incident' as const, status, requesterId: 'emp-2' };
    expect(mayRequesterTransition(colleagues, action, 'emp-1')).toBe(false);
  });
});
