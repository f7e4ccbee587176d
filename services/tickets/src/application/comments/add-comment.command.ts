import type { TicketCaller } from '../../domain/ticket-caller';
import type { CommentInput } from '../../domain/ticket-comment';

export interface AddCommentCommand extends CommentInput {
  caller: TicketCaller;
  ticketId: string;
  /** A retry with the same key (per ticket and author) returns the first comment. Empty: none. */
  idempotencyKey: string;
}
