import type { SlaTarget } from '../../domain/sla-clock';
import type { ComplianceGrouping } from '../ports/compliance-counts';

export interface ComplianceReportQuery {
  groupBy: ComplianceGrouping;
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
  /** Null counts every target. */
  target: SlaTarget | null;
}
