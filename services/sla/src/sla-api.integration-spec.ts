import { randomUUID } from 'node:crypto';
import { Metadata, type ServiceError, status } from '@grpc/grpc-js';
import {
  CalendarKind,
  Channel,
  ClockState,
  ComplianceGrouping,
  ErrorMetadata,
  fromTimestamp,
  PendingReason,
  PolicyKind,
  type PolicyDraft,
  Priority,
  SlaTarget,
  type Ticket,
  TicketAction,
  TicketCreated,
  TicketResolved,
  TicketStatus,
  TicketType,
  toTimestamp,
  Weekday,
} from '@itsm/contracts';
import { createTestDatabase, eventually, type TestDatabase } from '@itsm/testing';
import {
  HOUR_MS,
  instantAtLocalMinute,
  isoWeekdayOf,
  localEpochDayAt,
  MINUTE_MS,
} from '@itsm/zoned-time';
import type { RunningSlaService } from './testing/sla-service.harness';
import {
  createTicketEventsTopic,
  deleteTicketEventsTopic,
  migrate,
  slaTestConfig,
  startSlaService,
  TicketEventsPublisher,
} from './testing/sla-service.harness';
import { type SlaGrpcClient, slaGrpcClient } from './testing/sla-grpc.client';
import { ALWAYS_ON_CALENDAR_ID } from './migrations/1764921600002-seed-default-calendars-and-policies';

const MOSCOW = 'Europe/Moscow';
const nineToSix = [{ startTime: '09:00', endTime: '18:00' }];
const weekdays = [
  Weekday.WEEKDAY_MONDAY,
  Weekday.WEEKDAY_TUESDAY,
  Weekday.WEEKDAY_WEDNESDAY,
  Weekday.WEEKDAY_THURSDAY,
  Weekday.WEEKDAY_FRIDAY,
];

/** The most recent Friday before today, Moscow time: a ticket reported then is logged late. */
function lastFriday(): number {
  let day = localEpochDayAt(MOSCOW, Date.now()) - 1;
  while (isoWeekdayOf(day) !== 5) day -= 1;
  return day;
}

function moscowAt(epochDay: number, time: string): Date {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return instantAtLocalMinute(MOSCOW, epochDay, hours * 60 + minutes);
}

async function refusal(work: Promise<unknown>): Promise<ServiceError> {
  try {
    await work;
  } catch (error) {
    return error as ServiceError;
  }
  throw new Error('expected the call to be refused');
}

function trailer(error: ServiceError, key: string): unknown {
  const [value] = (error.metadata ?? new Metadata()).get(key);
  if (value === undefined) return undefined;
  const text = Buffer.isBuffer(value) ? value.toString('utf8') : value;
  return key.endsWith('-bin') ? JSON.parse(text) : text;
}

