import {
  type Calendar,
  type CalendarDefinition,
  CalendarKind,
  Channel,
  ClockCondition,
  ComplianceGrouping,
  type ComplianceReportRequest,
  type ComplianceReportResponse,
  type ComplianceRow,
  fromRestSpelling,
  fromTimestamp,
  type GetTicketSlaResponse,
  type ListClocksRequest,
  type ListClocksResponse,
  PendingReason,
  type PolicyDraft,
  PolicyKind,
  Priority,
  SlaTarget,
  type SlaPolicy,
  type TargetClock,
  TicketStatus,
  TicketType,
  type Timestamp,
  toRestSpelling,
  toTimestamp,
  Weekday,
  type WorkingHours,
} from '@itsm/contracts';
import {
  CHANNELS,
  PENDING_REASONS,
  PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
} from '../tickets/dto/ticket-enums';
import type { CalendarDto, WorkingHoursDto, WriteCalendarDto } from './dto/calendar.dto';
import type {
  ComplianceReportDto,
  ComplianceReportQueryDto,
  ComplianceRowDto,
} from './dto/compliance-report.dto';
import type { PolicyDto, WritePolicyDto } from './dto/policy.dto';
import type { SlaClockListDto, SlaClockListQueryDto } from './dto/sla-clock-list.dto';
import {
  CALENDAR_KINDS,
  CLOCK_STATES,
  COMPLIANCE_GROUPINGS,
  POLICY_KINDS,
  SLA_TARGETS,
  WEEKDAYS,
  type WeekdayName,
} from './dto/sla-enums';
import type { BusinessDurationDto, TicketClockDto, TicketSlaDto } from './dto/ticket-sla.dto';
import { toLocalIso } from './zoned-instant';

function requiredInstant(timestamp: Timestamp | undefined, what: string): string {
  if (!timestamp) throw new Error(`the SLA service answered without ${what}`);
  return fromTimestamp(timestamp).toISOString();
}

const optionalInstant = (timestamp: Timestamp | undefined): string | null =>
  timestamp ? fromTimestamp(timestamp).toISOString() : null;

const hoursDto = (hours: readonly WorkingHours[]): WorkingHoursDto[] =>
  hours.map(({ startTime, endTime }) => ({ from: startTime, to: endTime }));

const hoursMessage = (hours: readonly WorkingHoursDto[] = []): WorkingHours[] =>
  hours.map(({ from, to }) => ({ startTime: from, endTime: to }));

export function toCalendarDto(calendar: Calendar): CalendarDto {
  const definition = calendar.definition;
  if (!definition) throw new Error(`the SLA service answered calendar ${calendar.id} bare`);
  const week = Object.fromEntries(WEEKDAYS.map((day) => [day, [] as WorkingHoursDto[]])) as Record<
    WeekdayName,
    WorkingHoursDto[]
  >;
  for (const { weekday, hours } of definition.week) {
    week[toRestSpelling('WEEKDAY_', weekday, WEEKDAYS)] = hoursDto(hours);
  }
  return {
    id: calendar.id,
    name: calendar.name,
    kind: toRestSpelling('CALENDAR_KIND_', definition.kind, CALENDAR_KINDS),
    timeZone: definition.timeZone,
    workingHours: week,
    holidays: [...definition.holidays],
    holidayNames: { ...definition.holidayNames },
    workingDays: definition.workingDays.map(({ date, hours }) => ({
      date,
      hours: hoursDto(hours),
    })),
    version: calendar.version,
    createdAt: requiredInstant(calendar.createdAt, 'a creation time'),
    updatedAt: requiredInstant(calendar.updatedAt, 'an update time'),
  };
}

export function toCalendarDefinition(dto: WriteCalendarDto): CalendarDefinition {
  const week = dto.workingHours ?? {};
  return {
    kind: fromRestSpelling('CALENDAR_KIND_', dto.kind, CalendarKind.CALENDAR_KIND_UNSPECIFIED),
    timeZone: dto.timeZone,
    week: WEEKDAYS.filter((day) => week[day] !== undefined).map((day) => ({
      weekday: fromRestSpelling('WEEKDAY_', day, Weekday.WEEKDAY_UNSPECIFIED),
      hours: hoursMessage(week[day]),
    })),
    holidays: dto.holidays ?? [],
    workingDays: (dto.workingDays ?? []).map(({ date, hours }) => ({
      date,
      hours: hoursMessage(hours),
    })),
    holidayNames: { ...dto.holidayNames },
  };
}

/** The REST name of a field the SLA service named in a calendar violation. */
export function calendarFieldName(field: string): string {
  const bare = field.replace(/^definition\./, '');
  const weekday = /^week\.(\d)(.*)$/.exec(bare);
  if (weekday) {
    const day = WEEKDAYS[Number(weekday[1]) - 1];
    return day ? `workingHours.${day}${weekday[2] ?? ''}` : bare;
  }
  return bare === 'week' ? 'workingHours' : bare;
}

