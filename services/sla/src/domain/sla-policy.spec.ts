import { HOUR_MS } from '@itsm/zoned-time';
import { SlaError, SlaErrorCode } from './sla-error';
import {
  isPausing,
  type PolicyKind,
  selectPolicy,
  type SlaPolicy,
  type TicketFacts,
  validatePolicy,
} from './sla-policy';

function policy(id: string, order: number, overrides: Partial<SlaPolicy> = {}): SlaPolicy {
  return {
    id,
    name: id,
    order,
    conditions: {},
    targets: {
      first_response: { targetMs: HOUR_MS, calendarId: 'moscow-office' },
      resolution: { targetMs: 8 * HOUR_MS, calendarId: 'moscow-office' },
    },
    warningThresholds: [0.75, 0.9],
    pauseWhen: [{ status: 'pending', reasons: ['awaiting_customer'] }],
    ...overrides,
  };
}

// Listed out of order on purpose: the order field decides.
const policies: SlaPolicy[] = [
  policy('default', 100),
  policy('requests', 30, { conditions: { types: ['service_request'] } }),
  policy('critical', 20, { conditions: { priorities: ['critical'] } }),
  policy('vip-critical', 10, {
    conditions: { organizationIds: ['org-vip'], priorities: ['critical', 'high'] },
  }),
  policy('email-hardware', 40, {
    conditions: { channels: ['email'], categoryIds: ['cat-hardware'], serviceIds: ['svc-laptops'] },
  }),
];

function violationsOf(invalid: SlaPolicy): string[] {
  try {
    validatePolicy(invalid);
  } catch (error) {
    expect(error).toBeInstanceOf(SlaError);
    expect((error as SlaError).code).toBe(SlaErrorCode.ValidationFailed);
    return (error as SlaError).violations.map(({ field, message }) => `${field}: ${message}`);
  }
  throw new Error('expected the policy to be refused');
}

const incident: TicketFacts = {
  type: 'incident',
  priority: 'medium',
  serviceId: null,
  organizationId: null,
  categoryId: null,
  channel: 'portal',
};

describe('selecting the policy of a ticket', () => {
  it.each<[string, Partial<TicketFacts>, string]>([
    ['an ordinary incident', {}, 'default'],
    ['a critical incident', { priority: 'critical' }, 'critical'],
    [
      'a critical incident of a VIP organisation',
      { priority: 'critical', organizationId: 'org-vip' },
      'vip-critical',
    ],
    [
      'a high incident of a VIP organisation',
      { priority: 'high', organizationId: 'org-vip' },
      'vip-critical',
    ],
    [
      'a medium incident of a VIP organisation',
      { priority: 'medium', organizationId: 'org-vip' },
      'default',
    ],
    ['a service request', { type: 'service_request' }, 'requests'],
    ['a critical service request', { type: 'service_request', priority: 'critical' }, 'critical'],
    [
      'an emailed laptop incident',
      { channel: 'email', categoryId: 'cat-hardware', serviceId: 'svc-laptops' },
      'email-hardware',
    ],
    [
      'an emailed incident without a service',
      { channel: 'email', categoryId: 'cat-hardware' },
      'default',
    ],
  ])('%s gets %s', (_label, facts, id) => {
    expect(selectPolicy(policies, { ...incident, ...facts })?.id).toBe(id);
  });

  it('finds none when nothing matches', () => {
    expect(
      selectPolicy(
        policies.filter((p) => p.id !== 'default'),
        incident,
      ),
    ).toBeNull();
  });

  it('keeps the list order between policies of the same order', () => {
    const tied = [policy('first', 5), policy('second', 5)];
    expect(selectPolicy(tied, incident)?.id).toBe('first');
  });

  it('treats an empty condition list as any', () => {
    expect(selectPolicy([policy('any', 1, { conditions: { types: [] } })], incident)?.id).toBe(
      'any',
    );
  });
});

describe('pausing by ticket status', () => {
  const pausing = policy('pausing', 1, {
    pauseWhen: [
      { status: 'pending', reasons: ['awaiting_customer', 'awaiting_vendor'] },
      { status: 'on_hold' },
    ],
  });

  it.each<[string, string | null, boolean]>([
    ['pending', 'awaiting_customer', true],
    ['pending', 'awaiting_vendor', true],
    ['pending', 'awaiting_change', false],
    ['pending', null, false],
    ['on_hold', null, true],
    ['on_hold', 'anything', true],
    ['in_progress', null, false],
    ['resolved', null, false],
  ])('status %s with reason %s pauses: %s', (status, reason, pauses) => {
    expect(isPausing(pausing, status, reason)).toBe(pauses);
  });

  it('never pauses without pause rules', () => {
    expect(
      isPausing(policy('no-pause', 1, { pauseWhen: [] }), 'pending', 'awaiting_customer'),
    ).toBe(false);
  });
});

describe('validating a policy', () => {
  it('accepts a valid policy as it is', () => {
    const valid = policy('valid', 1);
    expect(validatePolicy(valid)).toBe(valid);
  });

  it('reports every problem at once', () => {
    expect(
      violationsOf(
        policy(' ', 1.5, {
          name: '',
          targets: {
            first_response: { targetMs: 0, calendarId: 'moscow-office' },
            resolution: { targetMs: HOUR_MS, calendarId: ' ' },
          },
          warningThresholds: [0.9, 0.5],
          pauseWhen: [{ status: '' }],
        }),
      ),
    ).toEqual([
      'id: id is required',
      'name: name must not be empty',
      'order: order must be a whole number from 1, not 1.5',
      'targets.first_response.targetMs: targetMs must be a positive whole number of ms, not 0',
      'targets.resolution.calendarId: calendarId is required',
      'warningThresholds[1]: warning thresholds must be ascending without repeats',
      'pauseWhen[0].status: status is required',
    ]);
  });

  it('needs at least one target', () => {
    expect(() => validatePolicy(policy('none', 1, { targets: {} }))).toThrow(
      expect.objectContaining({
        violations: [{ field: 'targets', message: 'a policy needs at least one target' }],
      }),
    );
  });

  it('lets an SLA set first response and resolution, and an OLA only the group target', () => {
    const both = policy('both', 1, {
      targets: {
        first_response: { targetMs: HOUR_MS, calendarId: 'moscow-office' },
        ola: { targetMs: HOUR_MS, calendarId: 'moscow-office' },
      },
    });
    expect(validatePolicy(both)).toBe(both);
    const refused = (kind: PolicyKind) => {
      try {
        validatePolicy(both, kind);
      } catch (error) {
        return (error as SlaError).violations.map(({ field }) => field);
      }
      return [];
    };
    expect(refused('sla')).toEqual(['targets.ola']);
    expect(refused('ola')).toEqual(['targets.first_response']);
  });

  it('refuses empty condition values', () => {
    expect(
      violationsOf(policy('blank', 1, { conditions: { organizationIds: ['org-1', ' '] } })),
    ).toEqual(['conditions.organizationIds[1]: a condition value must not be empty']);
  });
});
