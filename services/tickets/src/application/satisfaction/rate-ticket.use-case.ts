import type { Ticket } from '../../domain/ticket';
import { rateTicket, type SatisfactionInput } from '../../domain/ticket-satisfaction';
import type { Clock } from '../ports/clock';
import { lockTicket } from '../lock-ticket';
import type { TicketStore } from '../ports/ticket-store';
import { recordEdit } from '../record-edit';

export interface RateTicketCommand extends SatisfactionInput {
  ticketId: string;
}

/** The requester's satisfaction rating of a resolved ticket, recorded once. */
export class RateTicketUseCase {
  constructor(
    private readonly tickets: TicketStore,
    private readonly clock: Clock,
  ) {}

  execute(command: RateTicketCommand): Promise<Ticket> {
    return this.tickets.transaction(async (transaction) => {
      const current = await lockTicket(transaction, command.ticketId);
      const now = this.clock.now();
      return recordEdit(
        transaction,
        current,
        rateTicket(current, command, now),
        { actorId: command.requesterId, action: 'rate' },
        now,
      );
    });
  }
}
