import { nextLineGroup } from '../../domain/escalation';
import { RoutingError, RoutingErrorCode } from '../../domain/routing-error';
import type { Clock, IdGenerator } from '../ports/clock';
import type {
  EscalationTrigger,
  RoutingLedger,
  RoutingTransactions,
  StoredDecision,
  StoredEscalation,
} from '../ports/routing-ledger';
import type { TicketRouter } from '../route-tickets/ticket-router';
import type { RoutingConfiguration } from '../routing-configuration/routing-configuration';
import { isUuid, notFound, requireUuid } from '../versioned-write';

export interface EscalateCommand {
  ticketId: string;
  reason: string;
  trigger: Exclude<EscalationTrigger, 'sla_breach'>;
  actorId: string | null;
  idempotencyKey: string | null;
}

export interface EscalationOutcome {
  escalation: StoredEscalation;
  decision: StoredDecision | undefined;
}

export interface SupervisorCommand {
  ticketId: string;
  reason: string;
}

const MAX_REASON = 2_000;

/**
 * Functional escalation moves a ticket to its group's next line and an agent there; hierarchical
 * escalation tells the group's supervisor and leaves the ticket where it is. Both are recorded and
 * published with their reason, and the tickets service writes them into the ticket's history.
 */
export class EscalateTicketUseCase {
  constructor(
    private readonly router: TicketRouter,
    private readonly configuration: RoutingConfiguration,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly transactions: RoutingTransactions,
  ) {}

  /** An agent asks for the next line; a retry with the same key answers the first escalation. */
  byAgent(command: Omit<EscalateCommand, 'trigger'>): Promise<EscalationOutcome> {
    return this.transactions.run((ledger) =>
      this.functional({ ...command, trigger: 'agent' }, ledger),
    );
  }

  async functional(command: EscalateCommand, ledger: RoutingLedger): Promise<EscalationOutcome> {
    const reason = command.reason.trim();
    if (!reason || reason.length > MAX_REASON) {
      throw new RoutingError(RoutingErrorCode.ValidationFailed, 'the escalation is invalid', [
        { field: 'reason', message: `must say why, in 1 to ${MAX_REASON} characters` },
      ]);
    }
    if (command.idempotencyKey) {
      const earlier = await ledger.escalationByKey(command.idempotencyKey);
      if (earlier) {
        const decision = earlier.decisionId ? await ledger.decision(earlier.decisionId) : undefined;
        return { escalation: earlier, decision };
      }
    }
    requireUuid('ticket', command.ticketId);
    const ticket = await ledger.ticket(command.ticketId);
    if (!ticket) throw notFound('ticket', command.ticketId);
    if (!ticket.open) {
      throw new RoutingError(
        RoutingErrorCode.FailedPrecondition,
        `ticket ${ticket.number} is no longer open`,
        [],
        {
          ticketId: ticket.ticketId,
        },
      );
    }
    const snapshot = await this.configuration.current();
    const group = ticket.groupId ? snapshot.groups.get(ticket.groupId) : undefined;
    if (!group) {
      throw new RoutingError(
        RoutingErrorCode.FailedPrecondition,
        `ticket ${ticket.number} is in no group of a support line, so it has no next line`,
        [],
        { ticketId: ticket.ticketId },
      );
    }
    const next = nextLineGroup(group, snapshot.groups, snapshot.lines);
    const placement = await this.router.placeInGroup(ticket, next.id, 'escalation', ledger);
    const escalation: StoredEscalation = {
      id: this.ids.newId(),
      ticketId: ticket.ticketId,
      ticketNumber: ticket.number,
      kind: 'functional',
      trigger: command.trigger,
      fromGroupId: group.id,
      toGroupId: next.id,
      assigneeId: placement?.decision.assigneeId ?? null,
      supervisorId: null,
      reason,
      actorId: command.actorId,
      decisionId: placement?.decision.id ?? null,
      idempotencyKey: command.idempotencyKey,
      occurredAt: this.clock.now(),
    };
    await ledger.recordEscalation(escalation);
    return { escalation, decision: placement?.decision };
  }

  /** An SLA warning: the group's policy says whether the ticket moves on by itself, once per group. */
  async onSlaWarning(
    ticketId: string,
    reason: string,
    ledger: RoutingLedger,
  ): Promise<StoredEscalation | null> {
    if (!isUuid(ticketId)) return null;
    const ticket = await ledger.ticket(ticketId);
    if (!ticket?.open || !ticket.groupId) return null;
    const group = (await this.configuration.current()).groups.get(ticket.groupId);
    if (!group?.escalateOnSlaWarning || !group.escalationGroupId) return null;
    if (await ledger.hasEscalated(ticketId, group.id, 'sla_warning', 'functional')) return null;
    const { escalation } = await this.functional(
      { ticketId, reason, trigger: 'sla_warning', actorId: null, idempotencyKey: null },
      ledger,
    );
    return escalation;
  }

  /** An SLA breach: the supervisor of the ticket's group is told, once per group. */
  async onSlaBreach(
    command: SupervisorCommand,
    ledger: RoutingLedger,
  ): Promise<StoredEscalation | null> {
    if (!isUuid(command.ticketId)) return null;
    const ticket = await ledger.ticket(command.ticketId);
    if (!ticket?.groupId) return null;
    const group = (await this.configuration.current()).groups.get(ticket.groupId);
    if (!group?.supervisorId) return null;
    if (await ledger.hasEscalated(ticket.ticketId, group.id, 'sla_breach', 'hierarchical'))
      return null;
    const escalation: StoredEscalation = {
      id: this.ids.newId(),
      ticketId: ticket.ticketId,
      ticketNumber: ticket.number,
      kind: 'hierarchical',
      trigger: 'sla_breach',
      fromGroupId: group.id,
      toGroupId: null,
      assigneeId: ticket.assigneeId,
      supervisorId: group.supervisorId,
      reason: command.reason,
      actorId: null,
      decisionId: null,
      idempotencyKey: null,
      occurredAt: this.clock.now(),
    };
    await ledger.recordEscalation(escalation);
    return escalation;
  }
}
