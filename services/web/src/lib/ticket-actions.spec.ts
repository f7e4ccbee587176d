import { allowedActions, type TicketState } from './ticket-actions';

const agent = { works: true, isRequester: false };
const requester = { works: false, isRequester: true };
const someoneElse = { works: false, isRequester: false };

describe('allowedActions', () => {
  it.each<[string, TicketState, typeof agent, string[]]>([
    ['a new incident, agent', { type: 'incident', status: 'new' }, agent, ['assign', 'cancel']],
    [
      'an incident in progress, agent',
      { type: 'incident', status: 'in_progress' },
      agent,
      ['assign', 'pend', 'resolve', 'cancel'],
    ],
    [
      'an assigned request, agent',
      { type: 'service_request', status: 'assigned' },
      agent,
      ['assign', 'start', 'resolve', 'cancel'],
    ],
    [
      'a resolved request, agent',
      { type: 'service_request', status: 'resolved' },
      agent,
      ['close', 'reopen'],
    ],
    ['a closed incident, agent', { type: 'incident', status: 'closed' }, agent, []],
    [
      'a new problem, agent',
      { type: 'problem', status: 'new' },
      agent,
      ['investigate', 'assign', 'cancel'],
    ],
    [
      'a normal change in approval, agent',
      { type: 'change', status: 'approval', changeKind: 'normal' },
      agent,
      ['assign', 'schedule', 'reject', 'cancel'],
    ],
    [
      'a standard change in approval never meets a CAB',
      { type: 'change', status: 'approval', changeKind: 'standard' },
      agent,
      ['assign', 'cancel'],
    ],
    [
      'a new request, its requester',
      { type: 'service_request', status: 'new' },
      requester,
      ['cancel'],
    ],
    [
      'a resolved incident, its requester',
      { type: 'incident', status: 'resolved' },
      requester,
      ['close', 'reopen'],
    ],
    [
      'an incident in progress, its requester',
      { type: 'incident', status: 'in_progress' },
      requester,
      [],
    ],
    ['a problem, its requester', { type: 'problem', status: 'new' }, requester, []],
    ['someone else’s ticket', { type: 'incident', status: 'resolved' }, someoneElse, []],
  ])('%s', (_what, ticket, context, expected) => {
    expect(allowedActions(ticket, context)).toEqual(expected);
  });
});
