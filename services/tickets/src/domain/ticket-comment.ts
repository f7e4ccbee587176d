import type { Ticket } from './ticket';
import { TicketError, TicketErrorCode } from './ticket-error';
import { diff, type FieldChanges } from './ticket-lifecycle';

export const COMMENT_VISIBILITIES = ['public', 'internal'] as const;
export type CommentVisibility = (typeof COMMENT_VISIBILITIES)[number];

export const COMMENT_MAX_LENGTH = 20_000;

export interface TicketComment {
  id: string;
  ticketId: string;
  authorId: string;
  visibility: CommentVisibility;
  body: string;
  createdAt: Date;
}

export interface CommentInput {
  authorId: string;
  visibility: CommentVisibility;
  body: string;
}

export interface CommentOutcome {
  comment: TicketComment;
  /** The ticket after the comment; changed only when the comment is its first response. */
  ticket: Ticket;
  firstResponse: boolean;
  changes: FieldChanges;
}

/**
 * A comment on a ticket. The first public reply from anyone but the requester is the
 * ticket's first response (what first-response SLAs measure); internal notes never are.
 * Closed and cancelled tickets take no more comments: a new request is a new ticket.
 */
export function commentOn(
  ticket: Ticket,
  input: CommentInput,
  { id, now }: { id: string; now: Date },
): CommentOutcome {
  const body = input.body.trim();
  if (body.length === 0) {
    throw new TicketError(TicketErrorCode.ValidationFailed, 'the comment is empty', [
      { field: 'body', message: 'body must not be empty' },
    ]);
  }
  if (body.length > COMMENT_MAX_LENGTH) {
    throw new TicketError(TicketErrorCode.ValidationFailed, 'the comment is too long', [
      { field: 'body', message: `body must be at most ${COMMENT_MAX_LENGTH} characters` },
    ]);
  }
  if (ticket.status === 'closed' || ticket.status === 'cancelled') {
    throw new TicketError(
      TicketErrorCode.InvalidTransition,
      `ticket ${ticket.number} is ${ticket.status} and takes no more comments`,
      [],
      { currentStatus: ticket.status, allowedActions: [] },
    );
  }
  const comment: TicketComment = {
    id,
    ticketId: ticket.id,
    authorId: input.authorId,
    visibility: input.visibility,
    body,
    createdAt: now,
  };
  const firstResponse =
    ticket.firstRespondedAt === null &&
    input.visibility === 'public' &&
    input.authorId !== ticket.requesterId;
  if (!firstResponse) return { comment, ticket, firstResponse, changes: {} };
  const responded: Ticket = {
    ...ticket,
    firstRespondedAt: now,
    updatedAt: now,
    version: ticket.version + 1,
  };
  return { comment, ticket: responded, firstResponse, changes: diff(ticket, responded) };
}
