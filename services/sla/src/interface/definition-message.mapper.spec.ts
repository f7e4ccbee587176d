import {
  CalendarKind,
  type CalendarDefinition as CalendarDefinitionMessage,
  Channel,
  PendingReason,
  PolicyKind,
  type PolicyDraft as PolicyDraftMessage,
  Priority,
  SlaTarget,
  TicketStatus,
  TicketType,
  toTimestamp,
  Weekday,
} from '@itsm/contracts';
import type { StoredCalendar, StoredPolicy } from '../application/ports/definition-store';
import { SlaErrorCode } from '../domain/sla-error';
import {
  toCalendarMessage,
  toCalendarRules,
  toPolicyDraft,
  toPolicyMessage,
} from './definition-message.mapper';

const calendarId = '0194b000-0000-7000-8000-0000000000ca';
const at = new Date('2026-11-27T09:00:00Z');
const nineToSix = [{ startTime: '09:00', endTime: '18:00' }];

const workingHours: CalendarDefinitionMessage = {
  kind: CalendarKind.CALENDAR_KIND_WORKING_HOURS,
  timeZone: 'Europe/Moscow',
  week: [
    { weekday: Weekday.WEEKDAY_MONDAY, hours: nineToSix },
    {
      weekday: Weekday.WEEKDAY_FRIDAY,
      hours: [
        { startTime: '09:00', endTime: '13:00' },
        { startTime: '14:00', endTime: '17:00' },
      ],
    },
  ],
  holidays: ['2026-12-31'],
  workingDays: [{ date: '2026-12-26', hours: nineToSix }],
  holidayNames: { '2026-12-31': 'New Year’s Eve' },
};

const policyDraft: PolicyDraftMessage = {
  name: 'VIP incidents',
  kind: PolicyKind.POLICY_KIND_UNSPECIFIED,
  order: 0,
  conditions: {
    types: [TicketType.TICKET_TYPE_INCIDENT],
    priorities: [Priority.PRIORITY_CRITICAL, Priority.PRIORITY_HIGH],
    serviceIds: [],
    organizationIds: ['org-vip'],
    categoryIds: [],
    channels: [Channel.CHANNEL_PHONE],
  },
  targets: [{ target: SlaTarget.SLA_TARGET_RESOLUTION, targetMs: 14_400_000, calendarId }],
  warningThresholds: [0.75],
  pauseRules: [
    {
      status: TicketStatus.TICKET_STATUS_PENDING,
      reasons: [PendingReason.PENDING_REASON_AWAITING_CUSTOMER],
    },
  ],
  inactive: false,
};

