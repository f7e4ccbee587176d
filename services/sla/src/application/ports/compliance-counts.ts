import type { SlaTarget } from '../../domain/sla-clock';

export const COMPLIANCE_GROUPINGS = ['policy', 'service', 'group'] as const;
export type ComplianceGrouping = (typeof COMPLIANCE_GROUPINGS)[number];

export interface ComplianceCountsQuery {
  groupBy: ComplianceGrouping;
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
  /** Null counts every target. */
  target: SlaTarget | null;
}

export interface ComplianceCount {
  /** Policy id, service id or group id; null for clocks without a service or group. */
  key: string | null;
  /** Targets met in the period. */
  met: number;
  /** Targets breached in the period (the breach instant counts, not when the clock stopped). */
  breached: number;
}

/** Met and breached outcomes per group, read from the stored clocks. */
export interface ComplianceCounts {
  count(query: ComplianceCountsQuery): Promise<ComplianceCount[]>;
}

export const COMPLIANCE_COUNTS = Symbol('ComplianceCounts');
