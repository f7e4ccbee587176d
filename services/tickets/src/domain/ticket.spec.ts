import {
  DESCRIPTION_MAX_LENGTH,
  formatTicketNumber,
  openTicket,
  TITLE_MAX_LENGTH,
  type TicketRequest,
  validateTicketRequest,
} from './ticket';
import { TicketError, TicketErrorCode } from './ticket-error';

const request: TicketRequest = {
  type: 'incident',
  title: '  VPN does not connect  ',
  description: 'Since this morning the client times out.',
  impact: 'high',
  urgency: 'high',
  channel: 'portal',
  requesterId: 'emp-42',
  organizationId: undefined,
};
const context = {
  id: '0193a7a0-0000-7000-8000-000000000001',
  sequence: 123,
  now: new Date('2026-11-27T09:00:00Z'),
};

function violationsOf(invalid: TicketRequest): string[] {
  try {
    validateTicketRequest(invalid);
  } catch (error) {
    expect(error).toBeInstanceOf(TicketError);
    expect((error as TicketError).code).toBe(TicketErrorCode.ValidationFailed);
    return (error as TicketError).violations.map(({ field, message }) => `${field}: ${message}`);
  }
  throw new Error('expected the request to be refused');
}

describe('ticket numbers', () => {
  it.each([
    ['incident', 1, 'INC-000001'],
    ['incident', 123, 'INC-000123'],
    ['service_request', 42, 'REQ-000042'],
    ['incident', 1234567, 'INC-1234567'],
  ] as const)('%s #%d is %s', (type, sequence, number) => {
    expect(formatTicketNumber(type, sequence)).toBe(number);
  });

  it.each([0, -1, 1.5])('refuses sequence %d', (sequence) => {
    expect(() => formatTicketNumber('incident', sequence)).toThrow(RangeError);
  });
});

describe('opening a ticket', () => {
  it('numbers, prioritises and trims a valid request', () => {
    const ticket = openTicket(validateTicketRequest(request), context);
    expect(ticket).toEqual({
      id: context.id,
      number: 'INC-000123',
      type: 'incident',
      title: 'VPN does not connect',
      description: 'Since this morning the client times out.',
      status: 'new',
      impact: 'high',
      urgency: 'high',
      priority: 'critical',
      channel: 'portal',
      requesterId: 'emp-42',
      organizationId: null,
      assignmentGroupId: null,
      assigneeId: null,
      pendingReason: null,
      resolutionCode: null,
      resolutionNotes: '',
      createdAt: context.now,
      updatedAt: context.now,
      resolvedAt: null,
      closedAt: null,
      firstRespondedAt: null,
      priorityReason: null,
      version: 1,
      rootCause: '',
      workaround: '',
      knownErrorAt: null,
      changeKind: null,
      risk: null,
      backoutPlan: '',
      plannedStart: null,
      plannedEnd: null,
      approvalId: null,
      implementationStartedAt: null,
      implementationOutcome: null,
      implementationNotes: '',
      completedAt: null,
      configurationItemIds: [],
      tags: [],
      watcherIds: [],
      satisfactionRating: null,
      satisfactionComment: '',
      ratedAt: null,
      serviceId: null,
      categoryId: null,
      catalogItemId: null,
      customFields: {},
      reportedAt: new Date('2026-11-27T09:00:00Z'),
    });
  });

  it('defaults impact and urgency to medium and the channel to api', () => {
    const ticket = openTicket(
      validateTicketRequest({
        ...request,
        impact: undefined,
        urgency: undefined,
        channel: undefined,
      }),
      context,
    );
    expect(ticket).toMatchObject({
      impact: 'medium',
      urgency: 'medium',
      priority: 'medium',
      channel: 'api',
    });
  });

  it('keeps the organisation of a customer requester', () => {
    const ticket = openTicket(
      validateTicketRequest({ ...request, organizationId: 'org-7' }),
      context,
    );
    expect(ticket.organizationId).toBe('org-7');
  });
});

