import type { TicketCaller } from '../../domain/ticket-caller';
import type { TicketEdit } from '../../domain/ticket-edit';
import type { TransitionTicketCommand } from '../transition-ticket/transition-ticket.command';

/** What happens to every ticket: one lifecycle action, or one edit. */
export type BulkOperation =
  | {
      kind: 'transition';
      transition: Omit<
        TransitionTicketCommand,
        'caller' | 'ticketId' | 'expectedVersion' | 'actorId'
      >;
    }
  | { kind: 'edit'; edit: TicketEdit };

export interface BulkUpdateTicketsCommand {
  caller: TicketCaller;
  ticketIds: string[];
  actorId: string;
  operation: BulkOperation | undefined;
}
