import { TicketUpdated } from '@itsm/contracts';
import type { Ticket } from '../../domain/ticket';
import { editTicket } from '../../domain/ticket-edit';
import type { Clock } from '../ports/clock';
import { lockTicket } from '../lock-ticket';
import type { TicketStore, TicketTransaction } from '../ports/ticket-store';
import { toFieldChangeMessages, toTicketMessage } from '../ticket-message.mapper';
import type { UpdateTicketCommand } from './update-ticket.command';

/**
 * Edits a ticket in one transaction with the row locked and the caller's version checked:
 * the change, its history entry and the `ticket.updated` event. An edit that changes
 * nothing writes nothing.
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
    const current = await lockTicket(transaction, command.ticketId, command.expectedVersion);
    const now = this.clock.now();
    const { ticket, changes } = editTicket(current, command.edit, now);
    if (Object.keys(changes).length === 0) return current;
    await transaction.update(ticket, current.version);
    await transaction.recordHistory({
      ticketId: ticket.id,
      occurredAt: now,
      actorId: command.actorId,
      action: 'update',
      changes,
    });
    await transaction.emit(TicketUpdated, {
      key: ticket.id,
      subject: ticket.number,
      payload: {
        ticket: toTicketMessage(ticket),
        actorId: command.actorId,
        changes: toFieldChangeMessages(changes),
      },
      occurredAt: now,
    });
    return ticket;
  }
}
