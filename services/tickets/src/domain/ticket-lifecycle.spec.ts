import {
  INCIDENT_STATUSES,
  type IncidentStatus,
  openTicket,
  type Ticket,
  type TicketStatus,
  type TicketType,
  validateTicketRequest,
} from './ticket';
import { TicketError, TicketErrorCode } from './ticket-error';
import {
  allowedActions,
  DEFAULT_REOPEN_WINDOW_MS,
  type IncidentAction,
  TICKET_ACTIONS,
  type TicketAction,
  transitionTicket,
  type TransitionInput,
} from './ticket-lifecycle';

const opened = new Date('2026-11-27T09:00:00Z');
const now = new Date('2026-11-27T10:00:00Z');
const policy = { now, reopenWindowMs: DEFAULT_REOPEN_WINDOW_MS };

function ticketIn(
  status: TicketStatus,
  overrides: Partial<Ticket> = {},
  type: TicketType = 'incident',
): Ticket {
  const ticket = openTicket(
    validateTicketRequest({
      type,
      title: 'Mail is down',
      description: '',
      impact: 'high',
      urgency: 'high',
      channel: 'email',
      requesterId: 'emp-1',
      organizationId: undefined,
    }),
    { id: '00000000-0000-7000-8000-000000000001', sequence: 1, now: opened },
  );
  return { ...ticket, status, ...overrides };
}

/** Everything any action may need, so the table tests only the state rules. */
const complete: Omit<TransitionInput, 'action'> = {
  actorId: 'agent-7',
  assigneeId: 'agent-7',
  pendingReason: 'awaiting_customer',
  resolutionCode: 'fixed',
  resolutionNotes: 'Restarted the mail gateway.',
};

const expectedTarget: Record<IncidentAction, TicketStatus> = {
  assign: 'assigned',
  start: 'in_progress',
  pend: 'pending',
  resume: 'in_progress',
  resolve: 'resolved',
  close: 'closed',
  reopen: 'in_progress',
  cancel: 'cancelled',
};

const allowed: Record<IncidentStatus, TicketAction[]> = {
  new: ['assign', 'cancel'],
  assigned: ['assign', 'start', 'resolve', 'cancel'],
  in_progress: ['assign', 'pend', 'resolve', 'cancel'],
  pending: ['resume', 'resolve', 'cancel'],
  resolved: ['close', 'reopen'],
  closed: [],
  cancelled: [],
};

// Every action of every type, so an incident refuses what only problems and changes do.
const cases = INCIDENT_STATUSES.flatMap((status) =>
  TICKET_ACTIONS.map((action) => [status, action] as const),
);

