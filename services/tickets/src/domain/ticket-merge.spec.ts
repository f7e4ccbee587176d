import { openTicket, type Ticket, type TicketType, validateTicketRequest } from './ticket';
import { TicketErrorCode } from './ticket-error';
import { DEFAULT_REOPEN_WINDOW_MS } from './ticket-lifecycle';
import { mergeDuplicate } from './ticket-merge';

const now = new Date('2026-11-27T10:00:00Z');
const policy = { now, reopenWindowMs: DEFAULT_REOPEN_WINDOW_MS };

function aTicket(type: TicketType, sequence: number, overrides: Partial<Ticket> = {}): Ticket {
  const ticket = openTicket(
    validateTicketRequest({
      type,
      title: 'Printer on floor 3 jams',
      description: '',
      impact: undefined,
      urgency: undefined,
      channel: undefined,
      requesterId: `emp-${sequence}`,
      organizationId: undefined,
    }),
    {
      id: `00000000-0000-7000-8000-${String(sequence).padStart(12, '0')}`,
      sequence,
      now: new Date('2026-11-27T09:00:00Z'),
    },
  );
  return { ...ticket, ...overrides };
}

describe('merging a duplicate', () => {
  it('cancels the duplicate with the resolution code duplicate and names the ticket that stays', () => {
    const source = aTicket('incident', 2, { status: 'in_progress' });
    const target = aTicket('incident', 1);
    const { ticket, from, changes } = mergeDuplicate(source, target, 'agent-1', policy);
    expect(from).toBe('in_progress');
    expect(ticket).toMatchObject({
      status: 'cancelled',
      resolutionCode: 'duplicate',
      resolutionNotes: 'Merged into INC-000001.',
      version: source.version + 1,
    });
    expect(changes['status']).toEqual({ from: 'in_progress', to: 'cancelled' });
    expect(changes['resolutionCode']).toEqual({ from: null, to: 'duplicate' });
  });

  it.each<[string, Ticket, Ticket, string]>([
    ['itself', aTicket('incident', 1), aTicket('incident', 1), 'into itself'],
    ['another type', aTicket('incident', 2), aTicket('service_request', 1), 'of one type'],
    ['a problem', aTicket('problem', 2), aTicket('problem', 1), 'of one type'],
    [
      'a closed ticket',
      aTicket('incident', 2),
      aTicket('incident', 1, { status: 'closed' }),
      'is closed',
    ],
  ])('refuses to merge into %s', (_, source, target, message) => {
    expect(() => mergeDuplicate(source, target, 'agent-1', policy)).toThrow(
      expect.objectContaining({
        code: TicketErrorCode.InvalidTransition,
        message: expect.stringContaining(message) as string,
      }) as Error,
    );
  });

  it('refuses to merge a duplicate that is already resolved', () => {
    const source = aTicket('incident', 2, { status: 'resolved' });
    expect(() => mergeDuplicate(source, aTicket('incident', 1), 'agent-1', policy)).toThrow(
      expect.objectContaining({ code: TicketErrorCode.InvalidTransition }) as Error,
    );
  });
});
