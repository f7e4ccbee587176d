import type { TicketRequest } from '../../domain/ticket';

export interface CreateTicketCommand extends TicketRequest {
  /** A retry with the same key (per requester) returns the first result. Empty: no idempotency. */
  idempotencyKey: string;
}
