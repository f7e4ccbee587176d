import type { TicketCaller } from '../../domain/ticket-caller';
import type { TicketEdit } from '../../domain/ticket-edit';

export interface UpdateTicketCommand {
  caller: TicketCaller;
  ticketId: string;
  /** The version the caller last saw (If-Match); undefined skips the check. */
  expectedVersion: number | undefined;
  actorId: string;
  edit: TicketEdit;
}
