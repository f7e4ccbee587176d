import {
  Channel,
  Impact,
  PendingReason,
  Priority,
  TicketStatus,
  TicketType,
  toTimestamp,
  Urgency,
} from '@itsm/contracts';
import { UpdateTicketDto } from './dto/update-ticket.dto';
import {
  toCountTicketsRequest,
  toCreateTicketRequest,
  toListTicketsRequest,
  toTicketDto,
  toUpdateTicketRequest,
} from './ticket-dto.mapper';

describe('ticket REST ⇄ contract mapping', () => {
  it('renders a ticket with ISO timestamps and null for what is not set', () => {
    const at = new Date('2026-11-27T08:30:00.250Z');
    expect(
      toTicketDto({
        id: 'id-1',
        number: 'INC-000001',
        type: TicketType.TICKET_TYPE_INCIDENT,
        title: 't',
        description: '',
        status: TicketStatus.TICKET_STATUS_NEW,
        impact: Impact.IMPACT_HIGH,
        urgency: Urgency.URGENCY_LOW,
        priority: Priority.PRIORITY_MEDIUM,
        channel: Channel.CHANNEL_WEB_FORM,
        requesterId: 'emp-1',
        organizationId: '',
        createdAt: toTimestamp(at),
        updatedAt: toTimestamp(at),
        version: 3,
        assignmentGroupId: '',
        assigneeId: 'agent-7',
        pendingReason: PendingReason.PENDING_REASON_AWAITING_VENDOR,
        resolutionCode: '',
        resolutionNotes: '',
        resolvedAt: undefined,
        closedAt: toTimestamp(at),
        firstRespondedAt: undefined,
        priorityReason: '',
      }),
    ).toEqual({
      id: 'id-1',
      number: 'INC-000001',
      type: 'incident',
      title: 't',
      description: '',
      status: 'new',
      impact: 'high',
      urgency: 'low',
      priority: 'medium',
      channel: 'web_form',
      requesterId: 'emp-1',
      organizationId: null,
      createdAt: '2026-11-27T08:30:00.250Z',
      updatedAt: '2026-11-27T08:30:00.250Z',
      version: 3,
      assignmentGroupId: null,
      assigneeId: 'agent-7',
      pendingReason: 'awaiting_vendor',
      resolutionCode: null,
      resolutionNotes: '',
      resolvedAt: null,
      closedAt: '2026-11-27T08:30:00.250Z',
      firstRespondedAt: null,
      priorityReason: null,
    });
  });

  it('leaves optional fields unspecified for the service to default', () => {
    expect(
      toCreateTicketRequest({ type: 'incident', title: 'x', requesterId: 'emp-1' }, undefined),
    ).toEqual({
      idempotencyKey: '',
      type: TicketType.TICKET_TYPE_INCIDENT,
      title: 'x',
      description: '',
      impact: Impact.IMPACT_UNSPECIFIED,
      urgency: Urgency.URGENCY_UNSPECIFIED,
      channel: Channel.CHANNEL_UNSPECIFIED,
      requesterId: 'emp-1',
      organizationId: '',
    });
  });

  it('turns the fields present in a PATCH body into update paths; priority null clears a manual priority', () => {
    const body = Object.assign(new UpdateTicketDto(), {
      actorId: 'agent-7',
      urgency: 'high',
      priority: null,
    });
    expect(toUpdateTicketRequest('id-1', body, 4)).toEqual({
      id: 'id-1',
      expectedVersion: 4,
      actorId: 'agent-7',
      updatePaths: ['urgency', 'priority'],
      patch: {
        title: '',
        description: '',
        impact: Impact.IMPACT_UNSPECIFIED,
        urgency: Urgency.URGENCY_HIGH,
        priority: Priority.PRIORITY_UNSPECIFIED,
        priorityReason: '',
      },
    });
  });

  it('passes the sort order in the service spelling and instants as timestamps', () => {
    const request = toListTicketsRequest({
      sort: '-updatedAt',
      createdFrom: '2026-11-01T00:00:00+03:00',
      updatedTo: '2026-11-27T12:00:00Z',
    });
    expect(request.sort).toBe('-updated_at');
    expect(request.created).toEqual({
      from: toTimestamp(new Date('2026-10-31T21:00:00Z')),
      to: undefined,
    });
    expect(request.updated).toEqual({
      from: undefined,
      to: toTimestamp(new Date('2026-11-27T12:00:00Z')),
    });
    expect(toListTicketsRequest({}).created).toBeUndefined();
  });

  it('counts under the same ranges, without an order', () => {
    const request = toCountTicketsRequest({ createdTo: '2026-11-27T12:00:00Z' });
    expect(request).not.toHaveProperty('sort');
    expect(request.created?.to).toEqual(toTimestamp(new Date('2026-11-27T12:00:00Z')));
  });
});
