import type { TransitionInput } from '../../domain/ticket-lifecycle';

export interface TransitionTicketCommand extends TransitionInput {
  ticketId: string;
  /** The version the caller last saw (If-Match); undefined skips the check. */
  expectedVersion: number | undefined;
}