/** The REST name of a field the SLA service named in a policy violation. */
export function policyFieldName(dto: WritePolicyDto): (field: string) => string {
  return (field) => {
    const target = /^targets\.(\w+)(.*)$/.exec(field);
    if (target) {
      const index = dto.targets.findIndex(({ target: name }) => name === target[1]);
      return index >= 0 ? `targets[${index}]${target[2] ?? ''}` : 'targets';
    }
    return field.replace(/^pauseWhen/, 'pauseRules');
  };
}

export function toPolicyDto(policy: SlaPolicy): PolicyDto {
  const conditions = policy.conditions;
  return {
    id: policy.id,
    name: policy.name,
    kind: toRestSpelling('POLICY_KIND_', policy.kind, POLICY_KINDS),
    order: policy.order,
    conditions: {
      types: (conditions?.types ?? []).map((type) =>
        toRestSpelling('TICKET_TYPE_', type, TICKET_TYPES),
      ),
      priorities: (conditions?.priorities ?? []).map((priority) =>
        toRestSpelling('PRIORITY_', priority, PRIORITIES),
      ),
      serviceIds: [...(conditions?.serviceIds ?? [])],
      organizationIds: [...(conditions?.organizationIds ?? [])],
      categoryIds: [...(conditions?.categoryIds ?? [])],
      channels: (conditions?.channels ?? []).map((channel) =>
        toRestSpelling('CHANNEL_', channel, CHANNELS),
      ),
    },
    targets: policy.targets.map(({ target, targetMs, calendarId }) => ({
      target: toRestSpelling('SLA_TARGET_', target, SLA_TARGETS),
      targetMs,
      calendarId,
    })),
    warningThresholds: [...policy.warningThresholds],
    pauseRules: policy.pauseRules.map(({ status, reasons }) => ({
      status: toRestSpelling('TICKET_STATUS_', status, TICKET_STATUSES),
      reasons: reasons.map((reason) => toRestSpelling('PENDING_REASON_', reason, PENDING_REASONS)),
    })),
    active: policy.active,
    version: policy.version,
    createdAt: requiredInstant(policy.createdAt, 'a creation time'),
    updatedAt: requiredInstant(policy.updatedAt, 'an update time'),
  };
}

export function toPolicyDraft(dto: WritePolicyDto): PolicyDraft {
  const conditions = dto.conditions ?? {};
  return {
    name: dto.name,
    kind: fromRestSpelling('POLICY_KIND_', dto.kind, PolicyKind.POLICY_KIND_SLA),
    order: dto.order ?? 0,
    conditions: {
      types: (conditions.types ?? []).map((type) =>
        fromRestSpelling('TICKET_TYPE_', type, TicketType.TICKET_TYPE_UNSPECIFIED),
      ),
      priorities: (conditions.priorities ?? []).map((priority) =>
        fromRestSpelling('PRIORITY_', priority, Priority.PRIORITY_UNSPECIFIED),
      ),
      serviceIds: conditions.serviceIds ?? [],
      organizationIds: conditions.organizationIds ?? [],
      categoryIds: conditions.categoryIds ?? [],
      channels: (conditions.channels ?? []).map((channel) =>
        fromRestSpelling('CHANNEL_', channel, Channel.CHANNEL_UNSPECIFIED),
      ),
    },
    targets: dto.targets.map(({ target, targetMs, calendarId }) => ({
      target: fromRestSpelling('SLA_TARGET_', target, SlaTarget.SLA_TARGET_UNSPECIFIED),
      targetMs,
      calendarId,
    })),
    warningThresholds: dto.warningThresholds ?? [],
    pauseRules: (dto.pauseRules ?? []).map(({ status, reasons }) => ({
      status: fromRestSpelling('TICKET_STATUS_', status, TicketStatus.TICKET_STATUS_UNSPECIFIED),
      reasons: (reasons ?? []).map((reason) =>
        fromRestSpelling('PENDING_REASON_', reason, PendingReason.PENDING_REASON_UNSPECIFIED),
      ),
    })),
    inactive: dto.active === false,
  };
}

const HOUR_MS = 3_600_000;

/** Business time in parts to put in words; the sign goes to `overdue`. */
export function businessDurationOf(ms: number): BusinessDurationDto {
  const whole = Math.floor(Math.abs(ms) / 1000);
  return {
    overdue: ms < 0,
    hours: Math.floor((whole * 1000) / HOUR_MS),
    minutes: Math.floor(whole / 60) % 60,
    seconds: whole % 60,
  };
}