describe('incident and service request lifecycle', () => {
  it.each(INCIDENT_STATUSES)('allows from %s exactly the listed actions', (status) => {
    expect(allowedActions({ type: 'incident', status, changeKind: null })).toEqual(allowed[status]);
  });

  it.each(cases.filter(([status, action]) => allowed[status].includes(action)))(
    '%s --%s--> target state, version + 1',
    (status, action) => {
      const ticket = ticketIn(status, { resolvedAt: status === 'resolved' ? now : null });
      const result = transitionTicket(ticket, { action, ...complete }, policy);
      expect(result.from).toBe(status);
      expect(result.ticket.status).toBe(expectedTarget[action as IncidentAction]);
      expect(result.ticket.version).toBe(ticket.version + 1);
      expect(result.ticket.updatedAt).toEqual(now);
    },
  );

  it.each(cases.filter(([status, action]) => !allowed[status].includes(action)))(
    'refuses %s --%s--> naming the current state and the allowed actions',
    (status, action) => {
      let error: unknown;
      try {
        transitionTicket(ticketIn(status), { action, ...complete }, policy);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(TicketError);
      expect(error).toMatchObject({
        code: TicketErrorCode.InvalidTransition,
        details: { currentStatus: status, allowedActions: allowed[status] },
      });
    },
  );
});

describe('each type follows its own lifecycle', () => {
  it('moves a problem by the problem lifecycle and refuses incident actions', () => {
    const problem = ticketIn('new', {}, 'problem');
    expect(problem.number).toBe('PRB-000001');
    const investigating = transitionTicket(
      problem,
      { action: 'investigate', actorId: 'pm' },
      policy,
    );
    expect(investigating.ticket.status).toBe('investigating');
    expect(() => transitionTicket(problem, { action: 'start', actorId: 'pm' }, policy)).toThrow(
      expect.objectContaining({
        code: TicketErrorCode.InvalidTransition,
        details: { currentStatus: 'new', allowedActions: ['investigate', 'assign', 'cancel'] },
      }) as Error,
    );
  });

  it('starts a change as a draft and submits it by the change lifecycle', () => {
    const change = ticketIn('draft', {}, 'change');
    expect(change).toMatchObject({ number: 'CHG-000001', changeKind: 'normal' });
    const submitted = transitionTicket(
      change,
      { action: 'submit', actorId: 'cm', risk: 'low', impact: 'low', backoutPlan: 'Roll back.' },
      policy,
    );
    expect(submitted.ticket).toMatchObject({ status: 'assessment', risk: 'low', version: 2 });
    expect(submitted.changes['status']).toEqual({ from: 'draft', to: 'assessment' });
    expect(() => transitionTicket(change, { action: 'resolve', actorId: 'cm' }, policy)).toThrow(
      expect.objectContaining({ code: TicketErrorCode.InvalidTransition }) as Error,
    );
  });

  it('treats a status outside the type as corrupt data, not as a refusal', () => {
    expect(() =>
      transitionTicket(ticketIn('draft'), { action: 'cancel', actorId: 'a' }, policy),
    ).toThrow(/of type incident has status draft/);
  });
});

describe('what each action needs and records', () => {
  it('assign needs an assignee or a group and records both', () => {
    expect(() =>
      transitionTicket(ticketIn('new'), { action: 'assign', actorId: 'a' }, policy),
    ).toThrow('assign needs an assignee or an assignment group');
    const { ticket, changes } = transitionTicket(
      ticketIn('new'),
      { action: 'assign', actorId: 'a', assignmentGroupId: 'service-desk-l1' },
      policy,
    );
    expect(ticket).toMatchObject({ assignmentGroupId: 'service-desk-l1', assigneeId: null });
    expect(changes).toEqual({
      status: { from: 'new', to: 'assigned' },
      assignmentGroupId: { from: null, to: 'service-desk-l1' },
    });
  });

  it('pend needs a reason, resume clears it', () => {
    expect(() =>
      transitionTicket(ticketIn('in_progress'), { action: 'pend', actorId: 'a' }, policy),
    ).toThrow(/pend needs a reason/);
    const pending = transitionTicket(
      ticketIn('in_progress'),
      { action: 'pend', actorId: 'a', pendingReason: 'awaiting_vendor' },
      policy,
    ).ticket;
    expect(pending.pendingReason).toBe('awaiting_vendor');
    expect(
      transitionTicket(pending, { action: 'resume', actorId: 'a' }, policy).ticket.pendingReason,
    ).toBeNull();
  });

  it('resolve needs a resolution code and stamps the resolution time', () => {
    expect(() =>
      transitionTicket(ticketIn('in_progress'), { action: 'resolve', actorId: 'a' }, policy),
    ).toThrow('resolve needs a resolution code');
    const { ticket, changes } = transitionTicket(
      ticketIn('pending', { pendingReason: 'awaiting_customer' }),
      {
        action: 'resolve',
        actorId: 'a',
        resolutionCode: 'workaround',
        resolutionNotes: 'Use webmail.',
      },
      policy,
    );
    expect(ticket).toMatchObject({
      resolutionCode: 'workaround',
      resolvedAt: now,
      pendingReason: null,
    });
    expect(changes['resolvedAt']).toEqual({ from: null, to: now.toISOString() });
  });

  it('close stamps the closing time', () => {
    expect(
      transitionTicket(ticketIn('resolved'), { action: 'close', actorId: 'a' }, policy).ticket
        .closedAt,
    ).toEqual(now);
  });

  it('reopen works inside the window and clears the resolution', () => {
    const resolvedAt = new Date(now.getTime() - DEFAULT_REOPEN_WINDOW_MS);
    const { ticket } = transitionTicket(
      ticketIn('resolved', { resolvedAt, resolutionCode: 'fixed' }),
      { action: 'reopen', actorId: 'emp-1' },
      policy,
    );
    expect(ticket).toMatchObject({ status: 'in_progress', resolutionCode: null, resolvedAt: null });
  });

  it('reopen is refused once the window has passed, leaving close', () => {
    const resolvedAt = new Date(now.getTime() - DEFAULT_REOPEN_WINDOW_MS - 1);
    expect(() =>
      transitionTicket(
        ticketIn('resolved', { resolvedAt }),
        { action: 'reopen', actorId: 'emp-1' },
        policy,
      ),
    ).toThrow(
      expect.objectContaining({
        code: TicketErrorCode.InvalidTransition,
        details: { currentStatus: 'resolved', allowedActions: ['close'] },
      }),
    );
  });

  it('honours a configured reopen window', () => {
    const resolvedAt = new Date(now.getTime() - 60_000);
    expect(() =>
      transitionTicket(
        ticketIn('resolved', { resolvedAt }),
        { action: 'reopen', actorId: 'a' },
        { now, reopenWindowMs: 30_000 },
      ),
    ).toThrow(/reopen window/);
  });
});
