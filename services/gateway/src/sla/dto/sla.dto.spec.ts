import type { ArgumentMetadata } from '@nestjs/common';
import { apiValidationPipe } from '../../configure-http';
import { ValidationException } from '../../problem/validation.exception';
import { WriteCalendarDto } from './calendar.dto';
import { ComplianceReportQueryDto } from './compliance-report.dto';
import { ListPoliciesQueryDto, WritePolicyDto } from './policy.dto';
import { SlaClockListQueryDto } from './sla-clock-list.dto';

const pipe = apiValidationPipe();
const calendarId = '0193a7a0-0000-7000-8000-0000000000ca';

function accept(
  metatype: ArgumentMetadata['metatype'],
  value: unknown,
  type: ArgumentMetadata['type'] = 'body',
): Promise<unknown> {
  return pipe.transform(value, { type, metatype });
}

async function refusedFields(
  metatype: ArgumentMetadata['metatype'],
  value: unknown,
  type: ArgumentMetadata['type'] = 'body',
): Promise<string[]> {
  try {
    await accept(metatype, value, type);
    return [];
  } catch (error) {
    if (!(error instanceof ValidationException)) throw error;
    return [...new Set(error.errors.map(({ field }) => field))].sort();
  }
}

const moscowOffice = {
  name: 'Moscow office',
  kind: 'working_hours',
  timeZone: 'Europe/Moscow',
  workingHours: {
    monday: [{ from: '09:00', to: '18:00' }],
    friday: [
      { from: '09:00', to: '13:00' },
      { from: '14:00', to: '17:00' },
    ],
  },
  holidays: ['2027-01-01'],
  holidayNames: { '2027-01-01': 'Новый год' },
  workingDays: [{ date: '2026-12-26', hours: [{ from: '10:00', to: '15:00' }] }],
};

const vipPolicy = {
  name: 'VIP incidents',
  order: 1,
  conditions: { types: ['incident'], priorities: ['critical'], organizationIds: ['org-vip'] },
  targets: [{ target: 'resolution', targetMs: 14_400_000, calendarId }],
  warningThresholds: [0.75, 0.9],
  pauseRules: [{ status: 'pending', reasons: ['awaiting_customer'] }],
};

describe('SLA bodies and queries', () => {
  it('take a calendar with several intervals a day, holidays and moved working days', async () => {
    expect(await accept(WriteCalendarDto, moscowOffice)).toMatchObject(moscowOffice);
    expect(
      await accept(WriteCalendarDto, { name: '24×7', kind: 'always_on', timeZone: 'UTC' }),
    ).toMatchObject({ kind: 'always_on' });
  });

  it('refuse a calendar of the wrong shape field by field; the values are the service’s to judge', async () => {
    expect(
      await refusedFields(WriteCalendarDto, {
        ...moscowOffice,
        kind: '24x7',
        workingHours: { monday: [{ from: 9 }], funday: [] },
        holidays: '2027-01-01',
      }),
    ).toEqual([
      'holidays',
      'kind',
      'workingHours.funday',
      'workingHours.monday.0.from',
      'workingHours.monday.0.to',
    ]);
  });

  it.each([
    ['a list', ['Новый год']],
    ['a name that is not a string', { '2027-01-01': 1 }],
    ['a string', 'Новый год'],
  ])('refuse holiday names given as %s', async (_label, holidayNames) => {
    expect(await refusedFields(WriteCalendarDto, { ...moscowOffice, holidayNames })).toEqual([
      'holidayNames',
    ]);
  });

  it('take a policy in the API’s spellings, and refuse unknown ones', async () => {
    expect(await accept(WritePolicyDto, vipPolicy)).toMatchObject(vipPolicy);
    expect(
      await refusedFields(WritePolicyDto, {
        ...vipPolicy,
        kind: 'gold',
        order: 0,
        conditions: { priorities: ['urgent'], serviceIds: ['svc-1'] },
        targets: [{ target: 'lunch', targetMs: 0, calendarId: 'moscow' }],
        pauseRules: [{ status: 'waiting' }],
      }),
    ).toEqual([
      'conditions.priorities',
      'conditions.serviceIds',
      'kind',
      'order',
      'pauseRules.0.status',
      'targets.0.calendarId',
      'targets.0.target',
      'targets.0.targetMs',
    ]);
    expect(await refusedFields(WritePolicyDto, { ...vipPolicy, targets: [] })).toEqual(['targets']);
  });

  it('read the compliance report’s query and the policy list’s flag', async () => {
    expect(
      await accept(
        ComplianceReportQueryDto,
        { groupBy: 'group', from: '2026-11-01T00:00:00+03:00', to: '2026-12-01T00:00:00+03:00' },
        'query',
      ),
    ).toMatchObject({ groupBy: 'group' });
    expect(
      await refusedFields(
        ComplianceReportQueryDto,
        { groupBy: 'team', from: '2026-11-31', to: 'tomorrow', target: 'lunch' },
        'query',
      ),
    ).toEqual(['from', 'groupBy', 'target', 'to']);
    expect(await accept(ListPoliciesQueryDto, { includeInactive: 'true' }, 'query')).toEqual({
      includeInactive: true,
    });
  });

  it('takes a list of clocks by condition, with a page size from 1 to 100', async () => {
    expect(
      await accept(
        SlaClockListQueryDto,
        { condition: 'at_risk', timeZone: 'Europe/Moscow', pageSize: '50' },
        'query',
      ),
    ).toEqual({ condition: 'at_risk', timeZone: 'Europe/Moscow', pageSize: 50 });
    expect(await refusedFields(SlaClockListQueryDto, {}, 'query')).toEqual(['condition']);
    expect(
      await refusedFields(
        SlaClockListQueryDto,
        { condition: 'late', since: 'today', until: '2026-02-30T00:00:00Z', pageSize: '0' },
        'query',
      ),
    ).toEqual(['condition', 'pageSize', 'since', 'until']);
    expect(
      await refusedFields(
        SlaClockListQueryDto,
        { condition: 'breached', pageSize: '101' },
        'query',
      ),
    ).toEqual(['pageSize']);
  });
});
