import type { TicketEdit } from '../../domain/ticket-edit';
import type { TransitionTicketCommand } from '../transition-ticket/transition-ticket.command';

/** What happens to every ticket: one lifecycle action, or one edit. */
export type BulkOperation =
  | {
      kind: 'transition';
      transition: Omit<TransitionTicketCommand, 'ticketId' | 'expectedVersion' | 'actorId'>;
    }
  | { kind: 'edit'; edit: TicketEdit };

export interface BulkUpdateTicketsCommand {
  ticketIds: string[];
  actorId: string;
  operation: BulkOperation | undefined;
}
