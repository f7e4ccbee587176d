import type { Ticket } from '../../domain/ticket';
import { actorIdOf, requirePermission, type TicketCaller } from '../../domain/ticket-caller';
import { rateTicket, type SatisfactionInput } from '../../domain/ticket-satisfaction';
import type { Clock } from '../ports/clock';
import { lockTicket } from '../lock-ticket';
import type { TicketStore } from '../ports/ticket-store';
import { recordEdit } from '../record-edit';

export interface RateTicketCommand extends SatisfactionInput {
  caller: TicketCaller;
  ticketId: string;
}

/**
 * The requester's satisfaction rating of a resolved ticket, recorded once. The caller rates as
 * themselves (an integration as the requester it names), so only a ticket's own requester does.
 */
export class RateTicketUseCase {
  constructor(
    private readonly tickets: TicketStore,
    private readonly clock: Clock,
  ) {}

  execute(command: RateTicketCommand): Promise<Ticket> {
    return this.tickets.transaction(async (transaction) => {
      const { caller } = command;
      const current = await lockTicket(transaction, command.ticketId, caller.access);
      requirePermission(caller, 'tickets.rate', 'rate tickets');
      const requesterId = actorIdOf(caller, command.requesterId);
      const now = this.clock.now();
      return recordEdit(
        transaction,
        current,
        rateTicket(current, { ...command, requesterId }, now),
        { actorId: requesterId, action: 'rate' },
        now,
      );
    });
  }
}
