import type { TicketEdit } from '../../domain/ticket-edit';

export interface UpdateTicketCommand {
  ticketId: string;
  /** The version the caller last saw (If-Match); undefined skips the check. */
  expectedVersion: number | undefined;
  actorId: string;
  edit: TicketEdit;
}
