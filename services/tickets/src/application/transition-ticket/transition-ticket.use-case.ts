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
import { assertUnreachable } from '@itsm/lang';
import { type ChangeApproval, openApproval } from '../../domain/change-approval';
import type { Ticket } from '../../domain/ticket';
import { actorIdOf, checkTransitionBy } from '../../domain/ticket-caller';
import {
  allowedActions,
  type TicketAction,
  type Transition,
  transitionTicket,
} from '../../domain/ticket-lifecycle';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import { lockTicket } from '../lock-ticket';
import type { Scoped, TicketStore, TicketTransaction } from '../ports/ticket-store';
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
      return assertUnreachable(action, 'ticket action');
  }
}

export interface TransitionSettings {
  reopenWindowMs: number;
}

/** Writes a transition: the ticket, its history entry and its one event. */
export async function recordTransition(
  transaction: TicketTransaction,
  before: Ticket,
  { ticket, from, changes }: Transition,
  { action, actorId }: { action: TicketAction; actorId: string },
  now: Date,
): Promise<void> {
  await transaction.update(ticket, before.version);
  await transaction.recordHistory({
    ticketId: ticket.id,
    occurredAt: now,
    actorId,
    action,
    changes,
  });
  await transaction.emit(eventTypeOf(action), {
    key: ticket.id,
    subject: ticket.number,
    payload: {
      ticket: toTicketMessage(ticket),
      fromStatus: ticketStatusMessages[from],
      action: actionMessages[action],
      actorId,
      changes: toFieldChangeMessages(changes),
    },
    occurredAt: now,
  });
}

/**
 * A problem's resolution carries to every incident it caused, whichever group holds them: the
 * link was made to that end, and the resolver need not work those groups' queues.
 */
const EVERY_CAUSED_INCIDENT: Scoped = { visibility: { kind: 'all' } };

/** The approval round an action works with, and whether the action opens it. */
interface RoundInPlay {
  approval: ChangeApproval;
  opened: boolean;
}

/**
 * Moves a ticket through its lifecycle in one transaction: the row is locked, the version
 * the caller saw is checked (no lost update), the caller's right to the action and then the
 * lifecycle decide, and the change, its history entry and its event are written together. A
 * change's approval round is opened, or read for schedule and reject, in the same transaction.
 * Staff take any action; requesters only theirs on their own tickets (`checkTransitionBy`).
 */
export class TransitionTicketUseCase {
  constructor(
    private readonly tickets: TicketStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly settings: TransitionSettings,
  ) {}

  execute(command: TransitionTicketCommand): Promise<Ticket> {
    return this.tickets.transaction((transaction) => this.within(transaction, command));
  }

  /** The action inside a transaction the caller holds (a bulk update acts on many in one). */
  async within(transaction: TicketTransaction, command: TransitionTicketCommand): Promise<Ticket> {
    const { caller } = command;
    const current = await lockTicket(
      transaction,
      command.ticketId,
      caller.access,
      command.expectedVersion,
    );
    checkTransitionBy(caller, current, command.action);
    const actorId = actorIdOf(caller, command.actorId);
    const now = this.clock.now();
    const round = await this.roundFor(transaction, current, command, now);
    const {
      approvalRequest: _request,
      resolveLinkedIncidents,
      caller: _caller,
      ...asked
    } = command;
    const input = { ...asked, actorId };
    const transition = transitionTicket(
      current,
      { ...input, approval: round?.approval },
      {
        now,
        reopenWindowMs: this.settings.reopenWindowMs,
        matrix: await transaction.priorityMatrix(),
      },
    );
    const { ticket } = transition;
    if (round?.opened) await transaction.insertApproval(round.approval);
    await recordTransition(transaction, current, transition, input, now);
    if (resolveLinkedIncidents && ticket.type === 'problem' && command.action === 'resolve') {
      await this.resolveIncidentsCausedBy(transaction, ticket, actorId, now);
    }
    if (round?.opened) {
      await transaction.emit(ChangeApprovalRequested, {
        key: ticket.id,
        subject: ticket.number,
        payload: {
          ticket: toTicketMessage(ticket),
          approval: toApprovalMessage(round.approval),
          actorId,
        },
        occurredAt: now,
      });
    }
    return ticket;
  }

  /**
   * Resolving a problem resolves the open incidents it caused, each with its own history
   * entry and `ticket.resolved` event. Incidents not yet being worked on (new) stay as they
   * are: someone has to look at them first.
   */
  private async resolveIncidentsCausedBy(
    transaction: TicketTransaction,
    problem: Ticket,
    actorId: string,
    now: Date,
  ): Promise<void> {
    const caused = (await transaction.relationsOf(problem.id)).filter(
      (relation) => relation.kind === 'caused_by' && relation.targetId === problem.id,
    );
    for (const relation of caused) {
      const incident = await lockTicket(transaction, relation.sourceId, EVERY_CAUSED_INCIDENT);
      if (!allowedActions(incident).includes('resolve')) continue;
      const input = {
        action: 'resolve' as const,
        actorId,
        resolutionCode: problem.resolutionCode ?? 'fixed',
        resolutionNotes: `Resolved with problem ${problem.number}. ${problem.rootCause}`.trim(),
      };
      const transition = transitionTicket(incident, input, {
        now,
        reopenWindowMs: this.settings.reopenWindowMs,
      });
      await recordTransition(transaction, incident, transition, input, now);
    }
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
