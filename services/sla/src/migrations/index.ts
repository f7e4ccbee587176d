import { CreateOutboxAndInbox1764921600000 } from './1764921600000-create-outbox-and-inbox';
import { CreateSlaCalendarsPoliciesAndClocks1764921600001 } from './1764921600001-create-sla-calendars-policies-and-clocks';
import { SeedDefaultCalendarsAndPolicies1764921600002 } from './1764921600002-seed-default-calendars-and-policies';
import { AddClockReferencesAndReportIndexes1764921600003 } from './1764921600003-add-clock-references-and-report-indexes';
import { AddAtRiskClockIndex1764921600004 } from './1764921600004-add-at-risk-clock-index';
import { AddOpenClocksIndex1764921600010 } from './1764921600010-add-open-clocks-index';

/** In order; listed explicitly so the bundle carries them. */
export const slaMigrations = [
  CreateOutboxAndInbox1764921600000,
  CreateSlaCalendarsPoliciesAndClocks1764921600001,
  SeedDefaultCalendarsAndPolicies1764921600002,
  AddClockReferencesAndReportIndexes1764921600003,
  AddAtRiskClockIndex1764921600004,
  AddOpenClocksIndex1764921600010,
];
