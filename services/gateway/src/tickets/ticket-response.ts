import type { Response } from 'express';
import type { Ticket } from '@itsm/contracts';
import type { TicketDto } from './dto/ticket.dto';
import { toTicketDto } from './ticket-dto.mapper';
import { withETag } from '../http/etag';

export const TICKETS_PATH = '/api/v1/tickets';

/** The ticket of a service answer as REST; throws when the service left it out. */
export function requiredTicketDto(ticket: Ticket | undefined): TicketDto {
  if (!ticket) throw new Error('the tickets service answered without a ticket');
  return toTicketDto(ticket);
}

/** The ticket of a service answer as REST, its version sent as the ETag. */
export function ticketWithETag(ticket: Ticket | undefined, response: Response): TicketDto {
  const dto = requiredTicketDto(ticket);
  return withETag(dto, dto.version, response);
}

/**
 * The ticket a create answered with, its ETag and Location set; a retry with the same
 * Idempotency-Key gets the first ticket, marked Idempotent-Replayed.
 */
export function openedTicket(
  answer: { ticket: Ticket | undefined; created: boolean },
  response: Response,
): TicketDto {
  const dto = ticketWithETag(answer.ticket, response);
  response.setHeader('Location', `${TICKETS_PATH}/${dto.id}`);
  if (!answer.created) response.setHeader('Idempotent-Replayed', 'true');
  return dto;
}
