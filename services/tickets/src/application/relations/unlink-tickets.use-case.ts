import { TicketUnlinked } from '@itsm/contracts';
import { actorIdOf, requirePermission, type TicketCaller } from '../../domain/ticket-caller';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type { Clock } from '../ports/clock';
import { lockTicket } from '../lock-ticket';
import type { TicketStore } from '../ports/ticket-store';
import { toRelationMessage } from '../ticket-message.mapper';

export interface UnlinkTicketsCommand {
  caller: TicketCaller;
  ticketId: string;
  relationId: string;
  actorId: string;
}

/** Removes a relation of a ticket, with a history entry on both ends and an event. */
export class UnlinkTicketsUseCase {
  constructor(
    private readonly tickets: TicketStore,
    private readonly clock: Clock,
  ) {}

  execute(command: UnlinkTicketsCommand): Promise<void> {
    return this.tickets.transaction(async (transaction) => {
      const { caller } = command;
      await lockTicket(transaction, command.ticketId, caller.access);
      requirePermission(caller, 'tickets.work', 'unlink tickets');
      const actorId = actorIdOf(caller, command.actorId);
      const removed = await transaction.deleteRelation(command.ticketId, command.relationId);
      if (!removed) {
        throw new TicketError(
          TicketErrorCode.NotFound,
          `relation ${command.relationId} of ticket ${command.ticketId} does not exist`,
        );
      }
      const now = this.clock.now();
      for (const [ticketId, other] of [
        [removed.sourceId, removed.targetNumber],
        [removed.targetId, removed.sourceNumber],
      ] as const) {
        await transaction.recordHistory({
          ticketId,
          occurredAt: now,
          actorId,
          action: 'unlink',
          changes: { [removed.kind]: { from: other, to: null } },
        });
      }
      await transaction.emit(TicketUnlinked, {
        key: removed.sourceId,
        subject: removed.sourceNumber,
        payload: { relation: toRelationMessage(removed), actorId },
        occurredAt: now,
      });
    });
  }
}