describe('validating a ticket request', () => {
  it('reports every problem at once', () => {
    expect(violationsOf({ ...request, type: undefined, title: '   ', requesterId: '' })).toEqual([
      'type: type is required',
      'title: title must not be empty',
      'requesterId: requesterId is required',
    ]);
  });

  it('limits the title and description lengths', () => {
    expect(
      violationsOf({
        ...request,
        title: 'x'.repeat(TITLE_MAX_LENGTH + 1),
        description: 'y'.repeat(DESCRIPTION_MAX_LENGTH + 1),
      }),
    ).toEqual([
      `title: title must be at most ${TITLE_MAX_LENGTH} characters`,
      `description: description must be at most ${DESCRIPTION_MAX_LENGTH} characters`,
    ]);
  });

  it('accepts a title of exactly the maximum length', () => {
    expect(
      validateTicketRequest({ ...request, title: 'x'.repeat(TITLE_MAX_LENGTH) }).title,
    ).toHaveLength(TITLE_MAX_LENGTH);
  });
});

describe('opening problems and changes', () => {
  const base = {
    title: 'Nightly backup fails',
    description: '',
    impact: undefined,
    urgency: undefined,
    channel: undefined,
    requesterId: 'emp-1',
    organizationId: undefined,
  };
  const context = { id: '0193a7a0-0000-7000-8000-000000000009', sequence: 7, now: new Date() };

  it('opens a problem as new and a change as a normal draft with its CIs, each numbered by type', () => {
    const problem = openTicket(validateTicketRequest({ ...base, type: 'problem' }), context);
    expect(problem).toMatchObject({ number: 'PRB-000007', status: 'new', changeKind: null });
    const change = openTicket(
      validateTicketRequest({
        ...base,
        type: 'change',
        configurationItemIds: ['ci-db-01', ' ci-db-01 ', 'ci-app-02'],
      }),
      context,
    );
    expect(change).toMatchObject({
      number: 'CHG-000007',
      status: 'draft',
      changeKind: 'normal',
      configurationItemIds: ['ci-db-01', 'ci-app-02'],
    });
  });

  it('refuses change fields on other types and a window that ends before it starts', () => {
    const start = new Date('2026-12-01T22:00:00Z');
    expect(() =>
      validateTicketRequest({
        ...base,
        type: 'incident',
        changeKind: 'standard',
        plannedStart: start,
        plannedEnd: new Date(start.getTime() - 60_000),
      }),
    ).toThrow(
      expect.objectContaining({
        violations: [
          { field: 'changeKind', message: 'only a change has changeKind' },
          { field: 'plannedStart', message: 'only a change has plannedStart' },
          { field: 'plannedEnd', message: 'only a change has plannedEnd' },
          { field: 'plannedEnd', message: 'plannedStart must be before plannedEnd' },
        ],
      }) as Error,
    );
  });
});

describe('tickets logged after the fact', () => {
  const now = new Date('2026-11-27T09:00:00Z');
  const request = validateTicketRequest({
    type: 'incident',
    title: 'Called at 17:30 on Friday: VPN down',
    description: '',
    impact: undefined,
    urgency: undefined,
    channel: 'phone',
    requesterId: 'emp-1',
    organizationId: undefined,
  });
  const context = { id: '0193a7a0-0000-7000-8000-00000000000a', sequence: 9, now };

  it('keep the time they were reported, before their creation', () => {
    const reportedAt = new Date('2026-11-20T14:30:00Z');
    expect(openTicket({ ...request, reportedAt }, context)).toMatchObject({
      reportedAt,
      createdAt: now,
    });
    expect(openTicket(request, context).reportedAt).toEqual(now);
  });

  it.each([
    ['in the future', new Date('2026-11-27T10:00:00Z')],
    ['more than 30 days ago', new Date('2026-10-27T08:59:00Z')],
  ])('refuse a reported time %s', (_, reportedAt) => {
    expect(() => openTicket({ ...request, reportedAt }, context)).toThrow(
      expect.objectContaining({
        violations: [expect.objectContaining({ field: 'reportedAt' })],
      }) as Error,
    );
  });
});
