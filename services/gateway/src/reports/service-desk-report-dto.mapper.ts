import {
  type DurationStats,
  fromRestSpelling,
  type GetServiceDeskStatsRequest,
  type GetServiceDeskStatsResponse,
  type ServiceDeskFigures,
  TicketType,
  toTimestamp,
} from '@itsm/contracts';
import type {
  DurationFiguresDto,
  ServiceDeskFiguresDto,
  ServiceDeskReportDto,
  ServiceDeskReportQueryDto,
} from './dto/service-desk-report.dto';

const DAY_MS = 86_400_000;
/** What a report covers when the caller names no period. */
export const DEFAULT_REPORT_DAYS = 30;
export const DEFAULT_REPORT_TIME_ZONE = 'UTC';

/** The period and zone a report is asked for, with the defaults filled in. */
export interface ReportPeriod {
  from: Date;
  to: Date;
  timeZone: string;
}

/**
 * `to` defaults to now and `from` to 30 days before `to`; the zone to the caller's own, else
 * UTC. Whether the period is valid is the tickets service's to say.
 */
export function reportPeriodOf(
  query: ServiceDeskReportQueryDto,
  now: Date,
  callerTimeZone: string | null,
): ReportPeriod {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from
    ? new Date(query.from)
    : new Date(to.getTime() - DEFAULT_REPORT_DAYS * DAY_MS);
  return { from, to, timeZone: query.timeZone ?? callerTimeZone ?? DEFAULT_REPORT_TIME_ZONE };
}

export function toServiceDeskStatsRequest(
  query: ServiceDeskReportQueryDto,
  period: ReportPeriod,
): GetServiceDeskStatsRequest {
  return {
    period: { from: toTimestamp(period.from), to: toTimestamp(period.to) },
    timeZone: period.timeZone,
    assignmentGroupId: query.groupId ?? '',
    type: fromRestSpelling('TICKET_TYPE_', query.type, TicketType.TICKET_TYPE_UNSPECIFIED),
  };
}

const rounded = (value: number, decimals: number) => {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
};

function durationDto(stats: DurationStats | undefined): DurationFiguresDto {
  const count = stats?.count ?? 0;
  return {
    count,
    // Unrounded: a reply within seconds is a fraction of a minute, not none.
    meanMinutes: count === 0 ? null : (stats?.meanMinutes ?? 0),
    medianMinutes: count === 0 ? null : (stats?.medianMinutes ?? 0),
  };
}

export function toServiceDeskFiguresDto(
  figures: ServiceDeskFigures | undefined,
): ServiceDeskFiguresDto {
  const ratings = figures?.satisfaction?.ratings ?? 0;
  const satisfied = figures?.satisfaction?.satisfied ?? 0;
  return {
    created: figures?.created ?? 0,
    resolved: figures?.resolved ?? 0,
    firstResponse: durationDto(figures?.firstResponse),
    resolution: durationDto(figures?.resolution),
    satisfaction: {
      ratings,
      average: ratings === 0 ? null : rounded(figures?.satisfaction?.average ?? 0, 2),
      satisfied,
      satisfiedPercent: ratings === 0 ? null : rounded((satisfied / ratings) * 100, 1),
    },
  };
}

export function toServiceDeskReportDto(
  answer: GetServiceDeskStatsResponse,
  query: ServiceDeskReportQueryDto,
  period: ReportPeriod,
): ServiceDeskReportDto {
  if (!answer.total) throw new Error('the tickets service answered a report without its total');
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    timeZone: answer.timeZone,
    groupId: query.groupId ?? null,
    type: query.type ?? null,
    days: answer.days.map(({ date, figures }) => ({
      date,
      ...toServiceDeskFiguresDto(figures),
    })),
    total: toServiceDeskFiguresDto(answer.total),
  };
}
