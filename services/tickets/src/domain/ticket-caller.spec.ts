import { principalOf, type PrincipalClaims, systemPrincipal } from '@itsm/auth';
import { openTicket, type Ticket, type TicketRequest, type TicketStatus } from './ticket';
import {
  actorIdOf,
  checkCommentBy,
  checkTransitionBy,
  checkWatcherBy,
  type TicketCaller,
  ticketCallerOf,
  ticketRequestBy,
} from './ticket-caller';
import { TicketError, TicketErrorCode } from './ticket-error';
import type { TicketAction } from './ticket-lifecycle';

function caller(claims: Pick<PrincipalClaims, 'id'> & Partial<PrincipalClaims>): TicketCaller {
  return ticketCallerOf(
    principalOf({
      kind: 'user',
      name: claims.id,
      roles: [],
      scopes: [],
      organizationId: null,
      organizationWide: false,
      groupIds: [],
      ...claims,
    }),
  );
}

const requester = caller({ id: 'emp-1', roles: ['requester'], organizationId: 'org-acme' });
const loner = caller({ id: 'emp-9', roles: ['requester'] });
const agent = caller({ id: 'ag-1', roles: ['agent'], groupIds: ['g-net'] });
const mailGateway = ticketCallerOf(
  principalOf({
    kind: 'service_account',
    id: 'sa-mail',
    name: 'mail gateway',
    roles: [],
    scopes: ['tickets:write'],
    organizationId: null,
    organizationWide: false,
    groupIds: [],
  }),
);
const platform = ticketCallerOf(systemPrincipal('routing'));

const refused = { code: TicketErrorCode.NotPermitted };

/** 'allowed', or the code of the refusal. */
function outcomeOf(check: () => void): 'allowed' | TicketErrorCode {
  try {
    check();
    return 'allowed';
  } catch (error) {
    if (error instanceof TicketError) return error.code;
    throw error;
  }
}

const verdict = (allowed: boolean) => (allowed ? 'allowed' : TicketErrorCode.NotPermitted);

const request: TicketRequest = {
  type: 'incident',
  title: 'VPN drops',
  description: '',
  impact: undefined,
  urgency: undefined,
  channel: 'portal',
  requesterId: 'someone-else',
  organizationId: 'org-other',
};

function ticketIn(status: TicketStatus, requesterId = 'emp-1'): Ticket {
  const ticket = openTicket(
    { ...request, type: 'incident', requesterId },
    { id: '0194a000-0000-7000-8000-000000000001', sequence: 1, now: new Date() },
  );
  return { ...ticket, status };
}

describe('who the history names', () => {
  it.each<[string, TicketCaller, string, string]>([
    ['a requester, whatever the request says', requester, 'emp-2', 'emp-1'],
    ['an agent, whatever the request says', agent, 'ag-2', 'ag-1'],
    ['an integration, the actor it names', mailGateway, 'emp-7', 'emp-7'],
    ['an integration naming nobody, itself', mailGateway, ' ', 'sa-mail'],
    ['the platform, the actor it names', platform, 'agent-7', 'agent-7'],
  ])('%s', (_case, who, asked, recorded) => {
    expect(actorIdOf(who, asked)).toBe(recorded);
  });
});

describe('a new ticket as the caller may file it', () => {
  it('files a requester’s ticket for themselves, in their organisation', () => {
    expect(ticketRequestBy(requester, request)).toMatchObject({
      requesterId: 'emp-1',
      organizationId: 'org-acme',
    });
  });

  it('files into no organisation for a requester who has none', () => {
    expect(ticketRequestBy(loner, request)).toMatchObject({
      requesterId: 'emp-9',
      organizationId: undefined,
    });
  });

  it.each([agent, mailGateway])('keeps the requester staff and integrations name', (who) => {
    expect(ticketRequestBy(who, request)).toEqual(request);
  });

  it.each(['problem', 'change'] as const)('keeps %s records to the service desk', (type) => {
    expect(() => ticketRequestBy(requester, { ...request, type })).toThrow(
      expect.objectContaining(refused),
    );
    expect(ticketRequestBy(agent, { ...request, type })).toMatchObject({ type });
  });

  it('lets only staff log a ticket reported earlier', () => {
    const earlier = { ...request, reportedAt: new Date('2026-11-27T08:00:00Z') };
    expect(() => ticketRequestBy(requester, earlier)).toThrow(expect.objectContaining(refused));
    expect(ticketRequestBy(agent, earlier)).toEqual(earlier);
  });

  it('refuses a caller who may not open tickets at all', () => {
    const reader = caller({ id: 'sa-bi', kind: 'service_account', scopes: ['tickets:read'] });
    expect(() => ticketRequestBy(reader, request)).toThrow(expect.objectContaining(refused));
  });
});

describe('comments and watchers', () => {
  it.each<[string, TicketCaller, 'public' | 'internal', boolean]>([
    ['a requester replies', requester, 'public', true],
    ['a requester writes an internal note', requester, 'internal', false],
    ['an agent writes an internal note', agent, 'internal', true],
  ])('%s: %s', (_case, who, visibility, allowed) => {
    expect(outcomeOf(() => checkCommentBy(who, visibility))).toBe(verdict(allowed));
  });

  it.each<[string, TicketCaller, string, boolean]>([
    ['a requester watches themselves', requester, 'emp-1', true],
    ['a requester adds a colleague', requester, 'emp-2', false],
    ['an agent adds a colleague', agent, 'emp-2', true],
  ])('%s', (_case, who, watcherId, allowed) => {
    expect(outcomeOf(() => checkWatcherBy(who, watcherId))).toBe(verdict(allowed));
  });
});

describe('lifecycle actions by caller', () => {
  it.each<[string, TicketCaller, Ticket, TicketAction, boolean]>([
    ['a requester withdraws their new ticket', requester, ticketIn('new'), 'cancel', true],
    ['a requester cancels it once taken on', requester, ticketIn('assigned'), 'cancel', false],
    ['a requester confirms a resolution', requester, ticketIn('resolved'), 'close', true],
    ['a requester disputes a resolution', requester, ticketIn('resolved'), 'reopen', true],
    ['a requester resolves it themselves', requester, ticketIn('in_progress'), 'resolve', false],
    ['a requester assigns it', requester, ticketIn('new'), 'assign', false],
    [
      'a requester closes a colleague’s ticket',
      requester,
      ticketIn('resolved', 'emp-2'),
      'close',
      false,
    ],
    ['an agent resolves any ticket it sees', agent, ticketIn('in_progress'), 'resolve', true],
    ['the platform assigns', platform, ticketIn('new'), 'assign', true],
  ])('%s', (_case, who, ticket, action, allowed) => {
    expect(outcomeOf(() => checkTransitionBy(who, ticket, action))).toBe(verdict(allowed));
  });

  it('names what a requester may do instead', () => {
    expect(() => checkTransitionBy(requester, ticketIn('resolved'), 'cancel')).toThrow(
      expect.objectContaining({
        details: { currentStatus: 'resolved', allowedActions: ['close', 'reopen'] },
      }),
    );
  });
});
