import { Metadata, status } from '@grpc/grpc-js';
import {
  type Calendar,
  CalendarKind,
  ClockCondition,
  ClockState,
  ComplianceGrouping,
  ErrorMetadata,
  PolicyKind,
  SlaTarget,
  type SlaPolicy,
  toTimestamp,
  Weekday,
} from '@itsm/contracts';
import type { WriteCalendarDto } from './dto/calendar.dto';
import type { WritePolicyDto } from './dto/policy.dto';
import {
  businessDurationOf,
  calendarFieldName,
  policyFieldName,
  toCalendarDefinition,
  toCalendarDto,
  toComplianceReportDto,
  toComplianceReportRequest,
  toListClocksRequest,
  toPolicyDraft,
  toPolicyDto,
  toSlaClockListDto,
  toTicketSlaDto,
} from './sla-dto.mapper';
import { withRestFieldNames } from '../problem/violation-fields';
import { toLocalIso } from './zoned-instant';

const at = new Date('2026-11-27T08:30:00.250Z');
const calendarId = '0193a7a0-0000-7000-8000-0000000000ca';
const policyId = '0193a7a0-0000-7000-8000-0000000000b1';
const nineToSix = [{ from: '09:00', to: '18:00' }];

const moscowOffice: WriteCalendarDto = {
  name: 'Moscow office',
  kind: 'working_hours',
  timeZone: 'Europe/Moscow',
  workingHours: { monday: nineToSix, friday: nineToSix },
  holidays: ['2027-01-01'],
  holidayNames: { '2027-01-01': 'Новый год' },
  workingDays: [{ date: '2026-12-26', hours: nineToSix }],
};

describe('calendars: REST ⇄ contract', () => {
  it('sends named weekdays as ISO weekdays, in order', () => {
    expect(toCalendarDefinition(moscowOffice)).toEqual({
      kind: CalendarKind.CALENDAR_KIND_WORKING_HOURS,
      timeZone: 'Europe/Moscow',
      week: [
        { weekday: Weekday.WEEKDAY_MONDAY, hours: [{ startTime: '09:00', endTime: '18:00' }] },
        { weekday: Weekday.WEEKDAY_FRIDAY, hours: [{ startTime: '09:00', endTime: '18:00' }] },
      ],
      holidays: ['2027-01-01'],
      workingDays: [{ date: '2026-12-26', hours: [{ startTime: '09:00', endTime: '18:00' }] }],
      holidayNames: { '2027-01-01': 'Новый год' },
    });
  });

  it('sends no holiday names when a client leaves them out, and shows them as {}', () => {
    const { holidayNames: _names, ...unnamed } = moscowOffice;
    const definition = toCalendarDefinition(unnamed);
    expect(definition.holidayNames).toEqual({});
    expect(
      toCalendarDto({
        id: calendarId,
        name: 'Moscow office',
        definition,
        version: 1,
        createdAt: toTimestamp(at),
        updatedAt: toTimestamp(at),
      }),
    ).toMatchObject({ holidays: ['2027-01-01'], holidayNames: {} });
  });

  it('shows every weekday, empty when not worked', () => {
    const calendar: Calendar = {
      id: calendarId,
      name: 'Moscow office',
      definition: toCalendarDefinition(moscowOffice),
      version: 2,
      createdAt: toTimestamp(at),
      updatedAt: toTimestamp(at),
    };
    expect(toCalendarDto(calendar)).toEqual({
      id: calendarId,
      name: 'Moscow office',
      kind: 'working_hours',
      timeZone: 'Europe/Moscow',
      workingHours: {
        monday: nineToSix,
        tuesday: [],
        wednesday: [],
        thursday: [],
        friday: nineToSix,
        saturday: [],
        sunday: [],
      },
      holidays: ['2027-01-01'],
      holidayNames: { '2027-01-01': 'Новый год' },
      workingDays: [{ date: '2026-12-26', hours: nineToSix }],
      version: 2,
      createdAt: '2026-11-27T08:30:00.250Z',
      updatedAt: '2026-11-27T08:30:00.250Z',
    });
  });

  it.each([
    ['week.1[0]', 'workingHours.monday[0]'],
    ['week.7[1].to', 'workingHours.sunday[1].to'],
    ['definition.week', 'workingHours'],
    ['timeZone', 'timeZone'],
    ['holidays[2]', 'holidays[2]'],
    ['holidayNames.2027-01-07', 'holidayNames.2027-01-07'],
  ])('names the service’s field %s as %s', (field, restField) => {
    expect(calendarFieldName(field)).toBe(restField);
  });
});

const vip: WritePolicyDto = {
  name: 'VIP incidents',
  order: 1,
  conditions: { types: ['incident'], priorities: ['critical'], organizationIds: ['org-vip'] },
  targets: [
    { target: 'first_response', targetMs: 900_000, calendarId },
    { target: 'resolution', targetMs: 14_400_000, calendarId },
  ],
  warningThresholds: [0.75],
  pauseRules: [{ status: 'pending', reasons: ['awaiting_customer'] }],
};

