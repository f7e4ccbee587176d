import {
  type Calendar as CalendarMessage,
  type CalendarDefinition as CalendarDefinitionMessage,
  CalendarKind,
  fromRestSpelling,
  type PauseRule as PauseRuleMessage,
  PendingReason,
  Priority,
  type PolicyConditions as PolicyConditionsMessage,
  type PolicyDraft as PolicyDraftMessage,
  PolicyKind as PolicyKindMessage,
  type PolicyTarget as PolicyTargetMessage,
  type SlaPolicy as SlaPolicyMessage,
  SlaTarget as SlaTargetMessage,
  TicketStatus,
  TicketType,
  Channel,
  toTimestamp,
  Weekday,
  type WorkingHours as WorkingHoursMessage,
} from '@itsm/contracts';
import type { IsoWeekday } from '@itsm/zoned-time';
import type { PolicyDraft } from '../application/manage-policies/manage-policies.commands';
import type { StoredCalendar, StoredPolicy } from '../application/ports/definition-store';
import type { CalendarRules, WorkingHours } from '../domain/business-calendar';
import { SLA_TARGETS, type SlaTarget } from '../domain/sla-clock';
import { type FieldViolation, SlaError, SlaErrorCode } from '../domain/sla-error';
import type { PauseRule, PolicyConditions, PolicyKind, PolicyTarget } from '../domain/sla-policy';
import { spellingOf } from './ticket-message.mapper';

