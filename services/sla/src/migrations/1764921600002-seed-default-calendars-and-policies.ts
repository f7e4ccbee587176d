import type { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen seed data: a migration never changes once applied, so it does not import the
// (evolving) domain types; a unit test checks that the domain accepts every row.

export const ALWAYS_ON_CALENDAR_ID = '5a1aca1e-0000-4000-8000-000000000001';
export const MOSCOW_BUSINESS_HOURS_CALENDAR_ID = '5a1aca1e-0000-4000-8000-000000000002';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A working day of the Moscow calendar: 09:00–18:00. */
const BUSINESS_DAY = 9 * HOUR;

const nineToSix = [{ from: '09:00', to: '18:00' }];

export const DEFAULT_CALENDARS = [
  {
    id: ALWAYS_ON_CALENDAR_ID,
    name: '24×7',
    definition: { kind: '24x7', timeZone: 'UTC' },
  },
  {
    id: MOSCOW_BUSINESS_HOURS_CALENDAR_ID,
    name: 'Moscow business hours',
    // Holidays and moved working days come from the year's production calendar, which an
    // administrator maintains through the calendar API.
    definition: {
      kind: 'working_hours',
      timeZone: 'Europe/Moscow',
      week: { 1: nineToSix, 2: nineToSix, 3: nineToSix, 4: nineToSix, 5: nineToSix },
      holidays: [],
      workingDays: [],
    },
  },
] as const;

const alwaysOn = (targetMs: number) => ({ targetMs, calendarId: ALWAYS_ON_CALENDAR_ID });
const businessHours = (targetMs: number) => ({
  targetMs,
  calendarId: MOSCOW_BUSINESS_HOURS_CALENDAR_ID,
});

const defaults = {
  kind: 'sla',
  warningThresholds: [0.75, 0.9],
  // Waiting for the customer stops the clock; waiting for a vendor or a change does not.
  pauseRules: [{ status: 'pending', reasons: ['awaiting_customer'] }],
} as const;

/** Incidents by priority, then service requests; problems and changes have no SLA. */
export const DEFAULT_POLICIES = [
  {
    id: '5a1a9011-0000-4000-8000-000000000010',
    name: 'Incidents · critical',
    position: 10,
    conditions: { types: ['incident'], priorities: ['critical'] },
    targets: { first_response: alwaysOn(15 * MINUTE), resolution: alwaysOn(4 * HOUR) },
  },
  {
    id: '5a1a9011-0000-4000-8000-000000000020',
    name: 'Incidents · high',
    position: 20,
    conditions: { types: ['incident'], priorities: ['high'] },
    targets: { first_response: alwaysOn(HOUR), resolution: businessHours(8 * HOUR) },
  },
  {
    id: '5a1a9011-0000-4000-8000-000000000030',
    name: 'Incidents · medium',
    position: 30,
    conditions: { types: ['incident'], priorities: ['medium'] },
    targets: {
      first_response: businessHours(4 * HOUR),
      resolution: businessHours(3 * BUSINESS_DAY),
    },
  },
  {
    id: '5a1a9011-0000-4000-8000-000000000040',
    name: 'Incidents · low',
    position: 40,
    conditions: { types: ['incident'], priorities: ['low'] },
    targets: {
      first_response: businessHours(BUSINESS_DAY),
      resolution: businessHours(5 * BUSINESS_DAY),
    },
  },
  {
    id: '5a1a9011-0000-4000-8000-000000000050',
    name: 'Incidents · planning',
    position: 50,
    conditions: { types: ['incident'], priorities: ['planning'] },
    targets: {
      first_response: businessHours(2 * BUSINESS_DAY),
      resolution: businessHours(20 * BUSINESS_DAY),
    },
  },
  {
    id: '5a1a9011-0000-4000-8000-000000000060',
    name: 'Service requests · critical and high',
    position: 60,
    conditions: { types: ['service_request'], priorities: ['critical', 'high'] },
    targets: {
      first_response: businessHours(2 * HOUR),
      resolution: businessHours(2 * BUSINESS_DAY),
    },
  },
  {
    id: '5a1a9011-0000-4000-8000-000000000070',
    name: 'Service requests · medium, low and planning',
    position: 70,
    conditions: { types: ['service_request'] },
    targets: {
      first_response: businessHours(BUSINESS_DAY),
      resolution: businessHours(5 * BUSINESS_DAY),
    },
  },
].map((policy) => ({ ...policy, ...defaults }));

/** Idempotent: a seed row that exists (perhaps edited since) is left as it is. */
export class SeedDefaultCalendarsAndPolicies1764921600002 implements MigrationInterface {
  name = 'SeedDefaultCalendarsAndPolicies1764921600002';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const calendar of DEFAULT_CALENDARS) {
      await queryRunner.query(
        `INSERT INTO sla_calendars (id, name, definition) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO NOTHING`,
        [calendar.id, calendar.name, JSON.stringify(calendar.definition)],
      );
    }
    for (const policy of DEFAULT_POLICIES) {
      await queryRunner.query(
        `INSERT INTO sla_policies
           (id, name, kind, position, conditions, targets, warning_thresholds, pause_rules)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (id) DO NOTHING`,
        [
          policy.id,
          policy.name,
          policy.kind,
          policy.position,
          JSON.stringify(policy.conditions),
          JSON.stringify(policy.targets),
          JSON.stringify(policy.warningThresholds),
          JSON.stringify(policy.pauseRules),
        ],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM sla_policies WHERE id = ANY($1::uuid[])`, [
      DEFAULT_POLICIES.map(({ id }) => id),
    ]);
    await queryRunner.query(`DELETE FROM sla_calendars WHERE id = ANY($1::uuid[])`, [
      DEFAULT_CALENDARS.map(({ id }) => id),
    ]);
  }
}
