import type { BusinessCalendar } from '../../domain/business-calendar';
import type { SlaPolicy } from '../../domain/sla-policy';

/** The calendars and policies clocks are started and counted by. */
export interface SlaCatalog {
  /** Active customer-facing (SLA, not OLA) policies; `selectPolicy` orders them. */
  slaPolicies(): Promise<readonly SlaPolicy[]>;
  /** Any policy by id, inactive ones too: running clocks keep the pause rules they started with. */
  policy(id: string): Promise<SlaPolicy | undefined>;
  /** Throws `SlaError` NOT_FOUND for an unknown calendar. */
  calendar(id: string): Promise<BusinessCalendar>;
  /** Forgets what it holds, after a calendar or policy was written: the next read sees it. */
  invalidate(): void;
}

export const SLA_CATALOG = Symbol('SlaCatalog');