function toClockDto(clock: TargetClock): TicketClockDto {
  const dueAt = clock.dueAt ? fromTimestamp(clock.dueAt) : null;
  return {
    target: toRestSpelling('SLA_TARGET_', clock.target, SLA_TARGETS),
    state: toRestSpelling('CLOCK_STATE_', clock.state, CLOCK_STATES),
    dueAt: dueAt?.toISOString() ?? null,
    dueAtLocal: dueAt ? toLocalIso(dueAt, clock.timeZone) : null,
    timeZone: clock.timeZone,
    targetMs: clock.targetMs,
    elapsedMs: clock.elapsedMs,
    remainingMs: clock.remainingMs,
    remaining: businessDurationOf(clock.remainingMs),
    policyId: clock.policyId,
    policyName: clock.policyName || null,
    calendarId: clock.calendarId,
    warnings: clock.warnings.map(({ threshold, dueAt: warnAt, firedAt }) => ({
      threshold,
      dueAt: optionalInstant(warnAt),
      firedAt: optionalInstant(firedAt),
    })),
    startedAt: requiredInstant(clock.startedAt, 'a clock start'),
    breachedAt: optionalInstant(clock.breachedAt),
    stoppedAt: optionalInstant(clock.stoppedAt),
  };
}

export function toTicketSlaDto(answer: GetTicketSlaResponse, ticketNumber: string): TicketSlaDto {
  return {
    ticketId: answer.ticketId,
    ticketNumber,
    asOf: requiredInstant(answer.asOf, 'the instant it counted at'),
    clocks: answer.clocks.map(toClockDto),
  };
}

export function toComplianceReportRequest(
  query: ComplianceReportQueryDto,
): ComplianceReportRequest {
  return {
    groupBy: fromRestSpelling(
      'COMPLIANCE_GROUPING_',
      query.groupBy,
      ComplianceGrouping.COMPLIANCE_GROUPING_UNSPECIFIED,
    ),
    periodStart: toTimestamp(new Date(query.from)),
    periodEnd: toTimestamp(new Date(query.to)),
    target: fromRestSpelling('SLA_TARGET_', query.target, SlaTarget.SLA_TARGET_UNSPECIFIED),
  };
}

function toRowDto(row: ComplianceRow | undefined): ComplianceRowDto {
  if (!row) throw new Error('the SLA service answered a report without its total');
  return {
    key: row.key || null,
    label: row.label || null,
    met: row.met,
    breached: row.breached,
    compliancePercent: row.met + row.breached === 0 ? null : row.compliancePercent,
  };
}

export function toComplianceReportDto(
  answer: ComplianceReportResponse,
  query: ComplianceReportQueryDto,
): ComplianceReportDto {
  return {
    groupBy: toRestSpelling('COMPLIANCE_GROUPING_', answer.groupBy, COMPLIANCE_GROUPINGS),
    from: requiredInstant(answer.periodStart, 'the period'),
    to: requiredInstant(answer.periodEnd, 'the period'),
    target: query.target ?? null,
    rows: answer.rows.map(toRowDto),
    total: toRowDto(answer.total),
  };
}

export function toListClocksRequest(query: SlaClockListQueryDto): ListClocksRequest {
  return {
    condition: fromRestSpelling(
      'CLOCK_CONDITION_',
      query.condition,
      ClockCondition.CLOCK_CONDITION_UNSPECIFIED,
    ),
    breachedSince: query.since ? toTimestamp(new Date(query.since)) : undefined,
    breachedUntil: query.until ? toTimestamp(new Date(query.until)) : undefined,
    timeZone: query.timeZone ?? '',
    groupId: query.groupId ?? '',
    pageSize: query.pageSize ?? 0,
    pageToken: query.pageToken ?? '',
  };
}

export function toSlaClockListDto(
  answer: ListClocksResponse,
  query: SlaClockListQueryDto,
): SlaClockListDto {
  return {
    condition: query.condition,
    since: requiredInstant(answer.breachedSince, 'the breach period'),
    until: optionalInstant(answer.breachedUntil),
    counts: { atRisk: answer.atRiskCount, breached: answer.breachedCount },
    items: answer.clocks.map((clock) => ({
      ticketId: clock.ticketId,
      ticketNumber: clock.ticketNumber,
      target: toRestSpelling('SLA_TARGET_', clock.target, SLA_TARGETS),
      state: toRestSpelling('CLOCK_STATE_', clock.state, CLOCK_STATES),
      dueAt: requiredInstant(clock.dueAt, 'a clock’s due instant'),
      breachedAt: optionalInstant(clock.breachedAt),
      warningIssuedAt: optionalInstant(clock.warningIssuedAt),
      policyId: clock.policyId,
      policyName: clock.policyName || null,
      groupId: clock.groupId || null,
    })),
    nextPageToken: answer.nextPageToken || null,
  };
}
