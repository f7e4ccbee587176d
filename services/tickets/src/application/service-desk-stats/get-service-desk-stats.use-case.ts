import {
  type ServiceDeskStats,
  type ServiceDeskStatsRequest,
  statsOf,
  validateStatsRequest,
} from '../../domain/service-desk-stats';
import { requirePermission, type TicketCaller } from '../../domain/ticket-caller';
import type { ServiceDeskStatsStore } from '../ports/service-desk-stats-store';

/**
 * The supervisor's trends: tickets created and resolved, MTTA, MTTR and CSAT per day of a
 * period and for all of it, over the tickets the caller may see.
 */
export class GetServiceDeskStatsUseCase {
  constructor(private readonly stats: ServiceDeskStatsStore) {}

  async execute(request: ServiceDeskStatsRequest, caller: TicketCaller): Promise<ServiceDeskStats> {
    requirePermission(caller, 'tickets.report', 'read service desk reports');
    const period = validateStatsRequest(request);
    const counted = await this.stats.figures({
      period,
      visibility: caller.access.visibility,
    });
    return statsOf(period, counted);
  }
}
