import { SLA_TARGETS, type SlaTarget, warningThresholdViolations } from './sla-clock';
import { nameViolations } from './definition-name';
import { type FieldViolation, SlaError, SlaErrorCode } from './sla-error';

/** What a policy is matched on, as the tickets service reports it. */
export interface TicketFacts {
  type: string;
  priority: string;
  serviceId: string | null;
  organizationId: string | null;
  categoryId: string | null;
  channel: string | null;
}

/** Each list narrows the tickets a policy applies to; a list absent or empty matches any. */
export interface PolicyConditions {
  types?: readonly string[];
  priorities?: readonly string[];
  serviceIds?: readonly string[];
  organizationIds?: readonly string[];
  categoryIds?: readonly string[];
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

/** An SLA is customer-facing (first response, resolution); an OLA is per support group. */
export const POLICY_KINDS = ['sla', 'ola'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** The targets each kind of policy may set. */
export const TARGETS_OF_KIND: Readonly<Record<PolicyKind, readonly SlaTarget[]>> = {
  sla: ['first_response', 'resolution'],
  ola: ['ola'],
};

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
  categoryIds: 'categoryId',
  channels: 'channel',
} as const satisfies Record<keyof PolicyConditions, keyof TicketFacts>;

/**
 * Checks a policy and reports every problem at once. With its kind, also that it sets only
 * targets of that kind (stored policies are checked without, as they were accepted).
 */
export function validatePolicy(policy: SlaPolicy, kind?: PolicyKind): SlaPolicy {
  const violations: FieldViolation[] = [];
  if (policy.id.trim().length === 0) violations.push({ field: 'id', message: 'id is required' });
  violations.push(...nameViolations(policy.name));
  if (!Number.isSafeInteger(policy.order) || policy.order < 1) {
    violations.push({
      field: 'order',
      message: `order must be a whole number from 1, not ${policy.order}`,
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
  if (kind) {
    for (const target of targets.filter((target) => !TARGETS_OF_KIND[kind].includes(target))) {
      violations.push({
        field: `targets.${target}`,
        message: `an ${kind.toUpperCase()} policy sets ${TARGETS_OF_KIND[kind].join(' and ')} targets, not ${target}`,
      });
    }
  }
  Object.entries(policy.conditions).forEach(([condition, values]) => {
    (values as readonly string[] | undefined)?.forEach((value, index) => {
      if (value.trim().length === 0) {
        violations.push({
          field: `conditions.${condition}[${index}]`,
          message: 'a condition value must not be empty',
        });
      }
    });
  });
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
