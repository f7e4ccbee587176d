import {
  type EventType,
  TicketAssigned,
  TicketClosed,
  TicketReopened,
  TicketResolved,
  TicketStateChanged,
  type TicketStateChangedEvent,
} from '@itsm/contracts';
import type { Ticket } from '../../domain/ticket';
import { type TicketAction, transitionTicket } from '../../domain/ticket-lifecycle';
import type { Clock } from '../ports/clock';
import { lockTicket } from '../lock-ticket';
import type { TicketStore } from '../ports/ticket-store';
import {
  actionMessages,
  toFieldChangeMessages,
  ticketStatusMessages,
  toTicketMessage,
} from '../ticket-message.mapper';
import type { TransitionTicketCommand } from './transition-ticket.command';

/** One event per change; its type names what happened. */
export function eventTypeOf(action: TicketAction): EventType<TicketStateChangedEvent> {
  switch (action) {
    case 'assign':
      return TicketAssigned;
    case 'resolve':
      return TicketResolved;
    case 'close':
      return TicketClosed;
    case 'reopen':
      return TicketReopened;
    case 'start':
    case 'pend':
    case 'resume':
    case 'cancel':
      return TicketStateChanged;
    default:
      return assertUnreachable(action);
  }
}

function assertUnreachable(value: never): never {
  throw new Error(`unhandled ticket action ${String(value)}`);
}

export interface TransitionSettings {
  reopenWindowMs: number;
}

/**
 * Moves a ticket through its lifecycle in one transaction: the row is locked, the version
 * the caller saw is checked (no lost update), the lifecycle decides, and the change, its
 * history entry and its event are written together.
 */
export class TransitionTicketUseCase {
  constructor(
    private readonly tickets: TicketStore,
    private readonly clock: Clock,
    private readonly settings: TransitionSettings,
  ) {}

  execute(command: TransitionTicketCommand): Promise<Ticket> {
    return this.tickets.transaction(async (transaction) => {
      const current = await lockTicket(transaction, command.ticketId, command.expectedVersion);
      const now = this.clock.now();
      const { ticket, from, changes } = transitionTicket(current, command, {
        now,
        reopenWindowMs: this.settings.reopenWindowMs,
      });
      await transaction.update(ticket, current.version);
      await transaction.recordHistory({
        ticketId: ticket.id,
        occurredAt: now,
        actorId: command.actorId,
        action: command.action,
        changes,
      });
      await transaction.emit(eventTypeOf(command.action), {
        key: ticket.id,
        subject: ticket.number,
        payload: {
          ticket: toTicketMessage(ticket),
          fromStatus: ticketStatusMessages[from],
          action: actionMessages[command.action],
          actorId: command.actorId,
          changes: toFieldChangeMessages(changes),
        },
        occurredAt: now,
      });
      return ticket;
    });
  }
}