describe('the SLA service’s gRPC API on real PostgreSQL and Kafka', () => {
  let database: TestDatabase;
  let service: RunningSlaService;
  let client: SlaGrpcClient;
  let publisher: TicketEventsPublisher;
  let topic: string;

  beforeAll(async () => {
    database = await createTestDatabase('itsm_sla');
    topic = await createTicketEventsTopic();
    // A catalog cached for ten minutes: a write must show at once through invalidation alone.
    const config = slaTestConfig(database, topic, { SLA_CATALOG_REFRESH_MS: '600000' });
    await migrate(config);
    service = await startSlaService(config);
    client = slaGrpcClient(service.grpcUrl);
    publisher = new TicketEventsPublisher(topic);
  });

  afterAll(async () => {
    client?.close();
    await publisher?.close();
    await service?.app.close();
    await database?.drop();
    if (topic) await deleteTicketEventsTopic(topic);
  });

  const anyTicket = {
    types: [],
    priorities: [],
    serviceIds: [],
    organizationIds: [],
    categoryIds: [],
    channels: [],
  };

  const draft = (overrides: Partial<PolicyDraft>): PolicyDraft => ({
    name: 'policy',
    kind: PolicyKind.POLICY_KIND_SLA,
    order: 0,
    conditions: anyTicket,
    targets: [],
    warningThresholds: [],
    pauseRules: [
      {
        status: TicketStatus.TICKET_STATUS_PENDING,
        reasons: [PendingReason.PENDING_REASON_AWAITING_CUSTOMER],
      },
    ],
    inactive: false,
    ...overrides,
  });

  const forOrganization = (organizationId: string) => ({
    ...anyTicket,
    organizationIds: [organizationId],
  });

  function aTicket(fields: Record<string, unknown>): Ticket {
    const id = randomUUID();
    return TicketCreated.fromJson({
      ticket: {
        id,
        number: `INC-${id.slice(0, 6)}`,
        type: TicketType.TICKET_TYPE_INCIDENT,
        status: TicketStatus.TICKET_STATUS_NEW,
        priority: Priority.PRIORITY_MEDIUM,
        channel: Channel.CHANNEL_PHONE,
        createdAt: new Date().toISOString(),
        ...fields,
      },
    }).ticket as Ticket;
  }

  const opened = (ticket: Ticket) =>
    publisher.publish(TicketCreated, { ticket }, { key: ticket.id, subject: ticket.number });

  const clocksOf = (ticket: Ticket, count: number) =>
    eventually(`${count} clock(s) of ${ticket.number}`, async () => {
      const { clocks } = await client.getTicketSla({ ticketId: ticket.id });
      return clocks.length === count ? clocks : undefined;
    });

  it('keeps calendars, refusing an invalid one field by field and a stale update', async () => {
    const { calendar } = await client.createCalendar({
      name: 'Moscow office',
      definition: {
        kind: CalendarKind.CALENDAR_KIND_WORKING_HOURS,
        timeZone: MOSCOW,
        week: weekdays.map((weekday) => ({ weekday, hours: nineToSix })),
        holidays: ['2026-12-31'],
        workingDays: [{ date: '2026-12-26', hours: nineToSix }],
        holidayNames: { '2026-12-31': '  Новогодний вечер ' },
      },
    });
    expect(calendar).toMatchObject({
      name: 'Moscow office',
      version: 1,
      definition: { holidayNames: { '2026-12-31': 'Новогодний вечер' } },
    });
    const id = calendar?.id ?? '';
    await expect(client.getCalendar({ id })).resolves.toEqual({ calendar });
    const { calendars } = await client.listCalendars({});
    expect(calendars.map(({ name }) => name)).toEqual(
      expect.arrayContaining(['24×7', 'Moscow business hours', 'Moscow office']),
    );

    const invalid = await refusal(
      client.createCalendar({
        name: 'Broken',
        definition: {
          kind: CalendarKind.CALENDAR_KIND_WORKING_HOURS,
          timeZone: 'Mars/Olympus',
          week: [
            { weekday: Weekday.WEEKDAY_MONDAY, hours: [{ startTime: '18:00', endTime: '09:00' }] },
          ],
          holidays: [],
          workingDays: [],
          holidayNames: { '2027-01-07': 'Christmas (Orthodox)' },
        },
      }),
    );
    expect(invalid.code).toBe(status.INVALID_ARGUMENT);
    expect(trailer(invalid, ErrorMetadata.violations)).toEqual([
      { field: 'timeZone', message: '"Mars/Olympus" is not an IANA time zone' },
      { field: 'week.1[0]', message: '18:00–09:00 ends before it starts' },
      { field: 'holidayNames.2027-01-07', message: '2027-01-07 is not one of the holidays' },
    ]);

    const renamed = await client.updateCalendar({
      id,
      name: 'Moscow office (2027)',
      definition: calendar?.definition,
      expectedVersion: 1,
    });
    expect(renamed.calendar).toMatchObject({ name: 'Moscow office (2027)', version: 2 });
    const stale = await refusal(
      client.updateCalendar({
        id,
        name: 'x',
        definition: calendar?.definition,
        expectedVersion: 1,
      }),
    );
    expect(stale.code).toBe(status.ABORTED);
    expect(trailer(stale, ErrorMetadata.code)).toBe('VERSION_CONFLICT');
    expect(trailer(stale, ErrorMetadata.details)).toEqual({ currentVersion: 2 });
    const missing = await refusal(client.getCalendar({ id: randomUUID() }));
    expect(missing.code).toBe(status.NOT_FOUND);
  });

  it('applies a new policy to the next ticket at once, counting from when it was reported', async () => {
    const { calendar } = await client.createCalendar({
      name: 'Moscow 09–18',
      definition: {
        kind: CalendarKind.CALENDAR_KIND_WORKING_HOURS,
        timeZone: MOSCOW,
        week: weekdays.map((weekday) => ({ weekday, hours: nineToSix })),
        holidays: [],
        workingDays: [],
        holidayNames: {},
      },
    });
    // Loads the catalog into the cache before the policy exists.
    const before = aTicket({});
    await opened(before);
    await clocksOf(before, 2);

    const organizationId = `org-${randomUUID().slice(0, 8)}`;
    const { policy } = await client.createPolicy({
      policy: draft({
        name: 'Four business hours',
        order: 1,
        conditions: forOrganization(organizationId),
        targets: [
          {
            target: SlaTarget.SLA_TARGET_RESOLUTION,
            targetMs: 4 * HOUR_MS,
            calendarId: calendar?.id ?? '',
          },
        ],
        warningThresholds: [0.75],
      }),
    });
    expect(policy).toMatchObject({ order: 1, active: true, version: 1 });

    const friday = lastFriday();
    const ticket = aTicket({
      organizationId,
      reportedAt: moscowAt(friday, '17:30').toISOString(),
    });
    await opened(ticket);
    const [clock] = await clocksOf(ticket, 1);
    expect(clock).toMatchObject({
      target: SlaTarget.SLA_TARGET_RESOLUTION,
      policyId: policy?.id,
      policyName: 'Four business hours',
      timeZone: MOSCOW,
      targetMs: 4 * HOUR_MS,
      startedAt: toTimestamp(moscowAt(friday, '17:30')),
      dueAt: toTimestamp(moscowAt(friday + 3, '12:30')),
    });
    // Today is after last Friday: at least Friday's half hour counted, and never more than all.
    expect(clock?.elapsedMs).toBeGreaterThanOrEqual(30 * MINUTE_MS);
    expect((clock?.elapsedMs ?? 0) + (clock?.remainingMs ?? 0)).toBe(4 * HOUR_MS);
  });

  it('reorders and deactivates policies: the next ticket gets the one now first', async () => {
    const organizationId = `org-${randomUUID().slice(0, 8)}`;
    const target = (targetMs: number) => [
      { target: SlaTarget.SLA_TARGET_RESOLUTION, targetMs, calendarId: ALWAYS_ON_CALENDAR_ID },
    ];
    const slow = await client.createPolicy({
      policy: draft({
        name: 'Slow',
        order: 2,
        conditions: forOrganization(organizationId),
        targets: target(8 * HOUR_MS),
      }),
    });
    const fast = await client.createPolicy({
      policy: draft({
        name: 'Fast',
        order: 3,
        conditions: forOrganization(organizationId),
        targets: target(HOUR_MS),
      }),
    });
    const policyOfNextTicket = async () => {
      const ticket = aTicket({ organizationId });
      await opened(ticket);
      const [clock] = await clocksOf(ticket, 1);
      return clock?.policyName;
    };
    expect(await policyOfNextTicket()).toBe('Slow');

    const moved = await client.updatePolicy({
      id: fast.policy?.id ?? '',
      policy: draft({
        name: 'Fast',
        order: 1,
        conditions: forOrganization(organizationId),
        targets: target(HOUR_MS),
      }),
      expectedVersion: 1,
    });
    expect(moved.policy).toMatchObject({ order: 1, version: 2 });
    expect(await policyOfNextTicket()).toBe('Fast');

    const { policy: deactivated } = await client.deactivatePolicy({ id: fast.policy?.id ?? '' });
    expect(deactivated).toMatchObject({ active: false, version: 3 });
    expect(await policyOfNextTicket()).toBe('Slow');
    const { policies } = await client.listPolicies({ includeInactive: false });
    expect(policies.map(({ name }) => name)).toContain('Slow');
    expect(policies.map(({ name }) => name)).not.toContain('Fast');
    expect(slow.policy?.kind).toBe(PolicyKind.POLICY_KIND_SLA);

    const unknownCalendar = await refusal(
      client.createPolicy({
        policy: draft({
          name: 'Nowhere',
          targets: [
            {
              target: SlaTarget.SLA_TARGET_RESOLUTION,
              targetMs: HOUR_MS,
              calendarId: randomUUID(),
            },
          ],
        }),
      }),
    );
    expect(unknownCalendar.code).toBe(status.INVALID_ARGUMENT);
    expect(trailer(unknownCalendar, ErrorMetadata.violations)).toEqual([
      expect.objectContaining({ field: 'targets.resolution.calendarId' }),
    ]);
  });

  it('reports met and breached targets per policy, service and group', async () => {
    const organizationId = `org-${randomUUID().slice(0, 8)}`;
    const serviceId = randomUUID();
    const group = `grp-${randomUUID().slice(0, 8)}`;
    const { policy } = await client.createPolicy({
      policy: draft({
        name: 'Half an hour',
        order: 1,
        conditions: forOrganization(organizationId),
        targets: [
          {
            target: SlaTarget.SLA_TARGET_RESOLUTION,
            targetMs: 30 * MINUTE_MS,
            calendarId: ALWAYS_ON_CALENDAR_ID,
          },
        ],
      }),
    });
    const from = new Date(Date.now() - 2 * HOUR_MS);
    const common = { organizationId, serviceId, assignmentGroupId: group };
    // Reported an hour ago: breached at once when opened.
    const late = aTicket({ ...common, reportedAt: new Date(Date.now() - HOUR_MS).toISOString() });
    const inTime = aTicket(common);
    await opened(late);
    await opened(inTime);
    const [breached] = await clocksOf(late, 1);
    expect(breached).toMatchObject({ state: ClockState.CLOCK_STATE_RUNNING });
    expect(breached?.breachedAt).toBeDefined();
    expect(breached?.remainingMs).toBeLessThan(0);
    await clocksOf(inTime, 1);
    await publisher.publish(
      TicketResolved,
      {
        ticket: {
          ...inTime,
          status: TicketStatus.TICKET_STATUS_RESOLVED,
          updatedAt: toTimestamp(new Date()),
        },
        fromStatus: TicketStatus.TICKET_STATUS_IN_PROGRESS,
        action: TicketAction.TICKET_ACTION_RESOLVE,
        actorId: 'agent-1',
        changes: [],
      },
      { key: inTime.id, subject: inTime.number },
    );
    await eventually('the clock in time to be met', async () => {
      const [clock] = await clocksOf(inTime, 1);
      return clock?.state === ClockState.CLOCK_STATE_MET ? clock : undefined;
    });

    const report = (groupBy: ComplianceGrouping) =>
      client.complianceReport({
        groupBy,
        periodStart: toTimestamp(from),
        periodEnd: toTimestamp(new Date(Date.now() + HOUR_MS)),
        target: SlaTarget.SLA_TARGET_RESOLUTION,
      });
    const byPolicy = await report(ComplianceGrouping.COMPLIANCE_GROUPING_POLICY);
    expect(byPolicy.rows.find((row) => row.key === policy?.id)).toEqual({
      key: policy?.id,
      label: 'Half an hour',
      met: 1,
      breached: 1,
      compliancePercent: 50,
    });
    const byService = await report(ComplianceGrouping.COMPLIANCE_GROUPING_SERVICE);
    expect(byService.rows.find((row) => row.key === serviceId)).toMatchObject({
      met: 1,
      breached: 1,
    });
    const byGroup = await report(ComplianceGrouping.COMPLIANCE_GROUPING_GROUP);
    expect(byGroup.rows.find((row) => row.key === group)).toMatchObject({ met: 1, breached: 1 });
    expect(fromTimestamp(byGroup.periodStart ?? toTimestamp(new Date(0)))).toEqual(from);

    const backwards = await refusal(
      client.complianceReport({
        groupBy: ComplianceGrouping.COMPLIANCE_GROUPING_POLICY,
        periodStart: toTimestamp(new Date()),
        periodEnd: toTimestamp(from),
        target: SlaTarget.SLA_TARGET_UNSPECIFIED,
      }),
    );
    expect(backwards.code).toBe(status.INVALID_ARGUMENT);
  });
});
