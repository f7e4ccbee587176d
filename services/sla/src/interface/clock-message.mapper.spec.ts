import { ClockState, ComplianceGrouping, SlaTarget, toTimestamp } from '@itsm/contracts';
import type { TicketClock } from '../application/ports/clock-store';
import {
  toComplianceQuery,
  toComplianceResponse,
  toTicketSlaResponse,
} from './clock-message.mapper';

const at = (iso: string) => new Date(iso);

const breached: TicketClock = {
  id: '0194b000-0000-7000-8000-000000000001',
  ticketId: '0194a000-0000-7000-8000-000000000001',
  ticketNumber: 'INC-000001',
  target: 'resolution',
  policyId: '0194c000-0000-7000-8000-000000000001',
  serviceId: null,
  groupId: 'service-desk',
  calendarId: '5a1aca1e-0000-4000-8000-000000000002',
  state: 'running',
  targetMs: 14_400_000,
  elapsedMs: 0,
  runningSince: at('2026-11-20T14:30:00Z'),
  dueAt: at('2026-11-23T09:30:00Z'),
  warnings: [
    { threshold: 0.75, dueAt: at('2026-11-23T08:30:00Z'), firedAt: at('2026-11-23T08:30:00.2Z') },
  ],
  breachedAt: at('2026-11-23T09:30:00Z'),
  startedAt: at('2026-11-20T14:30:00Z'),
  stoppedAt: null,
  version: 3,
};

describe('a ticket’s SLA over gRPC', () => {
  it('carries each clock with remaining time, policy name and time zone', () => {
    expect(
      toTicketSlaResponse({
        ticketId: breached.ticketId,
        asOf: at('2026-11-23T10:30:00Z'),
        clocks: [
          {
            clock: breached,
            policyName: 'VIP',
            timeZone: 'Europe/Moscow',
            elapsedMs: 18_000_000,
            remainingMs: -3_600_000,
          },
        ],
      }),
    ).toEqual({
      ticketId: breached.ticketId,
      asOf: toTimestamp(at('2026-11-23T10:30:00Z')),
      clocks: [
        {
          target: SlaTarget.SLA_TARGET_RESOLUTION,
          state: ClockState.CLOCK_STATE_RUNNING,
          dueAt: toTimestamp(at('2026-11-23T09:30:00Z')),
          targetMs: 14_400_000,
          elapsedMs: 18_000_000,
          remainingMs: -3_600_000,
          policyId: breached.policyId,
          policyName: 'VIP',
          calendarId: breached.calendarId,
          timeZone: 'Europe/Moscow',
          warnings: [
            {
              threshold: 0.75,
              dueAt: toTimestamp(at('2026-11-23T08:30:00Z')),
              firedAt: toTimestamp(at('2026-11-23T08:30:00.2Z')),
            },
          ],
          startedAt: toTimestamp(at('2026-11-20T14:30:00Z')),
          breachedAt: toTimestamp(at('2026-11-23T09:30:00Z')),
          stoppedAt: undefined,
        },
      ],
    });
  });
});

describe('the compliance report over gRPC', () => {
  const request = {
    groupBy: ComplianceGrouping.COMPLIANCE_GROUPING_GROUP,
    periodStart: toTimestamp(at('2026-11-01T00:00:00Z')),
    periodEnd: toTimestamp(at('2026-12-01T00:00:00Z')),
    target: SlaTarget.SLA_TARGET_UNSPECIFIED,
  };

  it('reads the grouping, the period and an optional target', () => {
    expect(toComplianceQuery(request)).toEqual({
      groupBy: 'group',
      from: at('2026-11-01T00:00:00Z'),
      to: at('2026-12-01T00:00:00Z'),
      target: null,
    });
    expect(
      toComplianceQuery({ ...request, target: SlaTarget.SLA_TARGET_FIRST_RESPONSE }).target,
    ).toBe('first_response');
  });

  it('refuses a request without grouping or period', () => {
    expect(() =>
      toComplianceQuery({
        ...request,
        groupBy: ComplianceGrouping.COMPLIANCE_GROUPING_UNSPECIFIED,
        periodEnd: undefined,
      }),
    ).toThrow(
      expect.objectContaining({
        violations: [
          expect.objectContaining({ field: 'groupBy' }),
          expect.objectContaining({ field: 'to' }),
        ],
      }),
    );
  });

  it('answers rows and total, empty keys for clocks without a group', () => {
    const row = { key: null, label: null, met: 2, breached: 0, compliancePercent: 100 };
    expect(
      toComplianceResponse({ query: toComplianceQuery(request), rows: [row], total: row }),
    ).toEqual({
      groupBy: ComplianceGrouping.COMPLIANCE_GROUPING_GROUP,
      periodStart: request.periodStart,
      periodEnd: request.periodEnd,
      rows: [{ key: '', label: '', met: 2, breached: 0, compliancePercent: 100 }],
      total: { key: '', label: '', met: 2, breached: 0, compliancePercent: 100 },
    });
  });
});
