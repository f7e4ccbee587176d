import { principalOf, type PrincipalClaims } from './principal';
import { canSeeTicket, ticketAccessOf, type TicketOwnership } from './ticket-access';

function claims(overrides: Partial<PrincipalClaims>): PrincipalClaims {
  return {
    kind: 'user',
    id: 'u-1',
    name: 'Someone',
    roles: [],
    scopes: [],
    organizationId: null,
    organizationWide: false,
    groupIds: [],
    ...overrides,
  };
}

const ticket = (overrides: Partial<TicketOwnership>): TicketOwnership => ({
  requesterId: 'someone-else',
  organizationId: 'org-other',
  assigneeId: null,
  assignmentGroupId: 'g-other',
  ...overrides,
});

describe('ticket access', () => {
  const requester = principalOf(
    claims({ id: 'emp-1', roles: ['requester'], organizationId: 'org-acme' }),
  );
  const orgRequester = principalOf(
    claims({
      id: 'emp-2',
      roles: ['requester'],
      organizationId: 'org-acme',
      organizationWide: true,
    }),
  );
  const agent = principalOf(claims({ id: 'ag-1', roles: ['agent'], groupIds: ['g-net'] }));
  const supervisor = principalOf(claims({ id: 'sup-1', roles: ['supervisor'] }));

  it.each<[string, ReturnType<typeof principalOf>, TicketOwnership, boolean]>([
    ['a requester, their own ticket', requester, ticket({ requesterId: 'emp-1' }), true],
    [
      'a requester, a colleague’s ticket of the same organisation',
      requester,
      ticket({ organizationId: 'org-acme' }),
      false,
    ],
    [
      'an organisation-wide requester, a colleague’s ticket',
      orgRequester,
      ticket({ organizationId: 'org-acme' }),
      true,
    ],
    [
      'an organisation-wide requester, another organisation’s ticket',
      orgRequester,
      ticket({ organizationId: 'org-other' }),
      false,
    ],
    ['an agent, a ticket of their group', agent, ticket({ assignmentGroupId: 'g-net' }), true],
    ['an agent, a ticket assigned to them', agent, ticket({ assigneeId: 'ag-1' }), true],
    ['an agent, the triage queue', agent, ticket({ assignmentGroupId: null }), true],
    ['an agent, another group’s ticket', agent, ticket({}), false],
    ['a supervisor, any ticket', supervisor, ticket({}), true],
  ])('%s: %s', (_case, principal, owned, visible) => {
    expect(canSeeTicket(ticketAccessOf(principal).visibility, owned)).toBe(visible);
  });

  it('shows internal notes to staff only', () => {
    expect(ticketAccessOf(requester).seesInternalNotes).toBe(false);
    expect(ticketAccessOf(agent).seesInternalNotes).toBe(true);
  });

  it('does not widen a requester without an organisation to every organisation-less ticket', () => {
    const loner = principalOf(
      claims({ id: 'emp-3', roles: ['requester'], organizationWide: true }),
    );
    expect(canSeeTicket(ticketAccessOf(loner).visibility, ticket({ organizationId: null }))).toBe(
      false,
    );
  });
});