/** Collects every problem of a request, so the caller hears of all of them at once. */
class Violations {
  readonly list: FieldViolation[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  throwIfAny(what: string): void {
    if (this.list.length > 0) this.refuse(what);
  }

  refuse(what: string): never {
    throw new SlaError(SlaErrorCode.ValidationFailed, `the ${what} is invalid`, this.list);
  }
}

const ISO_WEEKDAY: Readonly<Record<string, IsoWeekday>> = {
  [Weekday.WEEKDAY_MONDAY]: 1,
  [Weekday.WEEKDAY_TUESDAY]: 2,
  [Weekday.WEEKDAY_WEDNESDAY]: 3,
  [Weekday.WEEKDAY_THURSDAY]: 4,
  [Weekday.WEEKDAY_FRIDAY]: 5,
  [Weekday.WEEKDAY_SATURDAY]: 6,
  [Weekday.WEEKDAY_SUNDAY]: 7,
};

const WEEKDAY_OF: Readonly<Record<IsoWeekday, Weekday>> = {
  1: Weekday.WEEKDAY_MONDAY,
  2: Weekday.WEEKDAY_TUESDAY,
  3: Weekday.WEEKDAY_WEDNESDAY,
  4: Weekday.WEEKDAY_THURSDAY,
  5: Weekday.WEEKDAY_FRIDAY,
  6: Weekday.WEEKDAY_SATURDAY,
  7: Weekday.WEEKDAY_SUNDAY,
};

export const TARGET_OF_MESSAGE: Readonly<Record<string, SlaTarget>> = {
  [SlaTargetMessage.SLA_TARGET_FIRST_RESPONSE]: 'first_response',
  [SlaTargetMessage.SLA_TARGET_RESOLUTION]: 'resolution',
  [SlaTargetMessage.SLA_TARGET_OLA]: 'ola',
};

export const TARGET_MESSAGES: Readonly<Record<SlaTarget, SlaTargetMessage>> = {
  first_response: SlaTargetMessage.SLA_TARGET_FIRST_RESPONSE,
  resolution: SlaTargetMessage.SLA_TARGET_RESOLUTION,
  ola: SlaTargetMessage.SLA_TARGET_OLA,
};

const hoursOf = (hours: readonly WorkingHoursMessage[]): WorkingHours[] =>
  hours.map(({ startTime, endTime }) => ({ from: startTime, to: endTime }));

const hoursMessages = (hours: readonly WorkingHours[]): WorkingHoursMessage[] =>
  hours.map(({ from, to }) => ({ startTime: from, endTime: to }));

/** The rules of a calendar as the domain reads them; the domain then checks the values. */
export function toCalendarRules(message: CalendarDefinitionMessage | undefined): CalendarRules {
  const violations = new Violations();
  if (!message) {
    violations.add('definition', 'definition is required');
    return violations.refuse('calendar');
  }
  switch (message.kind) {
    case CalendarKind.CALENDAR_KIND_ALWAYS_ON: {
      const named = Object.keys(message.holidayNames).length;
      if (message.week.length + message.holidays.length + message.workingDays.length + named > 0) {
        violations.add('definition.week', 'a 24x7 calendar has no working hours or holidays');
      }
      violations.throwIfAny('calendar');
      return { kind: '24x7', timeZone: message.timeZone };
    }
    case CalendarKind.CALENDAR_KIND_WORKING_HOURS: {
      const week: Partial<Record<IsoWeekday, readonly WorkingHours[]>> = {};
      message.week.forEach(({ weekday, hours }, index) => {
        const isoWeekday = ISO_WEEKDAY[weekday];
        if (!isoWeekday) {
          violations.add(`definition.week[${index}].weekday`, `${weekday} is not a weekday`);
        } else if (week[isoWeekday]) {
          violations.add(`definition.week[${index}].weekday`, `${weekday} is listed twice`);
        } else {
          week[isoWeekday] = hoursOf(hours);
        }
      });
      violations.throwIfAny('calendar');
      const holidayNames = { ...message.holidayNames };
      return {
        kind: 'working_hours',
        timeZone: message.timeZone,
        week,
        holidays: [...message.holidays],
        ...(Object.keys(holidayNames).length > 0 ? { holidayNames } : {}),
        workingDays: message.workingDays.map(({ date, hours }) => ({
          date,
          hours: hoursOf(hours),
        })),
      };
    }
    case CalendarKind.CALENDAR_KIND_UNSPECIFIED:
    case CalendarKind.UNRECOGNIZED:
      violations.add('definition.kind', 'kind must be ALWAYS_ON or WORKING_HOURS');
      return violations.refuse('calendar');
  }
}

export function toCalendarMessage({
  name,
  definition,
  version,
  createdAt,
  updatedAt,
}: StoredCalendar): CalendarMessage {
  const base = { id: definition.id, name, version };
  const times = { createdAt: toTimestamp(createdAt), updatedAt: toTimestamp(updatedAt) };
  if (definition.kind === '24x7') {
    return {
      ...base,
      definition: {
        kind: CalendarKind.CALENDAR_KIND_ALWAYS_ON,
        timeZone: definition.timeZone,
        week: [],
        holidays: [],
        workingDays: [],
        holidayNames: {},
      },
      ...times,
    };
  }
  const weekdays = (Object.keys(WEEKDAY_OF).map(Number) as IsoWeekday[]).filter(
    (weekday) => (definition.week[weekday] ?? []).length > 0,
  );
  return {
    ...base,
    definition: {
      kind: CalendarKind.CALENDAR_KIND_WORKING_HOURS,
      timeZone: definition.timeZone,
      week: weekdays.map((weekday) => ({
        weekday: WEEKDAY_OF[weekday],
        hours: hoursMessages(definition.week[weekday] ?? []),
      })),
      holidays: [...definition.holidays],
      workingDays: definition.workingDays.map(({ date, hours }) => ({
        date,
        hours: hoursMessages(hours),
      })),
      holidayNames: { ...definition.holidayNames },
    },
    ...times,
  };
}

/** The tickets-domain spelling of a contract enum value, refusing an unset or unknown one. */
function spellingIn(
  prefix: string,
  value: string,
  field: string,
  violations: Violations,
): string | null {
  const spelling = spellingOf(prefix, value);
  if (spelling === null || value === 'UNRECOGNIZED') {
    violations.add(field, `${value} is not a value of ${prefix}*`);
    return null;
  }
  return spelling;
}

function spellingsOf(
  prefix: string,
  values: readonly string[],
  field: string,
  violations: Violations,
): string[] {
  return values
    .map((value, index) => spellingIn(prefix, value, `${field}[${index}]`, violations))
    .filter((spelling): spelling is string => spelling !== null);
}

function conditionsOf(
  message: PolicyConditionsMessage | undefined,
  violations: Violations,
): PolicyConditions {
  if (!message) return {};
  const conditions: PolicyConditions = {
    types: spellingsOf('TICKET_TYPE_', message.types, 'conditions.types', violations),
    priorities: spellingsOf('PRIORITY_', message.priorities, 'conditions.priorities', violations),
    serviceIds: [...message.serviceIds],
    organizationIds: [...message.organizationIds],
    categoryIds: [...message.categoryIds],
    channels: spellingsOf('CHANNEL_', message.channels, 'conditions.channels', violations),
  };
  // Stored without the lists that match any ticket.
  return Object.fromEntries(
    Object.entries(conditions).filter(([, values]) => values.length > 0),
  ) as PolicyConditions;
}

function targetsOf(
  messages: readonly PolicyTargetMessage[],
  violations: Violations,
): Partial<Record<SlaTarget, PolicyTarget>> {
  const targets: Partial<Record<SlaTarget, PolicyTarget>> = {};
  messages.forEach(({ target, targetMs, calendarId }, index) => {
    const name = TARGET_OF_MESSAGE[target];
    if (!name) violations.add(`targets[${index}].target`, `${target} is not a target`);
    else if (targets[name]) violations.add(`targets[${index}].target`, `${name} is listed twice`);
    else targets[name] = { targetMs, calendarId };
  });
  return targets;
}

function pauseRulesOf(messages: readonly PauseRuleMessage[], violations: Violations): PauseRule[] {
  return messages.map(({ status, reasons }, index) => {
    const spelling = spellingIn(
      'TICKET_STATUS_',
      status,
      `pauseRules[${index}].status`,
      violations,
    );
    const rule: PauseRule = { status: spelling ?? '' };
    const pendingReasons = spellingsOf(
      'PENDING_REASON_',
      reasons,
      `pauseRules[${index}].reasons`,
      violations,
    );
    return pendingReasons.length > 0 ? { ...rule, reasons: pendingReasons } : rule;
  });
}

const KINDS: Readonly<Record<string, PolicyKind>> = {
  // A policy is customer-facing unless it says otherwise.
  [PolicyKindMessage.POLICY_KIND_UNSPECIFIED]: 'sla',
  [PolicyKindMessage.POLICY_KIND_SLA]: 'sla',
  [PolicyKindMessage.POLICY_KIND_OLA]: 'ola',
};

/** A policy as written over gRPC, in the domain's spelling; the domain then checks its values. */
export function toPolicyDraft(message: PolicyDraftMessage | undefined): PolicyDraft {
  const violations = new Violations();
  if (!message) {
    violations.add('policy', 'policy is required');
    return violations.refuse('SLA policy');
  }
  const kind = KINDS[message.kind];
  if (!kind) violations.add('kind', `${message.kind} is not a policy kind`);
  const draft: PolicyDraft = {
    name: message.name,
    kind: kind ?? 'sla',
    order: message.order === 0 ? null : message.order,
    conditions: conditionsOf(message.conditions, violations),
    targets: targetsOf(message.targets, violations),
    warningThresholds: [...message.warningThresholds],
    pauseWhen: pauseRulesOf(message.pauseRules, violations),
    active: !message.inactive,
  };
  violations.throwIfAny('SLA policy');
  return draft;
}

const enumValues = <V extends string>(
  prefix: string,
  spellings: readonly string[] | undefined,
  unspecified: V,
): V[] => (spellings ?? []).map((spelling) => fromRestSpelling(prefix, spelling, unspecified));

export function toPolicyMessage({
  policy,
  kind,
  active,
  version,
  createdAt,
  updatedAt,
}: StoredPolicy): SlaPolicyMessage {
  const { conditions } = policy;
  return {
    id: policy.id,
    name: policy.name,
    kind: kind === 'ola' ? PolicyKindMessage.POLICY_KIND_OLA : PolicyKindMessage.POLICY_KIND_SLA,
    order: policy.order,
    conditions: {
      types: enumValues('TICKET_TYPE_', conditions.types, TicketType.TICKET_TYPE_UNSPECIFIED),
      priorities: enumValues('PRIORITY_', conditions.priorities, Priority.PRIORITY_UNSPECIFIED),
      serviceIds: [...(conditions.serviceIds ?? [])],
      organizationIds: [...(conditions.organizationIds ?? [])],
      categoryIds: [...(conditions.categoryIds ?? [])],
      channels: enumValues('CHANNEL_', conditions.channels, Channel.CHANNEL_UNSPECIFIED),
    },
    targets: SLA_TARGETS.flatMap((target) => {
      const value = policy.targets[target];
      return value
        ? [
            {
              target: TARGET_MESSAGES[target],
              targetMs: value.targetMs,
              calendarId: value.calendarId,
            },
          ]
        : [];
    }),
    warningThresholds: [...policy.warningThresholds],
    pauseRules: policy.pauseWhen.map((rule) => ({
      status: fromRestSpelling(
        'TICKET_STATUS_',
        rule.status,
        TicketStatus.TICKET_STATUS_UNSPECIFIED,
      ),
      reasons: enumValues(
        'PENDING_REASON_',
        rule.reasons,
        PendingReason.PENDING_REASON_UNSPECIFIED,
      ),
    })),
    active,
    version,
    createdAt: toTimestamp(createdAt),
    updatedAt: toTimestamp(updatedAt),
  };
}
