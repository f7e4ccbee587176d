import {
  DecisionTrigger,
  type Escalation,
  EscalationKind as EscalationKindMessage,
  EscalationTrigger as EscalationTriggerMessage,
  fromTimestamp,
  type RoutingDecision,
} from '@itsm/contracts';
import { assertUnreachable } from '@itsm/lang';
import type { ApplyRoutingDecisionCommand } from '../application/apply-routing-decision/apply-routing-decision.command';
import type { RecordEscalationCommand } from '../application/record-escalation/record-escalation.command';
import type { EscalationKind, EscalationTrigger } from '../domain/ticket-escalation';
import type { RoutingTrigger } from '../domain/ticket-routing';

// The event types' own validation refuses unspecified enums, so reaching one here is a bug.
function unexpected(what: string, value: string): never {
  throw new Error(`unexpected ${what} ${value} in a validated routing event`);
}

export function routingTriggerOf(trigger: DecisionTrigger): RoutingTrigger {
  switch (trigger) {
    case DecisionTrigger.DECISION_TRIGGER_CREATED:
      return 'created';
    case DecisionTrigger.DECISION_TRIGGER_QUEUE:
      return 'queue';
    case DecisionTrigger.DECISION_TRIGGER_ESCALATION:
      return 'escalation';
    case DecisionTrigger.DECISION_TRIGGER_UNSPECIFIED:
    case DecisionTrigger.UNRECOGNIZED:
      return unexpected('decision trigger', trigger);
    default:
      return assertUnreachable(trigger, 'routing value');
  }
}

export function escalationKindOf(kind: EscalationKindMessage): EscalationKind {
  switch (kind) {
    case EscalationKindMessage.ESCALATION_KIND_FUNCTIONAL:
      return 'functional';
    case EscalationKindMessage.ESCALATION_KIND_HIERARCHICAL:
      return 'hierarchical';
    case EscalationKindMessage.ESCALATION_KIND_UNSPECIFIED:
    case EscalationKindMessage.UNRECOGNIZED:
      return unexpected('escalation kind', kind);
    default:
      return assertUnreachable(kind, 'routing value');
  }
}

export function escalationTriggerOf(trigger: EscalationTriggerMessage): EscalationTrigger {
  switch (trigger) {
    case EscalationTriggerMessage.ESCALATION_TRIGGER_AGENT:
      return 'agent';
    case EscalationTriggerMessage.ESCALATION_TRIGGER_SLA_WARNING:
      return 'sla_warning';
    case EscalationTriggerMessage.ESCALATION_TRIGGER_SLA_BREACH:
      return 'sla_breach';
    case EscalationTriggerMessage.ESCALATION_TRIGGER_UNSPECIFIED:
    case EscalationTriggerMessage.UNRECOGNIZED:
      return unexpected('escalation trigger', trigger);
    default:
      return assertUnreachable(trigger, 'routing value');
  }
}

/** proto3 leaves absent strings empty; the commands say undefined. */
const given = (value: string): string | undefined => value.trim() || undefined;

export function toApplyRoutingDecisionCommand(
  decision: RoutingDecision,
): ApplyRoutingDecisionCommand {
  return {
    decisionId: decision.id,
    ticketId: decision.ticketId,
    trigger: routingTriggerOf(decision.trigger),
    groupId: decision.groupId,
    assigneeId: given(decision.assigneeId),
    priority: given(decision.priority),
    categoryId: given(decision.categoryId),
    addTags: decision.addTags,
  };
}

export function toRecordEscalationCommand(
  escalation: Escalation,
  receivedAt: Date,
): RecordEscalationCommand {
  return {
    escalationId: escalation.id,
    ticketId: escalation.ticketId,
    kind: escalationKindOf(escalation.kind),
    trigger: escalationTriggerOf(escalation.trigger),
    fromGroupId: given(escalation.fromGroupId),
    toGroupId: given(escalation.toGroupId),
    supervisorId: given(escalation.supervisorId),
    reason: escalation.reason.trim(),
    actorId: given(escalation.actorId),
    occurredAt: escalation.occurredAt ? fromTimestamp(escalation.occurredAt) : receivedAt,
  };
}
