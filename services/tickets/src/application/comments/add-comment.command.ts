import type { CommentInput } from '../../domain/ticket-comment';

export interface AddCommentCommand extends CommentInput {
  ticketId: string;
  /** A retry with the same key (per ticket and author) returns the first comment. Empty: none. */
  idempotencyKey: string;
}
