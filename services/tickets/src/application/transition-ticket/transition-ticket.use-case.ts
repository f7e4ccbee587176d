import {
  ChangeApprovalRequested,
  type EventType,
  TicketAssigned,
  TicketClosed,
  TicketReopened,
  TicketResolved,
  TicketStateChanged,
  type TicketStateChangedEvent,
} from '@itsm/contracts';
import { type ChangeApproval, openApproval } from '../../domain/change-approval';
import type { Ticket } from '../../domain/ticket';
import { type TicketAction, transitionTicket } from '../../domain/ticket-lifecycle';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import { lockTicket } from '../lock-ticket';
import type { TicketStore, TicketTransaction } from '../ports/ticket-store';
import {
  actionMessages,
  toApprovalMessage,
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
    case 'investigate':
    case 'record_known_error':
    case 'submit':
    case 'request_approval':
    case 'schedule':
    case 'reject':
    case 'revise':
    case 'start_implementation':
    case 'complete':
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

/** The approval round an action works with, and whether the action opens it. */
interface RoundInPlay {
  approval: ChangeApproval;
  opened: boolean;
}

/**
 * Moves a ticket through its lifecycle in one transaction: the row is locked, the version
 * the caller saw is checked (no lost update), the lifecycle decides, and the change, its
 * history entry and its event are written together. A change's approval round is opened,
 * or read for schedule and reject, in the same transaction.
 */
export class TransitionTicketUseCase {
  constructor(
    private readonly tickets: TicketStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly settings: TransitionSettings,
  ) {}

  execute(command: TransitionTicketCommand): Promise<Ticket> {
    return this.tickets.transaction(async (transaction) => {
      const current = await lockTicket(transaction, command.ticketId, command.expectedVersion);
      const now = this.clock.now();
      const round = await this.roundFor(transaction, current, command, now);
      const { approvalRequest: _request, ...input } = command;
      const { ticket, from, changes } = transitionTicket(
        current,
        { ...input, approval: round?.approval },
        { now, reopenWindowMs: this.settings.reopenWindowMs },
      );
      if (round?.opened) await transaction.insertApproval(round.approval);
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
      if (round?.opened) {
        await transaction.emit(ChangeApprovalRequested, {
          key: ticket.id,
          subject: ticket.number,
          payload: {
            ticket: toTicketMessage(ticket),
            approval: toApprovalMessage(round.approval),
            actorId: command.actorId,
          },
          occurredAt: now,
        });
      }
      return ticket;
    });
  }

  private async roundFor(
    transaction: TicketTransaction,
    ticket: Ticket,
    command: TransitionTicketCommand,
    now: Date,
  ): Promise<RoundInPlay | undefined> {
    if (ticket.type !== 'change') return undefined;
    const request = command.approvalRequest;
    const asksForApprovers =
      request !== undefined && (request.approverIds.length > 0 || Boolean(request.cabGroupId));
    const opens =
      command.action === 'request_approval' ||
      (command.action === 'submit' && ticket.changeKind === 'emergency' && asksForApprovers);
    if (opens) {
      const approval = openApproval(request ?? { approverIds: [], quorum: undefined }, {
        id: this.ids.newId(),
        changeId: ticket.id,
        now,
      });
      return { approval, opened: true };
    }
    if ((command.action === 'schedule' || command.action === 'reject') && ticket.approvalId) {
      const approval = await transaction.findApprovalForUpdate(ticket.approvalId);
      return approval ? { approval, opened: false } : undefined;
    }
    return undefined;
  }
}
