import type { Ticket } from '../../domain/ticket';
import { watchTicket } from '../../domain/ticket-watchers';
import type { Clock } from '../ports/clock';
import { lockTicket } from '../lock-ticket';
import type { TicketStore } from '../ports/ticket-store';
import { recordEdit } from '../record-edit';

export interface WatchTicketCommand {
  ticketId: string;
  watcherId: string;
  actorId: string;
  /** True adds the watcher, false removes them. */
  watch: boolean;
}

/** Adds or removes a watcher; asking for what is already so changes nothing. */
export class WatchTicketUseCase {
  constructor(
    private readonly tickets: TicketStore,
    private readonly clock: Clock,
  ) {}

  execute(command: WatchTicketCommand): Promise<Ticket> {
    return this.tickets.transaction(async (transaction) => {
      const current = await lockTicket(transaction, command.ticketId);
      const now = this.clock.now();
      return recordEdit(
        transaction,
        current,
        watchTicket(current, command.watcherId, command.watch, now),
        { actorId: command.actorId, action: command.watch ? 'watch' : 'unwatch' },
        now,
      );
    });
  }
}
