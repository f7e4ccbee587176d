import type { TicketRequest } from '../../domain/ticket';
import type { TicketCaller } from '../../domain/ticket-caller';

export interface CreateTicketCommand extends TicketRequest {
  caller: TicketCaller;
  /** A retry with the same key (per requester) returns the first result. Empty: no idempotency. */
  idempotencyKey: string;
}
