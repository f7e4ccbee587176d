import {
  ChangeApprovalApproved,
  ChangeApprovalRejected,
  TicketStateChanged,
} from '@itsm/contracts';
import { castVote, type ChangeApproval } from '../../domain/change-approval';
import type { Ticket } from '../../domain/ticket';
import { actorIdOf, requirePermission } from '../../domain/ticket-caller';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import { transitionTicket } from '../../domain/ticket-lifecycle';
import type { Clock } from '../ports/clock';
import type { TransitionSettings } from '../transition-ticket/transition-ticket.use-case';
import { lockTicket } from '../lock-ticket';
import type { TicketStore, TicketTransaction } from '../ports/ticket-store';
import {
  actionMessages,
  toApprovalMessage,
  toFieldChangeMessages,
  ticketStatusMessages,
  toTicketMessage,
} from '../ticket-message.mapper';
import type { CastApprovalVoteCommand } from './cast-approval-vote.command';

export interface VoteOutcome {
  approval: ChangeApproval;
  ticket: Ticket;
}

/**
 * Records an approver's vote on the change's current round. The change is locked first, so
 * votes arriving together are counted one after the other. The vote that decides the round
 * announces it; a rejection also rejects the change, in the same transaction.
 */
export class CastApprovalVoteUseCase {
  constructor(
    private readonly tickets: TicketStore,
    private readonly clock: Clock,
    private readonly settings: TransitionSettings,
  ) {}

  execute(asked: CastApprovalVoteCommand): Promise<VoteOutcome> {
    return this.tickets.transaction(async (transaction) => {
      const { caller } = asked;
      const change = await lockTicket(transaction, asked.ticketId, caller.access);
      requirePermission(caller, 'tickets.approve', 'vote on changes');
      const command = { ...asked, approverId: actorIdOf(caller, asked.approverId) };
      const replay = await this.sameVoteAgain(transaction, change, command);
      if (replay) return { approval: replay, ticket: change };
      const round = await this.currentRound(transaction, change);
      const now = this.clock.now();
      if (!command.decision) {
        throw new TicketError(TicketErrorCode.ValidationFailed, 'the vote is invalid', [
          { field: 'decision', message: 'decision must be approve or reject' },
        ]);
      }
      const { approval, outcome } = castVote(
        round,
        { approverId: command.approverId, decision: command.decision, comment: command.comment },
        {
          now,
          isCabMember: command.cabGroupId !== undefined && command.cabGroupId === round.cabGroupId,
        },
      );
      await transaction.updateApproval(approval);
      await transaction.recordHistory({
        ticketId: change.id,
        occurredAt: now,
        actorId: command.approverId,
        action: 'approval_vote',
        changes: { [`approval.${command.approverId}`]: { from: null, to: command.decision } },
      });
      if (outcome === 'pending') return { approval, ticket: change };
      const ticket =
        outcome === 'rejected'
          ? await this.reject(transaction, change, approval, command, now)
          : change;
      await transaction.emit(
        outcome === 'approved' ? ChangeApprovalApproved : ChangeApprovalRejected,
        {
          key: ticket.id,
          subject: ticket.number,
          payload: {
            ticket: toTicketMessage(ticket),
            approval: toApprovalMessage(approval),
            actorId: command.approverId,
          },
          occurredAt: now,
        },
      );
      return { approval, ticket };
    });
  }

  /** A retried vote (same approver, decision and comment) answers what the first one did. */
  private async sameVoteAgain(
    transaction: TicketTransaction,
    change: Ticket,
    command: CastApprovalVoteCommand,
  ): Promise<ChangeApproval | undefined> {
    if (change.type !== 'change' || !change.approvalId) return undefined;
    const round = await transaction.findApprovalForUpdate(change.approvalId);
    const earlier = round?.votes.find((vote) => vote.approverId === command.approverId);
    const same =
      earlier !== undefined &&
      earlier.decision === command.decision &&
      earlier.comment === command.comment.trim();
    return same ? round : undefined;
  }

  private async currentRound(
    transaction: TicketTransaction,
    change: Ticket,
  ): Promise<ChangeApproval> {
    if (change.type !== 'change' || change.status !== 'approval' || !change.approvalId) {
      throw new TicketError(
        TicketErrorCode.InvalidTransition,
        `${change.number} is not awaiting approval; votes are taken while a change is in approval`,
        [],
        { currentStatus: change.status },
      );
    }
    const round = await transaction.findApprovalForUpdate(change.approvalId);
    if (!round) throw new Error(`approval ${change.approvalId} of ${change.number} is missing`);
    return round;
  }

  private async reject(
    transaction: TicketTransaction,
    change: Ticket,
    approval: ChangeApproval,
    command: CastApprovalVoteCommand,
    now: Date,
  ): Promise<Ticket> {
    const { ticket, from, changes } = transitionTicket(
      change,
      { action: 'reject', actorId: command.approverId, approval },
      { now, reopenWindowMs: this.settings.reopenWindowMs },
    );
    await transaction.update(ticket, change.version);
    await transaction.recordHistory({
      ticketId: ticket.id,
      occurredAt: now,
      actorId: command.approverId,
      action: 'reject',
      changes,
    });
    await transaction.emit(TicketStateChanged, {
      key: ticket.id,
      subject: ticket.number,
      payload: {
        ticket: toTicketMessage(ticket),
        fromStatus: ticketStatusMessages[from],
        action: actionMessages.reject,
        actorId: command.approverId,
        changes: toFieldChangeMessages(changes),
      },
      occurredAt: now,
    });
    return ticket;
  }
}
