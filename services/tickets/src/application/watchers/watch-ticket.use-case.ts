import type { Ticket } from '../../domain/ticket';
import { actorIdOf, checkWatcherBy, type TicketCaller } from '../../domain/ticket-caller';
import { watchTicket } from '../../domain/ticket-watchers';
import type { Clock } from '../ports/clock';
import { lockTicket } from '../lock-ticket';
import type { TicketStore } from '../ports/ticket-store';
import { recordEdit } from '../record-edit';

export interface WatchTicketCommand {
  caller: TicketCaller;
  ticketId: string;
  watcherId: string;
  actorId: string;
  /** True adds the watcher, false removes them. */
  watch: boolean;
}

/**
 * Adds or removes a watcher; asking for what is already so changes nothing. Requesters follow
 * tickets they see themselves; staff also add and remove others.
 */
export class WatchTicketUseCase {
  constructor(
    private readonly tickets: TicketStore,
    private readonly clock: Clock,
  ) {}

  execute(command: WatchTicketCommand): Promise<Ticket> {
    return this.tickets.transaction(async (transaction) => {
      const { caller } = command;
      const current = await lockTicket(transaction, command.ticketId, caller.access);
      checkWatcherBy(caller, command.watcherId);
      const now = this.clock.now();
      return recordEdit(
        transaction,
        current,
        watchTicket(current, command.watcherId, command.watch, now),
        {
          actorId: actorIdOf(caller, command.actorId),
          action: command.watch ? 'watch' : 'unwatch',
        },
        now,
      );
    });
  }
}
