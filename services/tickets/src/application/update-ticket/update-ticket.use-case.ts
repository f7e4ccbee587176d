import type { Ticket } from '../../domain/ticket';
import { actorIdOf, requirePermission } from '../../domain/ticket-caller';
import { editTicket } from '../../domain/ticket-edit';
import type { Clock } from '../ports/clock';
import { lockTicket } from '../lock-ticket';
import type { TicketStore, TicketTransaction } from '../ports/ticket-store';
import { recordEdit } from '../record-edit';
import type { UpdateTicketCommand } from './update-ticket.command';

/**
 * Edits a ticket in one transaction with the row locked and the caller's version checked:
 * the change, its history entry and the `ticket.updated` event. An edit that changes
 * nothing writes nothing. Only staff edit; a ticket the caller cannot see is not found.
 */
export class UpdateTicketUseCase {
  constructor(
    private readonly tickets: TicketStore,
    private readonly clock: Clock,
  ) {}

  execute(command: UpdateTicketCommand): Promise<Ticket> {
    return this.tickets.transaction((transaction) => this.within(transaction, command));
  }

  /** The edit inside a transaction the caller holds (a bulk update edits many in one). */
  async within(transaction: TicketTransaction, command: UpdateTicketCommand): Promise<Ticket> {
    const { caller } = command;
    const current = await lockTicket(
      transaction,
      command.ticketId,
      caller.access,
      command.expectedVersion,
    );
    requirePermission(caller, 'tickets.work', 'edit tickets');
    const now = this.clock.now();
    return recordEdit(
      transaction,
      current,
      editTicket(current, command.edit, now, await transaction.priorityMatrix()),
      { actorId: actorIdOf(caller, command.actorId), action: 'update' },
      now,
    );
  }
}
