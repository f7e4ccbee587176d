import {
  CalendarKind,
  ClockCondition,
  ClockState,
  ComplianceGrouping,
  PolicyKind,
  restSpellings,
  SlaTarget,
  Weekday,
} from '@itsm/contracts';

/** REST spellings of the SLA contract enums, derived from them: `SLA_TARGET_FIRST_RESPONSE` ⇄ `first_response`. */
export const SLA_TARGETS = restSpellings(SlaTarget, 'SLA_TARGET_');
export const CLOCK_STATES = restSpellings(ClockState, 'CLOCK_STATE_');
export const CLOCK_CONDITIONS = restSpellings(ClockCondition, 'CLOCK_CONDITION_');
export const CALENDAR_KINDS = restSpellings(CalendarKind, 'CALENDAR_KIND_');
export const POLICY_KINDS = restSpellings(PolicyKind, 'POLICY_KIND_');
export const COMPLIANCE_GROUPINGS = restSpellings(ComplianceGrouping, 'COMPLIANCE_GROUPING_');
/** Monday first, as ISO 8601 counts them. */
export const WEEKDAYS = restSpellings(Weekday, 'WEEKDAY_');

export type SlaTargetName = (typeof SLA_TARGETS)[number];
export type ClockStateName = (typeof CLOCK_STATES)[number];
export type ClockConditionName = (typeof CLOCK_CONDITIONS)[number];
export type CalendarKindName = (typeof CALENDAR_KINDS)[number];
export type PolicyKindName = (typeof POLICY_KINDS)[number];
export type ComplianceGroupingName = (typeof COMPLIANCE_GROUPINGS)[number];
export type WeekdayName = (typeof WEEKDAYS)[number];
