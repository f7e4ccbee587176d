import type { Ticket } from './ticket';
import { COMMENT_MAX_LENGTH } from './ticket-comment';
import { TicketError, TicketErrorCode, type FieldViolation } from './ticket-error';
import { diff, type FieldChanges } from './ticket-lifecycle';

export const MIN_RATING = 1;
export const MAX_RATING = 5;

export interface SatisfactionInput {
  requesterId: string;
  rating: number;
  comment: string;
}

export interface RatingOutcome {
  ticket: Ticket;
  changes: FieldChanges;
}

/**
 * The requester's satisfaction with a resolved or closed ticket (CSAT). Only the requester
 * rates, once; the same rating again is a retry and changes nothing.
 */
export function rateTicket(ticket: Ticket, input: SatisfactionInput, now: Date): RatingOutcome {
  const comment = input.comment.trim();
  if (ticket.satisfactionRating !== null) {
    if (ticket.satisfactionRating === input.rating && ticket.satisfactionComment === comment) {
      return { ticket, changes: {} };
    }
    throw new TicketError(
      TicketErrorCode.InvalidTransition,
      `${ticket.number} was already rated ${ticket.satisfactionRating} of ${MAX_RATING}`,
      [],
      { currentStatus: ticket.status },
    );
  }
  if (ticket.status !== 'resolved' && ticket.status !== 'closed') {
    throw new TicketError(
      TicketErrorCode.InvalidTransition,
      `${ticket.number} is ${ticket.status}; a ticket is rated once it is resolved`,
      [],
      { currentStatus: ticket.status },
    );
  }
  const violations: FieldViolation[] = [];
  if (input.requesterId !== ticket.requesterId) {
    violations.push({ field: 'requesterId', message: 'only the requester rates a ticket' });
  }
  if (!Number.isInteger(input.rating) || input.rating < MIN_RATING || input.rating > MAX_RATING) {
    violations.push({
      field: 'rating',
      message: `rating must be a whole number from ${MIN_RATING} to ${MAX_RATING}`,
    });
  }
  if (comment.length > COMMENT_MAX_LENGTH) {
    violations.push({
      field: 'comment',
      message: `comment must be at most ${COMMENT_MAX_LENGTH} characters`,
    });
  }
  if (violations.length > 0) {
    throw new TicketError(TicketErrorCode.ValidationFailed, 'the rating is invalid', violations);
  }
  const rated: Ticket = {
    ...ticket,
    satisfactionRating: input.rating,
    satisfactionComment: comment,
    ratedAt: now,
    updatedAt: now,
    version: ticket.version + 1,
  };
  return { ticket: rated, changes: diff(ticket, rated) };
}
