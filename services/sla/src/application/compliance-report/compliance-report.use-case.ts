import { DAY_MS } from '@itsm/zoned-time';
import { SlaError, SlaErrorCode, type FieldViolation } from '../../domain/sla-error';
import type { ComplianceCounts } from '../ports/compliance-counts';
import type { SlaCatalog } from '../ports/sla-catalog';
import type { ComplianceReportQuery } from './compliance-report.query';

/** The longest period one report covers: a year and a leap day, and a little. */
export const MAX_PERIOD_MS = 400 * DAY_MS;

export interface ComplianceRow {
  /** Policy, service or group id; null for clocks without a service or group. */
  key: string | null;
  /** The policy's name when grouped by policy; null otherwise or for a policy since removed. */
  label: string | null;
  met: number;
  breached: number;
  /** met / (met + breached) × 100, rounded to two decimals; null when nothing was decided. */
  compliancePercent: number | null;
}

export interface ComplianceReport {
  query: ComplianceReportQuery;
  /** Most outcomes first. */
  rows: ComplianceRow[];
  total: ComplianceRow;
}

function percentOf(met: number, breached: number): number | null {
  const decided = met + breached;
  return decided === 0 ? null : Math.round((met / decided) * 10_000) / 100;
}

/**
 * SLA compliance per policy, service or assignment group for a period: a breach counts in the
 * period it happened in (even while its clock still runs), a met target in the period it was met.
 */
export class ComplianceReportUseCase {
  constructor(
    private readonly counts: ComplianceCounts,
    private readonly catalog: SlaCatalog,
  ) {}

  async execute(query: ComplianceReportQuery): Promise<ComplianceReport> {
    const violations: FieldViolation[] = [];
    const span = query.to.getTime() - query.from.getTime();
    if (Number.isNaN(span)) {
      violations.push({ field: 'from', message: 'from and to must be valid instants' });
    } else if (span <= 0) {
      violations.push({ field: 'to', message: 'to must be after from' });
    } else if (span > MAX_PERIOD_MS) {
      violations.push({ field: 'to', message: 'a report covers at most 400 days' });
    }
    if (violations.length > 0) {
      throw new SlaError(SlaErrorCode.ValidationFailed, 'the report period is invalid', violations);
    }

    const counts = await this.counts.count(query);
    const rows: ComplianceRow[] = [];
    for (const { key, met, breached } of counts) {
      const label =
        query.groupBy === 'policy' && key ? ((await this.catalog.policy(key))?.name ?? null) : null;
      rows.push({ key, label, met, breached, compliancePercent: percentOf(met, breached) });
    }
    rows.sort(
      (a, b) =>
        b.met + b.breached - (a.met + a.breached) || (a.key ?? '').localeCompare(b.key ?? ''),
    );
    const met = rows.reduce((sum, row) => sum + row.met, 0);
    const breached = rows.reduce((sum, row) => sum + row.breached, 0);
    return {
      query,
      rows,
      total: { key: null, label: null, met, breached, compliancePercent: percentOf(met, breached) },
    };
  }
}
