import type { DataSource } from 'typeorm';
import { assertUnreachable } from '@itsm/lang';
import {
  NO_FIGURES,
  type DurationFigures,
  type ServiceDeskFigures,
} from '../domain/service-desk-stats';
import type {
  CountedFigures,
  ServiceDeskStatsQuery,
  ServiceDeskStatsStore,
} from '../application/ports/service-desk-stats-store';
import { positionalBind, visibleTicketCondition } from './ticket-visibility.sql';

type EventKind = 'created' | 'first_response' | 'resolution' | 'satisfaction';

interface FigureRow {
  /** Null on the rows of the whole period. */
  day: string | null;
  kind: EventKind;
  count: number;
  mean_minutes: number | null;
  median_minutes: number | null;
  average_rating: number | null;
  satisfied: number;
}

const durationOf = (row: FigureRow): DurationFigures => ({
  count: row.count,
  meanMinutes: row.mean_minutes,
  medianMinutes: row.median_minutes,
});

function withRow(figures: ServiceDeskFigures, row: FigureRow): ServiceDeskFigures {
  switch (row.kind) {
    case 'created':
      return { ...figures, created: row.count };
    case 'first_response':
      return { ...figures, firstResponse: durationOf(row) };
    case 'resolution':
      return { ...figures, resolved: row.count, resolution: durationOf(row) };
    case 'satisfaction':
      return {
        ...figures,
        satisfaction: {
          ratings: row.count,
          average: row.average_rating,
          satisfied: row.satisfied,
        },
      };
    default:
      return assertUnreachable(row.kind, 'ticket event');
  }
}

/**
 * Counts the four events of a ticket's life a report follows, each on the local day it happened:
 * one row per day and event, and one per event for the whole period (the grouping set without
 * a day), so means and medians of the period are of its tickets, not of its days.
 */
export class SqlServiceDeskStatsStore implements ServiceDeskStatsStore {
  constructor(private readonly dataSource: DataSource) {}

  async figures({ period, visibility }: ServiceDeskStatsQuery): Promise<CountedFigures> {
    const values: unknown[] = [period.from, period.to, period.timeZone];
    const bind = positionalBind(values);
    const conditions: string[] = [];
    const visible = visibleTicketCondition(visibility, 't', bind);
    if (visible) conditions.push(visible);
    if (period.assignmentGroupId)
      conditions.push(`t.assignment_group_id = ${bind(period.assignmentGroupId)}`);
    if (period.type) conditions.push(`t.type = ${bind(period.type)}`);
    const filters = conditions.map((condition) => ` AND ${condition}`).join('');
    const during = (column: string) => `t.${column} >= $1 AND t.${column} < $2${filters}`;

    const rows = (await this.dataSource.query(
      `WITH events AS (
         SELECT 'created' AS kind, t.created_at AS at,
                NULL::float8 AS minutes, NULL::int AS rating
           FROM tickets t WHERE ${during('created_at')}
         UNION ALL
         SELECT 'first_response', t.first_responded_at,
                extract(epoch FROM t.first_responded_at - t.created_at)::float8 / 60, NULL
           FROM tickets t WHERE ${during('first_responded_at')}
         UNION ALL
         SELECT 'resolution', t.resolved_at,
                extract(epoch FROM t.resolved_at - t.created_at)::float8 / 60, NULL
           FROM tickets t WHERE ${during('resolved_at')}
         UNION ALL
         SELECT 'satisfaction', t.rated_at, NULL, t.satisfaction_rating
           FROM tickets t WHERE t.satisfaction_rating IS NOT NULL AND ${during('rated_at')}
       ),
       dated AS (
         SELECT kind, minutes, rating,
                to_char(date_trunc('day', at AT TIME ZONE $3), 'YYYY-MM-DD') AS day
           FROM events
       )
       SELECT day, kind,
              count(*)::int AS count,
              avg(minutes) AS mean_minutes,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) AS median_minutes,
              avg(rating)::float8 AS average_rating,
              (count(*) FILTER (WHERE rating >= 4))::int AS satisfied
         FROM dated
        GROUP BY GROUPING SETS ((day, kind), (kind))`,
      values,
    )) as FigureRow[];

    const days = new Map<string, ServiceDeskFigures>();
    let total = NO_FIGURES;
    for (const row of rows) {
      if (row.day === null) total = withRow(total, row);
      else days.set(row.day, withRow(days.get(row.day) ?? NO_FIGURES, row));
    }
    return { days, total };
  }
}