describe('policies: REST ⇄ contract', () => {
  it('sends a policy active and customer-facing unless it says otherwise, and shows it back', () => {
    const draft = toPolicyDraft(vip);
    expect(draft).toMatchObject({
      kind: PolicyKind.POLICY_KIND_SLA,
      order: 1,
      inactive: false,
      conditions: {
        types: ['TICKET_TYPE_INCIDENT'],
        priorities: ['PRIORITY_CRITICAL'],
        channels: [],
      },
      targets: [
        { target: SlaTarget.SLA_TARGET_FIRST_RESPONSE, targetMs: 900_000, calendarId },
        { target: SlaTarget.SLA_TARGET_RESOLUTION, targetMs: 14_400_000, calendarId },
      ],
      pauseRules: [
        { status: 'TICKET_STATUS_PENDING', reasons: ['PENDING_REASON_AWAITING_CUSTOMER'] },
      ],
    });
    expect(toPolicyDraft({ ...vip, order: undefined, active: false, kind: 'ola' })).toMatchObject({
      order: 0,
      inactive: true,
      kind: PolicyKind.POLICY_KIND_OLA,
    });
    const stored: SlaPolicy = {
      ...draft,
      id: policyId,
      active: true,
      version: 1,
      createdAt: toTimestamp(at),
      updatedAt: toTimestamp(at),
    };
    expect(toPolicyDto(stored)).toEqual({
      id: policyId,
      name: 'VIP incidents',
      kind: 'sla',
      order: 1,
      conditions: {
        types: ['incident'],
        priorities: ['critical'],
        serviceIds: [],
        organizationIds: ['org-vip'],
        categoryIds: [],
        channels: [],
      },
      targets: vip.targets,
      warningThresholds: [0.75],
      pauseRules: [{ status: 'pending', reasons: ['awaiting_customer'] }],
      active: true,
      version: 1,
      createdAt: '2026-11-27T08:30:00.250Z',
      updatedAt: '2026-11-27T08:30:00.250Z',
    });
  });

  it.each([
    ['targets.resolution.calendarId', 'targets[1].calendarId'],
    ['targets.ola', 'targets'],
    ['pauseWhen[0].status', 'pauseRules[0].status'],
    ['warningThresholds[1]', 'warningThresholds[1]'],
  ])('names the service’s field %s as %s', (field, restField) => {
    expect(policyFieldName(vip)(field)).toBe(restField);
  });

  it('renames the fields of a refusal on its way to the problem filter', async () => {
    const metadata = new Metadata();
    metadata.set(
      ErrorMetadata.violations,
      Buffer.from(JSON.stringify([{ field: 'week.5[0]', message: 'overlaps' }])),
    );
    const refusal = { code: status.INVALID_ARGUMENT, details: 'invalid', metadata };
    await expect(withRestFieldNames(Promise.reject(refusal), calendarFieldName)).rejects.toBe(
      refusal,
    );
    expect(JSON.parse(String(metadata.get(ErrorMetadata.violations)[0]))).toEqual([
      { field: 'workingHours.friday[0]', message: 'overlaps' },
    ]);
  });
});

describe('a ticket’s SLA as REST', () => {
  it('shows the due time in UTC and in the calendar’s zone, and time left in parts', () => {
    const dto = toTicketSlaDto(
      {
        ticketId: '0193a7a0-0000-7000-8000-000000000001',
        asOf: toTimestamp(new Date('2026-11-23T10:35:30Z')),
        clocks: [
          {
            target: SlaTarget.SLA_TARGET_RESOLUTION,
            state: ClockState.CLOCK_STATE_RUNNING,
            dueAt: toTimestamp(new Date('2026-11-23T09:30:00Z')),
            targetMs: 14_400_000,
            elapsedMs: 18_330_000,
            remainingMs: -3_930_000,
            policyId,
            policyName: 'VIP incidents',
            calendarId,
            timeZone: 'Europe/Moscow',
            warnings: [
              {
                threshold: 0.75,
                dueAt: toTimestamp(new Date('2026-11-23T08:30:00Z')),
                firedAt: undefined,
              },
            ],
            startedAt: toTimestamp(new Date('2026-11-20T14:30:00Z')),
            breachedAt: toTimestamp(new Date('2026-11-23T09:30:00Z')),
            stoppedAt: undefined,
          },
        ],
      },
      'INC-000001',
    );
    expect(dto).toEqual({
      ticketId: '0193a7a0-0000-7000-8000-000000000001',
      ticketNumber: 'INC-000001',
      asOf: '2026-11-23T10:35:30.000Z',
      clocks: [
        {
          target: 'resolution',
          state: 'running',
          dueAt: '2026-11-23T09:30:00.000Z',
          dueAtLocal: '2026-11-23T12:30:00+03:00',
          timeZone: 'Europe/Moscow',
          targetMs: 14_400_000,
          elapsedMs: 18_330_000,
          remainingMs: -3_930_000,
          remaining: { overdue: true, hours: 1, minutes: 5, seconds: 30 },
          policyId,
          policyName: 'VIP incidents',
          calendarId,
          warnings: [{ threshold: 0.75, dueAt: '2026-11-23T08:30:00.000Z', firedAt: null }],
          startedAt: '2026-11-20T14:30:00.000Z',
          breachedAt: '2026-11-23T09:30:00.000Z',
          stoppedAt: null,
        },
      ],
    });
  });

  it.each([
    [0, { overdue: false, hours: 0, minutes: 0, seconds: 0 }],
    [30 * 3_600_000 + 59_999, { overdue: false, hours: 30, minutes: 0, seconds: 59 }],
    [-1, { overdue: true, hours: 0, minutes: 0, seconds: 0 }],
  ])('puts %d ms in parts', (ms, parts) => {
    expect(businessDurationOf(ms)).toEqual(parts);
  });

  it.each([
    ['2026-11-23T09:30:00Z', 'Europe/Moscow', '2026-11-23T12:30:00+03:00'],
    ['2026-03-29T01:30:00.5Z', 'Europe/Berlin', '2026-03-29T03:30:00.500+02:00'],
    ['2026-01-10T12:00:00Z', 'America/St_Johns', '2026-01-10T08:30:00-03:30'],
    ['2026-01-10T12:00:00Z', 'UTC', '2026-01-10T12:00:00+00:00'],
  ])('writes %s in %s as %s', (instant, zone, local) => {
    expect(toLocalIso(new Date(instant), zone)).toBe(local);
  });
});

