import { TicketCreated } from './ticket-events';
import { InvalidEventPayloadError } from './event-type';
import {
  Channel,
  Impact,
  Priority,
  TicketStatus,
  TicketType,
  Urgency,
} from '../generated/itsm/tickets/v1/ticket';
import { toTimestamp } from '../timestamps';

const ticket = {
  id: '0193a7a0-0000-7000-8000-000000000001',
  number: 'INC-000001',
  type: TicketType.TICKET_TYPE_INCIDENT,
  title: 'VPN does not connect',
  description: '',
  status: TicketStatus.TICKET_STATUS_NEW,
  impact: Impact.IMPACT_MEDIUM,
  urgency: Urgency.URGENCY_HIGH,
  priority: Priority.PRIORITY_HIGH,
  channel: Channel.CHANNEL_PORTAL,
  requesterId: 'u-1',
  organizationId: '',
  createdAt: toTimestamp(new Date('2026-11-27T10:15:30.123Z')),
  updatedAt: toTimestamp(new Date('2026-11-27T10:15:30.123Z')),
  version: 1,
};

describe('TicketCreated event contract', () => {
  it('encodes proto JSON with enum names and RFC 3339 timestamps', () => {
    const json = TicketCreated.toJson({ ticket }) as { ticket: Record<string, unknown> };
    expect(json.ticket).toMatchObject({
      id: ticket.id,
      number: 'INC-000001',
      type: 'TICKET_TYPE_INCIDENT',
      priority: 'PRIORITY_HIGH',
      createdAt: '2026-11-27T10:15:30.123Z',
    });
  });

  it('decodes what it encodes', () => {
    const decoded = TicketCreated.fromJson(
      JSON.parse(JSON.stringify(TicketCreated.toJson({ ticket }))),
    );
    expect(decoded.ticket).toEqual(ticket);
  });

  it.each([
    ['a non-object', 'hello', 'payload is not a JSON object'],
    ['a missing ticket', {}, 'ticket is missing'],
    [
      'an empty id',
      { ticket: { ...(TicketCreated.toJson({ ticket }) as object), id: '' } },
      'ticket.id is empty',
    ],
  ])('rejects %s', (_label, json, problem) => {
    expect(() => TicketCreated.fromJson(json)).toThrow(InvalidEventPayloadError);
    expect(() => TicketCreated.fromJson(json)).toThrow(problem);
  });
});
