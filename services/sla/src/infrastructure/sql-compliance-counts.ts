import type { DataSource } from 'typeorm';
import type {
  ComplianceCount,
  ComplianceCounts,
  ComplianceCountsQuery,
  ComplianceGrouping,
} from '../application/ports/compliance-counts';

/** The column each grouping reads; never built from input. */
const KEY_COLUMNS: Readonly<Record<ComplianceGrouping, string>> = {
  policy: 'policy_id::text',
  service: 'service_id::text',
  group: 'group_id',
};

/**
 * Counts outcomes with one aggregate over the two partial indexes on breached_at and the met
 * clocks' stopped_at, so a report reads the period's outcomes only, never every clock.
 */
export class SqlComplianceCounts implements ComplianceCounts {
  constructor(private readonly dataSource: DataSource) {}

  async count(query: ComplianceCountsQuery): Promise<ComplianceCount[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${KEY_COLUMNS[query.groupBy]} AS key,
              count(*) FILTER (WHERE state = 'met' AND stopped_at >= $1 AND stopped_at < $2) AS met,
              count(*) FILTER (WHERE breached_at >= $1 AND breached_at < $2) AS breached
         FROM sla_clocks
        WHERE ((state = 'met' AND stopped_at >= $1 AND stopped_at < $2)
               OR (breached_at >= $1 AND breached_at < $2))
          AND ($3::text IS NULL OR target = $3)
        GROUP BY 1`,
      [query.from, query.to, query.target],
    )) as { key: string | null; met: string; breached: string }[];
    return rows.map((row) => ({
      key: row.key,
      met: Number(row.met),
      breached: Number(row.breached),
    }));
  }
}
