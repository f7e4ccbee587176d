import {
  AssignmentStrategy,
  Availability,
  DecisionTrigger,
  EscalationKind,
  EscalationTrigger,
  restSpellings,
  StepKind,
} from '@itsm/contracts';

/** REST spellings of the routing contract enums: `ASSIGNMENT_STRATEGY_ROUND_ROBIN` ⇄ `round_robin`. */
export const ASSIGNMENT_STRATEGIES = restSpellings(AssignmentStrategy, 'ASSIGNMENT_STRATEGY_');
export const AVAILABILITIES = restSpellings(Availability, 'AVAILABILITY_');
export const STEP_KINDS = restSpellings(StepKind, 'STEP_KIND_');
export const DECISION_TRIGGERS = restSpellings(DecisionTrigger, 'DECISION_TRIGGER_');
export const ESCALATION_KINDS = restSpellings(EscalationKind, 'ESCALATION_KIND_');
export const ESCALATION_TRIGGERS = restSpellings(EscalationTrigger, 'ESCALATION_TRIGGER_');

// The contract spells these as strings; the lists are the values its comments name.

/** The ticket field a rule condition looks at. */
export const RULE_FIELDS = [
  'type',
  'category',
  'service',
  'organization',
  'priority',
  'channel',
  'keywords',
  'custom_field',
] as const;
/** `contains_any` is for keywords; `is_empty` and `is_not_empty` take no values. */
export const RULE_OPERATORS = ['in', 'not_in', 'contains_any', 'is_empty', 'is_not_empty'] as const;
/** Why an agent could not take a ticket. */
export const CANDIDATE_EXCLUSIONS = [
  'not_in_group',
  'unavailable',
  'off_shift',
  'at_capacity',
  'missing_skills',
] as const;
/** What put a ticket in a group. */
export const GROUP_SOURCES = ['rule', 'classifier', 'escalation', 'current', 'default'] as const;

export type AssignmentStrategyName = (typeof ASSIGNMENT_STRATEGIES)[number];
export type AvailabilityName = (typeof AVAILABILITIES)[number];
export type StepKindName = (typeof STEP_KINDS)[number];
export type DecisionTriggerName = (typeof DECISION_TRIGGERS)[number];
export type EscalationKindName = (typeof ESCALATION_KINDS)[number];
export type EscalationTriggerName = (typeof ESCALATION_TRIGGERS)[number];
export type RuleFieldName = (typeof RULE_FIELDS)[number];
export type RuleOperatorName = (typeof RULE_OPERATORS)[number];
export type CandidateExclusionName = (typeof CANDIDATE_EXCLUSIONS)[number];
export type GroupSourceName = (typeof GROUP_SOURCES)[number];
