import { status as GrpcStatus } from '@grpc/grpc-js';
import { type Principal, principalOf, type PrincipalClaims } from '@itsm/auth';
import { type GetTicketRequest, type GetTicketResponse, Ticket } from '@itsm/contracts';
import { type Observable, of, throwError } from 'rxjs';
import { HttpProblemException } from '../problem/http-problem.exception';
import { TicketVisibilityCheck } from './ticket-visibility-check';

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

const ticketId = '0194a000-0000-7000-8000-000000000001';
const ticket = Ticket.fromJSON({
  id: ticketId,
  number: 'INC-000001',
  requesterId: 'emp-1',
  organizationId: 'org-acme',
  assignmentGroupId: 'g-network',
});

/** A tickets service that answers GetTicket as given, and records what it was asked. */
class FakeTickets {
  readonly asked: GetTicketRequest[] = [];
  constructor(private readonly answer: () => Observable<GetTicketResponse>) {}
  getTicket(request: GetTicketRequest): Observable<GetTicketResponse> {
    this.asked.push(request);
    return this.answer();
  }
}

describe('TicketVisibilityCheck', () => {
  it.each<[string, Principal]>([
    ['its requester', principal({ id: 'emp-1', roles: ['requester'] })],
    ['an agent of its group', principal({ id: 'ag-1', roles: ['agent'], groupIds: ['g-network'] })],
    ['a supervisor', principal({ id: 'sup-1', roles: ['supervisor'] })],
  ])('hands the ticket to %s', async (_who, caller) => {
    const tickets = new FakeTickets(() => of({ ticket }));
    await expect(new TicketVisibilityCheck(tickets).visibleTicket(caller, ticketId)).resolves.toBe(
      ticket,
    );
    expect(tickets.asked).toEqual([{ id: ticketId }]);
  });

  it.each<[string, Principal]>([
    ['a colleague of the requester', principal({ id: 'emp-2', roles: ['requester'] })],
    ['an agent of another group', principal({ id: 'ag-2', roles: ['agent'], groupIds: ['g-1c'] })],
  ])('answers 404 to %s when the service answered anyway', async (_who, caller) => {
    const check = new TicketVisibilityCheck(new FakeTickets(() => of({ ticket })));
    const refusal = await check.visibleTicket(caller, ticketId).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(HttpProblemException);
    expect(refusal).toMatchObject({
      status: 404,
      type: '/problems/not-found',
      detail: `ticket ${ticketId} does not exist`,
    });
  });

  it("lets the service's NOT_FOUND through, for the problem filter to answer 404", async () => {
    const notFound = { code: GrpcStatus.NOT_FOUND, details: `ticket ${ticketId} does not exist` };
    const check = new TicketVisibilityCheck(new FakeTickets(() => throwError(() => notFound)));
    await expect(
      check.visibleTicket(principal({ id: 'emp-2', roles: ['requester'] }), ticketId),
    ).rejects.toBe(notFound);
  });
});
