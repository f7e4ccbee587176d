import type { ServiceDeskFigures, StatsPeriod } from '../../domain/service-desk-stats';
import type { Scoped } from './ticket-store';

/** The tickets a report counts: those of the period's filters the caller may see. */
export interface ServiceDeskStatsQuery extends Scoped {
  period: StatsPeriod;
}

export interface CountedFigures {
  /** By local date (YYYY-MM-DD); days without any event are absent. */
  days: ReadonlyMap<string, ServiceDeskFigures>;
  total: ServiceDeskFigures;
}

/** Aggregates of ticket events per day, computed where the tickets are rather than loaded. */
export interface ServiceDeskStatsStore {
  figures(query: ServiceDeskStatsQuery): Promise<CountedFigures>;
}

export const SERVICE_DESK_STATS_STORE = Symbol('ServiceDeskStatsStore');
