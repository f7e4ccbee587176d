import type { FieldChanges } from './ticket-lifecycle';

/** Functional: to the next line of support. Hierarchical: the group's supervisor is told. */
export const ESCALATION_KINDS = ['functional', 'hierarchical'] as const;
export type EscalationKind = (typeof ESCALATION_KINDS)[number];

export const ESCALATION_TRIGGERS = ['agent', 'sla_warning', 'sla_breach'] as const;
export type EscalationTrigger = (typeof ESCALATION_TRIGGERS)[number];

/** An escalation as the ticket's history keeps it. */
export interface TicketEscalation {
  /** The routing service's id of the escalation. */
  escalationId: string;
  kind: EscalationKind;
  trigger: EscalationTrigger;
  fromGroupId: string | undefined;
  toGroupId: string | undefined;
  supervisorId: string | undefined;
  reason: string;
}

/**
 * The escalation in the history's one shape, a list of field changes: each fact is a field
 * that had no value before, so every client that shows history shows it without a new message
 * type. Facts the escalation does not have (no next group for a hierarchical one) are left out.
 * The move itself is a separate `assign` entry, from the routed decision that follows.
 */
export function escalationChanges(escalation: TicketEscalation): FieldChanges {
  const facts: [string, string | undefined][] = [
    ['escalationId', escalation.escalationId],
    ['kind', escalation.kind],
    ['trigger', escalation.trigger],
    ['fromGroupId', escalation.fromGroupId],
    ['toGroupId', escalation.toGroupId],
    ['supervisorId', escalation.supervisorId],
    ['reason', escalation.reason],
  ];
  const changes: FieldChanges = {};
  for (const [field, value] of facts) {
    if (value) changes[field] = { from: null, to: value };
  }
  return changes;
}
