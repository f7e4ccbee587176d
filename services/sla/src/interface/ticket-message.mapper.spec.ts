import { TicketCreated } from '@itsm/contracts';
import { SlaErrorCode } from '../domain/sla-error';
import { spellingOf, toTicketSnapshot } from './ticket-message.mapper';

function ticketOf(json: Record<string, unknown>) {
  return TicketCreated.fromJson({
    ticket: {
      id: '0194a000-0000-7000-8000-000000000001',
      number: 'INC-000001',
      type: 'TICKET_TYPE_INCIDENT',
      status: 'TICKET_STATUS_PENDING',
      priority: 'PRIORITY_MEDIUM',
      channel: 'CHANNEL_EMAIL',
      pendingReason: 'PENDING_REASON_AWAITING_CUSTOMER',
      createdAt: '2026-11-27T14:30:00Z',
      ...json,
    },
  }).ticket;
}

describe('the ticket of a tickets event', () => {
  it('is read in the tickets domain’s spelling', () => {
    expect(toTicketSnapshot(ticketOf({ updatedAt: '2026-11-30T07:00:00Z' }))).toEqual({
      id: '0194a000-0000-7000-8000-000000000001',
      number: 'INC-000001',
      type: 'incident',
      status: 'pending',
      priority: 'medium',
      pendingReason: 'awaiting_customer',
      organizationId: null,
      channel: 'email',
      serviceId: null,
      categoryId: null,
      assignmentGroupId: null,
      createdAt: new Date('2026-11-27T14:30:00Z'),
      reportedAt: new Date('2026-11-27T14:30:00Z'),
      updatedAt: new Date('2026-11-30T07:00:00Z'),
      firstRespondedAt: null,
    });
  });

  it('counts a ticket never changed as changed when it was created', () => {
    expect(toTicketSnapshot(ticketOf({})).updatedAt).toEqual(new Date('2026-11-27T14:30:00Z'));
  });

  it('carries what policies match on and when the requester reported it', () => {
    expect(
      toTicketSnapshot(
        ticketOf({
          organizationId: 'org-7',
          serviceId: '0194a000-0000-7000-8000-0000000000a1',
          categoryId: '0194a000-0000-7000-8000-0000000000c1',
          assignmentGroupId: 'service-desk',
          reportedAt: '2026-11-27T09:05:00Z',
        }),
      ),
    ).toMatchObject({
      organizationId: 'org-7',
      serviceId: '0194a000-0000-7000-8000-0000000000a1',
      categoryId: '0194a000-0000-7000-8000-0000000000c1',
      assignmentGroupId: 'service-desk',
      reportedAt: new Date('2026-11-27T09:05:00Z'),
      createdAt: new Date('2026-11-27T14:30:00Z'),
    });
  });

  it.each([
    ['TICKET_STATUS_IN_PROGRESS', 'TICKET_STATUS_', 'in_progress'],
    ['PENDING_REASON_UNSPECIFIED', 'PENDING_REASON_', null],
    ['UNRECOGNIZED', 'CHANNEL_', null],
  ])('spells %s as %s…', (value, prefix, spelling) => {
    expect(spellingOf(prefix, value)).toBe(spelling);
  });

  it('is refused when its id is not a UUID', () => {
    expect(() => toTicketSnapshot(ticketOf({ id: 'INC-1' }))).toThrow(
      expect.objectContaining({ code: SlaErrorCode.ValidationFailed }),
    );
  });
});