describe('the compliance report as REST', () => {
  const query = {
    groupBy: 'policy' as const,
    from: '2026-11-01T00:00:00+03:00',
    to: '2026-12-01T00:00:00+03:00',
  };

  it('asks for the period in instants and shows a share only where something was decided', () => {
    const request = toComplianceReportRequest(query);
    expect(request).toEqual({
      groupBy: ComplianceGrouping.COMPLIANCE_GROUPING_POLICY,
      periodStart: toTimestamp(new Date('2026-10-31T21:00:00Z')),
      periodEnd: toTimestamp(new Date('2026-11-30T21:00:00Z')),
      target: SlaTarget.SLA_TARGET_UNSPECIFIED,
    });
    const row = { key: policyId, label: 'VIP', met: 3, breached: 1, compliancePercent: 75 };
    const none = { key: '', label: '', met: 0, breached: 0, compliancePercent: 100 };
    expect(
      toComplianceReportDto(
        {
          groupBy: request.groupBy,
          periodStart: request.periodStart,
          periodEnd: request.periodEnd,
          rows: [row, none],
          total: row,
        },
        query,
      ),
    ).toEqual({
      groupBy: 'policy',
      from: '2026-10-31T21:00:00.000Z',
      to: '2026-11-30T21:00:00.000Z',
      target: null,
      rows: [row, { key: null, label: null, met: 0, breached: 0, compliancePercent: null }],
      total: row,
    });
  });
});

describe('the list of clocks at risk and breached as REST', () => {
  it('asks for the condition and period, and leaves out what the caller did not name', () => {
    expect(
      toListClocksRequest({
        condition: 'breached',
        since: '2026-11-23T00:00:00+03:00',
        timeZone: 'Europe/Moscow',
      }),
    ).toEqual({
      condition: ClockCondition.CLOCK_CONDITION_BREACHED,
      breachedSince: toTimestamp(new Date('2026-11-22T21:00:00Z')),
      breachedUntil: undefined,
      timeZone: 'Europe/Moscow',
      groupId: '',
      pageSize: 0,
      pageToken: '',
    });
  });

  it('shows instants in UTC, null for what is absent, and counts per condition', () => {
    const dueAt = new Date('2026-11-23T09:30:00Z');
    const dto = toSlaClockListDto(
      {
        clocks: [
          {
            ticketId: 't-1',
            ticketNumber: 'INC-000001',
            target: SlaTarget.SLA_TARGET_FIRST_RESPONSE,
            state: ClockState.CLOCK_STATE_RUNNING,
            dueAt: toTimestamp(dueAt),
            breachedAt: undefined,
            warningIssuedAt: toTimestamp(new Date('2026-11-23T09:00:00Z')),
            policyId: 'p-1',
            policyName: '',
            groupId: 'desk',
          },
        ],
        nextPageToken: '',
        atRiskCount: 1,
        breachedCount: 4,
        breachedSince: toTimestamp(new Date('2026-11-22T21:00:00Z')),
        breachedUntil: undefined,
      },
      { condition: 'at_risk' },
    );
    expect(dto).toEqual({
      condition: 'at_risk',
      since: '2026-11-22T21:00:00.000Z',
      until: null,
      counts: { atRisk: 1, breached: 4 },
      items: [
        {
          ticketId: 't-1',
          ticketNumber: 'INC-000001',
          target: 'first_response',
          state: 'running',
          dueAt: '2026-11-23T09:30:00.000Z',
          breachedAt: null,
          warningIssuedAt: '2026-11-23T09:00:00.000Z',
          policyId: 'p-1',
          policyName: null,
          groupId: 'desk',
        },
      ],
      nextPageToken: null,
    });
  });
});
