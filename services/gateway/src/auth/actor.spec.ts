import { type Permission, type Principal, principalOf, type PrincipalClaims } from '@itsm/auth';
import { HttpProblemException } from '../problem/http-problem.exception';
import { actorFor, requesterFor, type TicketRequester } from './actor';

function principal(overrides: Partial<PrincipalClaims>): Principal {
  return principalOf({
    kind: 'user',
    id: 'u-1',
    name: 'Someone',
    roles: [],
    scopes: [],
    organizationId: null,
    organizationWide: false,
    groupIds: [],
    ...overrides,
  });
}

const requester = principal({ id: 'emp-1', roles: ['requester'], organizationId: 'org-acme' });
const agent = principal({ id: 'ag-1', roles: ['agent'] });
const administrator = principal({ id: 'adm-1', roles: ['administrator'] });
const mailGateway = principal({
  kind: 'service_account',
  id: 'sa-mail',
  scopes: ['tickets:write'],
});

/** The status of the problem a call throws, or what it returned. */
function outcome<T>(call: () => T): T | number {
  try {
    return call();
  } catch (error) {
    if (error instanceof HttpProblemException) return error.status;
    throw error;
  }
}

describe('actorFor', () => {
  it.each<[string, Principal, string | undefined, Permission, string | number]>([
    ['no claim: the caller', requester, undefined, 'tickets.act_on_behalf', 'emp-1'],
    ['an empty claim: the caller', requester, '', 'tickets.act_on_behalf', 'emp-1'],
    ['the caller named: the caller', requester, 'emp-1', 'tickets.act_on_behalf', 'emp-1'],
    ['a requester naming a colleague', requester, 'emp-2', 'tickets.act_on_behalf', 403],
    ['an agent naming a requester as actor', agent, 'emp-1', 'tickets.act_on_behalf', 403],
    ['an agent filing for a requester', agent, 'emp-1', 'tickets.create_on_behalf', 'emp-1'],
    ['an administrator naming an actor', administrator, 'emp-1', 'tickets.act_on_behalf', 403],
    ['an integration acting for a sender', mailGateway, 'emp-1', 'tickets.act_on_behalf', 'emp-1'],
    ['an integration without a claim', mailGateway, undefined, 'tickets.act_on_behalf', 'sa-mail'],
  ])('%s', (_case, caller, claimed, onBehalf, expected) => {
    expect(outcome(() => actorFor(caller, claimed, onBehalf))).toBe(expected);
  });

  it('tells the caller what is missing', () => {
    expect(() => actorFor(requester, 'emp-2', 'tickets.act_on_behalf')).toThrow(
      /you may only act as yourself: naming emp-2 needs tickets\.act_on_behalf/,
    );
  });
});

describe('requesterFor', () => {
  it.each<
    [string, Principal, { requesterId?: string; organizationId?: string }, TicketRequester | number]
  >([
    [
      'a requester filing for themselves: their organisation',
      requester,
      {},
      { requesterId: 'emp-1', organizationId: 'org-acme' },
    ],
    [
      'a requester naming their own organisation',
      requester,
      { requesterId: 'emp-1', organizationId: 'org-acme' },
      { requesterId: 'emp-1', organizationId: 'org-acme' },
    ],
    ['a requester naming another organisation', requester, { organizationId: 'org-other' }, 403],
    ['a requester filing for a colleague', requester, { requesterId: 'emp-2' }, 403],
    [
      'a staff member without an organisation',
      agent,
      {},
      { requesterId: 'ag-1', organizationId: '' },
    ],
    [
      'an agent logging a call for a requester',
      agent,
      { requesterId: 'emp-1', organizationId: 'org-acme' },
      { requesterId: 'emp-1', organizationId: 'org-acme' },
    ],
    [
      'an agent filing for a requester without naming an organisation',
      agent,
      { requesterId: 'emp-1' },
      { requesterId: 'emp-1', organizationId: '' },
    ],
    [
      'an integration filing for a sender',
      mailGateway,
      { requesterId: 'emp-9', organizationId: 'org-acme' },
      { requesterId: 'emp-9', organizationId: 'org-acme' },
    ],
  ])('%s', (_case, caller, claimed, expected) => {
    expect(outcome(() => requesterFor(caller, claimed))).toEqual(expected);
  });
});