describe('calendars over gRPC', () => {
  it('reads working hours per ISO weekday in the domain’s spelling', () => {
    expect(toCalendarRules(workingHours)).toEqual({
      kind: 'working_hours',
      timeZone: 'Europe/Moscow',
      week: {
        1: [{ from: '09:00', to: '18:00' }],
        5: [
          { from: '09:00', to: '13:00' },
          { from: '14:00', to: '17:00' },
        ],
      },
      holidays: ['2026-12-31'],
      holidayNames: { '2026-12-31': 'New Year’s Eve' },
      workingDays: [{ date: '2026-12-26', hours: [{ from: '09:00', to: '18:00' }] }],
    });
  });

  it('reads a calendar without holiday names as one without names, and writes it back so', () => {
    const unnamed = { ...workingHours, holidayNames: {} };
    const rules = toCalendarRules(unnamed);
    expect(rules).not.toHaveProperty('holidayNames');
    const stored: StoredCalendar = {
      name: 'Moscow office',
      definition: { ...rules, id: calendarId } as StoredCalendar['definition'],
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    expect(toCalendarMessage(stored).definition).toEqual(unnamed);
  });

  it('writes back what it read, weekdays in order', () => {
    const stored: StoredCalendar = {
      name: 'Moscow office',
      definition: {
        ...toCalendarRules(workingHours),
        id: calendarId,
      } as StoredCalendar['definition'],
      version: 3,
      createdAt: at,
      updatedAt: at,
    };
    expect(toCalendarMessage(stored)).toEqual({
      id: calendarId,
      name: 'Moscow office',
      definition: workingHours,
      version: 3,
      createdAt: toTimestamp(at),
      updatedAt: toTimestamp(at),
    });
  });

  it('reads a 24×7 calendar', () => {
    expect(
      toCalendarRules({
        kind: CalendarKind.CALENDAR_KIND_ALWAYS_ON,
        timeZone: 'UTC',
        week: [],
        holidays: [],
        workingDays: [],
        holidayNames: {},
      }),
    ).toEqual({ kind: '24x7', timeZone: 'UTC' });
  });

  it.each<[string, CalendarDefinitionMessage | undefined, string[]]>([
    ['no definition', undefined, ['definition']],
    [
      'no kind',
      { ...workingHours, kind: CalendarKind.CALENDAR_KIND_UNSPECIFIED },
      ['definition.kind'],
    ],
    [
      'a weekday twice and one unset',
      {
        ...workingHours,
        week: [
          { weekday: Weekday.WEEKDAY_MONDAY, hours: nineToSix },
          { weekday: Weekday.WEEKDAY_MONDAY, hours: nineToSix },
          { weekday: Weekday.WEEKDAY_UNSPECIFIED, hours: nineToSix },
        ],
      },
      ['definition.week[1].weekday', 'definition.week[2].weekday'],
    ],
    [
      'hours on a 24×7 calendar',
      { ...workingHours, kind: CalendarKind.CALENDAR_KIND_ALWAYS_ON },
      ['definition.week'],
    ],
  ])('refuses %s', (_label, message, fields) => {
    expect(() => toCalendarRules(message)).toThrow(
      expect.objectContaining({
        code: SlaErrorCode.ValidationFailed,
        violations: fields.map((field) => expect.objectContaining({ field })),
      }),
    );
  });
});

describe('policies over gRPC', () => {
  it('reads a draft in the tickets domain’s spelling; unspecified kind is an SLA', () => {
    expect(toPolicyDraft(policyDraft)).toEqual({
      name: 'VIP incidents',
      kind: 'sla',
      order: null,
      conditions: {
        types: ['incident'],
        priorities: ['critical', 'high'],
        organizationIds: ['org-vip'],
        channels: ['phone'],
      },
      targets: { resolution: { targetMs: 14_400_000, calendarId } },
      warningThresholds: [0.75],
      pauseWhen: [{ status: 'pending', reasons: ['awaiting_customer'] }],
      active: true,
    });
    expect(toPolicyDraft({ ...policyDraft, order: 7, inactive: true })).toMatchObject({
      order: 7,
      active: false,
    });
  });

  it('writes a stored policy back as the draft it was read from', () => {
    const { conditions, targets, warningThresholds, pauseWhen } = toPolicyDraft(policyDraft);
    const stored: StoredPolicy = {
      policy: {
        id: 'p-1',
        name: 'VIP incidents',
        order: 10,
        conditions,
        targets,
        warningThresholds,
        pauseWhen,
      },
      kind: 'sla',
      active: true,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    expect(toPolicyMessage(stored)).toEqual({
      id: 'p-1',
      name: 'VIP incidents',
      kind: PolicyKind.POLICY_KIND_SLA,
      order: 10,
      conditions: policyDraft.conditions,
      targets: policyDraft.targets,
      warningThresholds: [0.75],
      pauseRules: policyDraft.pauseRules,
      active: true,
      version: 1,
      createdAt: toTimestamp(at),
      updatedAt: toTimestamp(at),
    });
  });

  it('refuses unset enum values and a target listed twice, naming each', () => {
    expect(() =>
      toPolicyDraft({
        ...policyDraft,
        conditions: {
          types: [TicketType.TICKET_TYPE_UNSPECIFIED],
          priorities: [],
          serviceIds: [],
          organizationIds: [],
          categoryIds: [],
          channels: [],
        },
        targets: [
          { target: SlaTarget.SLA_TARGET_RESOLUTION, targetMs: 1, calendarId },
          { target: SlaTarget.SLA_TARGET_RESOLUTION, targetMs: 2, calendarId },
          { target: SlaTarget.SLA_TARGET_UNSPECIFIED, targetMs: 2, calendarId },
        ],
        pauseRules: [{ status: TicketStatus.UNRECOGNIZED, reasons: [] }],
      }),
    ).toThrow(
      expect.objectContaining({
        violations: [
          expect.objectContaining({ field: 'conditions.types[0]' }),
          expect.objectContaining({ field: 'targets[1].target' }),
          expect.objectContaining({ field: 'targets[2].target' }),
          expect.objectContaining({ field: 'pauseRules[0].status' }),
        ],
      }),
    );
  });
});
