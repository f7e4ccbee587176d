import type {
  GetServiceDeskStatsRequest,
  GetServiceDeskStatsResponse,
  DurationStats,
  ServiceDeskFigures as ServiceDeskFiguresMessage,
} from '@itsm/contracts';
import { fromMessage, ticketTypeMessages } from '../application/ticket-message.mapper';
import type {
  DurationFigures,
  ServiceDeskFigures,
  ServiceDeskStats,
  ServiceDeskStatsRequest,
} from '../domain/service-desk-stats';
import { optionalDate } from './transition-request.mapper';

/** Empty strings and UNSPECIFIED mean "not given". */
export function toServiceDeskStatsRequest(
  request: GetServiceDeskStatsRequest,
): ServiceDeskStatsRequest {
  return {
    from: optionalDate(request.period?.from),
    to: optionalDate(request.period?.to),
    timeZone: request.timeZone,
    assignmentGroupId: request.assignmentGroupId || undefined,
    type: fromMessage(ticketTypeMessages, request.type),
  };
}

const durationMessage = (figures: DurationFigures): DurationStats => ({
  count: figures.count,
  meanMinutes: figures.meanMinutes ?? 0,
  medianMinutes: figures.medianMinutes ?? 0,
});

function figuresMessage(figures: ServiceDeskFigures): ServiceDeskFiguresMessage {
  return {
    created: figures.created,
    resolved: figures.resolved,
    firstResponse: durationMessage(figures.firstResponse),
    resolution: durationMessage(figures.resolution),
    satisfaction: {
      ratings: figures.satisfaction.ratings,
      average: figures.satisfaction.average ?? 0,
      satisfied: figures.satisfaction.satisfied,
    },
  };
}

export function toServiceDeskStatsResponse(stats: ServiceDeskStats): GetServiceDeskStatsResponse {
  return {
    timeZone: stats.period.timeZone,
    days: stats.days.map(({ date, figures }) => ({ date, figures: figuresMessage(figures) })),
    total: figuresMessage(stats.total),
  };
}
