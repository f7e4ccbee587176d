import { SLA_TARGETS, type SlaTarget, warningThresholdViolations } from './sla-clock';
import { type FieldViolation, SlaError, SlaErrorCode } from './sla-error';

/** What a policy is matched on, as the tickets service reports it. */
export interface TicketFacts {
  type: string;
  priority: string;
  serviceId: string | null;
  organizationId: string | null;
  category: string | null;
  channel: string | null;
}

/** Each list narrows the tickets a policy applies to; a list absent or empty matches any. */
export interface PolicyConditions {
  types?: readonly string[];
  priorities?: readonly string[];
  serviceIds?: readonly string[];
  organizationIds?: readonly string[];
  categories?: readonly string[];
  channels?: readonly string[];
}

export interface PolicyTarget {
  targetMs: number;
  calendarId: string;
}

/** The clocks of a policy pause while the ticket is in `status`, for any of `reasons`. */
export interface PauseRule {
  status: string;
  /** Pending reasons that pause; absent or empty pauses for any reason. */
  reasons?: readonly string[];
}

export interface SlaPolicy {
  id: string;
  name: string;
  /** Lower orders are tried first. */
  order: number;
  conditions: PolicyConditions;
  targets: Partial<Record<SlaTarget, PolicyTarget>>;
  /** Shares of each target to warn at, ascending, each between 0 and 1. */
  warningThresholds: readonly number[];
  pauseWhen: readonly PauseRule[];
}

const CONDITION_FACTS = {
  types: 'type',
  priorities: 'priority',
  serviceIds: 'serviceId',
  organizationIds: 'organizationId',
  categories: 'category',
  channels: 'channel',
} as const satisfies Record<keyof PolicyConditions, keyof TicketFacts>;

/** Checks a policy and reports every problem at once. */
export function validatePolicy(policy: SlaPolicy): SlaPolicy {
  const violations: FieldViolation[] = [];
  if (policy.id.trim().length === 0) violations.push({ field: 'id', message: 'id is required' });
  if (policy.name.trim().length === 0) {
    violations.push({ field: 'name', message: 'name must not be empty' });
  }
  if (!Number.isSafeInteger(policy.order)) {
    violations.push({
      field: 'order',
      message: `order must be a whole number, not ${policy.order}`,
    });
  }
  const targets = SLA_TARGETS.filter((target) => policy.targets[target] !== undefined);
  if (targets.length === 0) {
    violations.push({ field: 'targets', message: 'a policy needs at least one target' });
  }
  for (const target of targets) {
    const { targetMs, calendarId } = policy.targets[target] ?? { targetMs: 0, calendarId: '' };
    if (!Number.isSafeInteger(targetMs) || targetMs <= 0) {
      violations.push({
        field: `targets.${target}.targetMs`,
        message: `targetMs must be a positive whole number of ms, not ${targetMs}`,
      });
    }
    if (calendarId.trim().length === 0) {
      violations.push({ field: `targets.${target}.calendarId`, message: 'calendarId is required' });
    }
  }
  violations.push(...warningThresholdViolations(policy.warningThresholds, 'warningThresholds'));
  policy.pauseWhen.forEach((rule, index) => {
    if (rule.status.trim().length === 0) {
      violations.push({ field: `pauseWhen[${index}].status`, message: 'status is required' });
    }
  });
  if (violations.length > 0) {
    throw new SlaError(SlaErrorCode.ValidationFailed, 'the SLA policy is invalid', violations);
  }
  return policy;
}

function matches(conditions: PolicyConditions, facts: TicketFacts): boolean {
  return Object.entries(CONDITION_FACTS).every(([condition, fact]) => {
    const allowed = conditions[condition as keyof PolicyConditions];
    if (!allowed || allowed.length === 0) return true;
    const value = facts[fact];
    return value !== null && allowed.includes(value);
  });
}

/** The policy of a ticket: the first by order whose conditions all match; ties keep list order. */
export function selectPolicy(policies: readonly SlaPolicy[], facts: TicketFacts): SlaPolicy | null {
  const byOrder = [...policies].sort((a, b) => a.order - b.order);
  return byOrder.find((policy) => matches(policy.conditions, facts)) ?? null;
}

/** Whether the policy's clocks pause while a ticket is in this status with this pending reason. */
export function isPausing(
  policy: SlaPolicy,
  status: string,
  pendingReason: string | null,
): boolean {
  return policy.pauseWhen.some(
    (rule) =>
      rule.status === status &&
      (!rule.reasons ||
        rule.reasons.length === 0 ||
        (pendingReason !== null && rule.reasons.includes(pendingReason))),
  );
}
