import { TicketUpdated } from '@itsm/contracts';
import type { Ticket } from '../../domain/ticket';
import { editTicket } from '../../domain/ticket-edit';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type { Clock } from '../ports/clock';
import type { TicketStore } from '../ports/ticket-store';
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
    return this.tickets.transaction(async (transaction) => {
      const current = await transaction.findForUpdate(command.ticketId);
      if (!current)
        throw new TicketError(
          TicketErrorCode.NotFound,
          `ticket ${command.ticketId} does not exist`,
        );
      if (command.expectedVersion !== undefined && command.expectedVersion !== current.version) {
        throw new TicketError(
          TicketErrorCode.VersionConflict,
          `ticket ${current.number} changed since version ${command.expectedVersion}; it is at version ${current.version}`,
          [],
          { currentVersion: current.version },
        );
      }
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
    });
  }
}
