import { TicketCreatedEvent } from '../generated/itsm/tickets/v1/events';
import { TicketStatus, TicketType } from '../generated/itsm/tickets/v1/ticket';
import { defineEventType } from './event-type';
import { Topics } from './topics';

export const TicketCreated = defineEventType<TicketCreatedEvent>({
  topic: Topics.tickets,
  type: 'itsm.tickets.v1.ticket.created',
  codec: TicketCreatedEvent,
  validate: ({ ticket }) => {
    if (!ticket) return ['ticket is missing'];
    const problems: string[] = [];
    if (!ticket.id) problems.push('ticket.id is empty');
    if (!ticket.number) problems.push('ticket.number is empty');
    if (ticket.type === TicketType.TICKET_TYPE_UNSPECIFIED)
      problems.push('ticket.type is unspecified');
    if (ticket.status === TicketStatus.TICKET_STATUS_UNSPECIFIED)
      problems.push('ticket.status is unspecified');
    if (!ticket.createdAt) problems.push('ticket.createdAt is missing');
    return problems;
  },
});
