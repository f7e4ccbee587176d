import { openTicket, type Ticket, type TicketStatus, validateTicketRequest } from './ticket';
import { commentOn, COMMENT_MAX_LENGTH } from './ticket-comment';
import { TicketErrorCode } from './ticket-error';

const now = new Date('2026-11-27T11:00:00Z');

function ticketIn(status: TicketStatus = 'assigned', overrides: Partial<Ticket> = {}): Ticket {
  const ticket = openTicket(
    validateTicketRequest({
      type: 'service_request',
      title: 'Access to the finance share',
      description: '',
      impact: undefined,
      urgency: undefined,
      channel: undefined,
      requesterId: 'emp-1',
      organizationId: undefined,
    }),
    {
      id: '00000000-0000-7000-8000-000000000001',
      sequence: 1,
      now: new Date('2026-11-27T09:00:00Z'),
    },
  );
  return { ...ticket, status, ...overrides };
}

const ids = { id: 'c-1', now };

describe('commenting on a ticket', () => {
  it("makes an agent's first public reply the first response", () => {
    const outcome = commentOn(
      ticketIn(),
      { authorId: 'agent-7', visibility: 'public', body: ' Granted, please re-login. ' },
      ids,
    );
    expect(outcome.comment).toEqual({
      id: 'c-1',
      ticketId: '00000000-0000-7000-8000-000000000001',
      authorId: 'agent-7',
      visibility: 'public',
      body: 'Granted, please re-login.',
      createdAt: now,
    });
    expect(outcome.firstResponse).toBe(true);
    expect(outcome.ticket).toMatchObject({ firstRespondedAt: now, version: 2 });
    expect(outcome.changes).toEqual({ firstRespondedAt: { from: null, to: now.toISOString() } });
  });

  it.each([
    ['an internal note', { authorId: 'agent-7', visibility: 'internal' as const }],
    ["the requester's own reply", { authorId: 'emp-1', visibility: 'public' as const }],
  ])('does not count %s as a response', (_label, input) => {
    const outcome = commentOn(ticketIn(), { ...input, body: 'text' }, ids);
    expect(outcome.firstResponse).toBe(false);
    expect(outcome.ticket.firstRespondedAt).toBeNull();
    expect(outcome.ticket.version).toBe(1);
  });

  it('keeps the first response time once set', () => {
    const earlier = new Date('2026-11-27T10:00:00Z');
    const outcome = commentOn(
      ticketIn('in_progress', { firstRespondedAt: earlier }),
      { authorId: 'agent-8', visibility: 'public', body: 'x' },
      ids,
    );
    expect(outcome.firstResponse).toBe(false);
    expect(outcome.ticket.firstRespondedAt).toEqual(earlier);
  });

  it.each(['closed', 'cancelled'] as const)('refuses comments on a %s ticket', (status) => {
    expect(() =>
      commentOn(ticketIn(status), { authorId: 'agent-7', visibility: 'public', body: 'x' }, ids),
    ).toThrow(
      expect.objectContaining({
        code: TicketErrorCode.InvalidTransition,
        details: { currentStatus: status, allowedActions: [] },
      }),
    );
  });

  it.each([
    ['   ', 'body must not be empty'],
    ['x'.repeat(COMMENT_MAX_LENGTH + 1), `body must be at most ${COMMENT_MAX_LENGTH} characters`],
  ])('refuses an invalid body', (body, message) => {
    expect(() =>
      commentOn(ticketIn(), { authorId: 'agent-7', visibility: 'public', body }, ids),
    ).toThrow(
      expect.objectContaining({
        code: TicketErrorCode.ValidationFailed,
        violations: [{ field: 'body', message }],
      }),
    );
  });
});
