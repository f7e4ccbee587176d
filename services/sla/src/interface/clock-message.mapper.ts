import {
  ClockCondition as ClockConditionMessage,
  ClockState as ClockStateMessage,
  ComplianceGrouping as ComplianceGroupingMessage,
  type ComplianceReportRequest,
  type ComplianceReportResponse,
  type ComplianceRow as ComplianceRowMessage,
  fromTimestamp,
  type GetTicketSlaResponse,
  type ListClocksRequest,
  type ListClocksResponse,
  type TargetClock,
  toTimestamp,
} from '@itsm/contracts';
import type {
  ComplianceReport,
  ComplianceRow,
} from '../application/compliance-report/compliance-report.use-case';
import type { ComplianceReportQuery } from '../application/compliance-report/compliance-report.query';
import type { TicketSla } from '../application/get-ticket-sla/get-ticket-sla.use-case';
import type { ComplianceGrouping } from '../application/ports/compliance-counts';
import type { ClockPage } from '../application/list-clocks/list-clocks.use-case';
import type { ClockCondition, ClockListRequest } from '../domain/clock-listing';
import type { ClockState } from '../domain/sla-clock';
import { SlaError, SlaErrorCode } from '../domain/sla-error';
import { TARGET_MESSAGES, TARGET_OF_MESSAGE } from './definition-message.mapper';

const STATE_MESSAGES: Readonly<Record<ClockState, ClockStateMessage>> = {
  running: ClockStateMessage.CLOCK_STATE_RUNNING,
  paused: ClockStateMessage.CLOCK_STATE_PAUSED,
  met: ClockStateMessage.CLOCK_STATE_MET,
  breached: ClockStateMessage.CLOCK_STATE_BREACHED,
  cancelled: ClockStateMessage.CLOCK_STATE_CANCELLED,
};

const instant = (date: Date | null) => (date ? toTimestamp(date) : undefined);

export function toTicketSlaResponse({ ticketId, asOf, clocks }: TicketSla): GetTicketSlaResponse {
  return {
    ticketId,
    asOf: toTimestamp(asOf),
    clocks: clocks.map(({ clock, policyName, timeZone, elapsedMs, remainingMs }): TargetClock => ({
      target: TARGET_MESSAGES[clock.target],
      state: STATE_MESSAGES[clock.state],
      dueAt: instant(clock.dueAt),
      targetMs: clock.targetMs,
      elapsedMs,
      remainingMs,
      policyId: clock.policyId,
      policyName: policyName ?? '',
      calendarId: clock.calendarId,
      timeZone,
      warnings: clock.warnings.map(({ threshold, dueAt, firedAt }) => ({
        threshold,
        dueAt: instant(dueAt),
        firedAt: instant(firedAt),
      })),
      startedAt: toTimestamp(clock.startedAt),
      breachedAt: instant(clock.breachedAt),
      stoppedAt: instant(clock.stoppedAt),
    })),
  };
}

const GROUPINGS: Readonly<Record<string, ComplianceGrouping>> = {
  [ComplianceGroupingMessage.COMPLIANCE_GROUPING_POLICY]: 'policy',
  [ComplianceGroupingMessage.COMPLIANCE_GROUPING_SERVICE]: 'service',
  [ComplianceGroupingMessage.COMPLIANCE_GROUPING_GROUP]: 'group',
};

const GROUPING_MESSAGES: Readonly<Record<ComplianceGrouping, ComplianceGroupingMessage>> = {
  policy: ComplianceGroupingMessage.COMPLIANCE_GROUPING_POLICY,
  service: ComplianceGroupingMessage.COMPLIANCE_GROUPING_SERVICE,
  group: ComplianceGroupingMessage.COMPLIANCE_GROUPING_GROUP,
};

export function toComplianceQuery(request: ComplianceReportRequest): ComplianceReportQuery {
  const violations = [];
  const groupBy = GROUPINGS[request.groupBy];
  if (!groupBy)
    violations.push({ field: 'groupBy', message: 'groupBy must be policy, service or group' });
  if (!request.periodStart) violations.push({ field: 'from', message: 'from is required' });
  if (!request.periodEnd) violations.push({ field: 'to', message: 'to is required' });
  const target = TARGET_OF_MESSAGE[request.target] ?? null;
  if (!target && request.target !== 'SLA_TARGET_UNSPECIFIED') {
    violations.push({ field: 'target', message: `${request.target} is not a target` });
  }
  if (!groupBy || !request.periodStart || !request.periodEnd || violations.length > 0) {
    throw new SlaError(SlaErrorCode.ValidationFailed, 'the report request is invalid', violations);
  }
  return {
    groupBy,
    from: fromTimestamp(request.periodStart),
    to: fromTimestamp(request.periodEnd),
    target,
  };
}

function toRowMessage(row: ComplianceRow): ComplianceRowMessage {
  return {
    key: row.key ?? '',
    label: row.label ?? '',
    met: row.met,
    breached: row.breached,
    // Nothing decided counts as fully compliant: no target was missed.
    compliancePercent: row.compliancePercent ?? 100,
  };
}

export function toComplianceResponse({
  query,
  rows,
  total,
}: ComplianceReport): ComplianceReportResponse {
  return {
    groupBy: GROUPING_MESSAGES[query.groupBy],
    periodStart: toTimestamp(query.from),
    periodEnd: toTimestamp(query.to),
    rows: rows.map(toRowMessage),
    total: toRowMessage(total),
  };
}

const CONDITIONS: Readonly<Record<string, ClockCondition>> = {
  [ClockConditionMessage.CLOCK_CONDITION_AT_RISK]: 'at_risk',
  [ClockConditionMessage.CLOCK_CONDITION_BREACHED]: 'breached',
};

export function toClockListRequest(request: ListClocksRequest): ClockListRequest {
  return {
    condition: CONDITIONS[request.condition] ?? null,
    breachedSince: request.breachedSince ? fromTimestamp(request.breachedSince) : null,
    breachedUntil: request.breachedUntil ? fromTimestamp(request.breachedUntil) : null,
    timeZone: request.timeZone,
    groupId: request.groupId,
    pageSize: request.pageSize,
    pageToken: request.pageToken,
  };
}

export function toListClocksResponse({
  listing,
  clocks,
  nextPageToken,
  counts,
}: ClockPage): ListClocksResponse {
  return {
    clocks: clocks.map((clock) => ({
      ticketId: clock.ticketId,
      ticketNumber: clock.ticketNumber,
      target: TARGET_MESSAGES[clock.target],
      state: STATE_MESSAGES[clock.state],
      dueAt: toTimestamp(clock.dueAt),
      breachedAt: instant(clock.breachedAt),
      warningIssuedAt: instant(clock.warningIssuedAt),
      policyId: clock.policyId,
      policyName: clock.policyName ?? '',
      groupId: clock.groupId ?? '',
    })),
    nextPageToken,
    atRiskCount: counts.at_risk,
    breachedCount: counts.breached,
    breachedSince: toTimestamp(listing.breachedSince),
    breachedUntil: instant(listing.breachedUntil),
  };
}
