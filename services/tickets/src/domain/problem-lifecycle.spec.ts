import { TicketError, TicketErrorCode } from './ticket-error';
import {
  allowedProblemActions,
  PROBLEM_ACTIONS,
  PROBLEM_STATUSES,
  type ProblemAction,
  type ProblemRecord,
  type ProblemStatus,
  transitionProblem,
  type ProblemTransitionInput,
} from './problem-lifecycle';

const opened = new Date('2026-11-27T09:00:00Z');
const now = new Date('2026-11-27T10:00:00Z');

/** A problem ticket carries more than its lifecycle reads; the extra field must survive. */
interface ProblemTicket extends ProblemRecord {
  number: string;
}

function problemIn(status: ProblemStatus, overrides: Partial<ProblemTicket> = {}): ProblemTicket {
  return {
    number: 'PRB-000001',
    status,
    assigneeId: null,
    assignmentGroupId: null,
    rootCause: '',
    workaround: '',
    knownErrorAt: null,
    resolutionCode: null,
    resolutionNotes: '',
    resolvedAt: null,
    closedAt: null,
    updatedAt: opened,
    version: 3,
    ...overrides,
  };
}

/** Everything any action may need, so the table tests only the state rules. */
const complete: Omit<ProblemTransitionInput, 'action'> = {
  actorId: 'problem-manager-1',
  assigneeId: 'analyst-4',
  rootCause: 'The mail gateway leaks connections under TLS renegotiation.',
  workaround: 'Restart the gateway nightly.',
  resolutionCode: 'fixed',
  resolutionNotes: 'Patched the TLS library.',
};

const expectedTarget: Record<ProblemAction, ProblemStatus | 'same'> = {
  investigate: 'investigating',
  assign: 'same',
  record_known_error: 'known_error',
  resolve: 'resolved',
  close: 'closed',
  reopen: 'investigating',
  cancel: 'cancelled',
};

const allowed: Record<ProblemStatus, ProblemAction[]> = {
  new: ['investigate', 'assign', 'cancel'],
  investigating: ['assign', 'record_known_error', 'resolve', 'cancel'],
  known_error: ['assign', 'resolve', 'cancel'],
  resolved: ['close', 'reopen'],
  closed: [],
  cancelled: [],
};

const cases = PROBLEM_STATUSES.flatMap((status) =>
  PROBLEM_ACTIONS.map((action) => [status, action] as const),
);

function errorOf(run: () => unknown): TicketError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TicketError);
    return error as TicketError;
  }
  throw new Error('expected the action to be refused');
}

describe('problem lifecycle', () => {
  it.each(PROBLEM_STATUSES)('allows from %s exactly the listed actions', (status) => {
    expect(allowedProblemActions(status)).toEqual(allowed[status]);
  });

  it.each(cases.filter(([status, action]) => allowed[status].includes(action)))(
    '%s --%s--> target state, version + 1, other fields kept',
    (status, action) => {
      const problem = problemIn(status);
      const result = transitionProblem(problem, { action, ...complete }, now);
      const target = expectedTarget[action];
      expect(result.from).toBe(status);
      expect(result.problem.status).toBe(target === 'same' ? status : target);
      expect(result.problem).toMatchObject({ number: 'PRB-000001', version: 4, updatedAt: now });
    },
  );

  it.each(cases.filter(([status, action]) => !allowed[status].includes(action)))(
    'refuses %s --%s--> naming the current state and the allowed actions',
    (status, action) => {
      const error = errorOf(() =>
        transitionProblem(problemIn(status), { action, ...complete }, now),
      );
      expect(error).toMatchObject({
        code: TicketErrorCode.InvalidTransition,
        details: { currentStatus: status, allowedActions: allowed[status] },
      });
      expect(error.message).toBe(
        `cannot ${action} a problem that is ${status}; allowed: ${allowed[status].join(', ') || 'none'}`,
      );
    },
  );
});

describe('what each problem action needs and records', () => {
  it('assign needs an assignee or a group and keeps the status', () => {
    expect(() =>
      transitionProblem(problemIn('new'), { action: 'assign', actorId: 'a' }, now),
    ).toThrow('the assignment is invalid');
    const { problem, changes } = transitionProblem(
      problemIn('investigating', { assigneeId: 'analyst-1' }),
      { action: 'assign', actorId: 'a', assignmentGroupId: 'problem-management' },
      now,
    );
    expect(problem).toMatchObject({
      status: 'investigating',
      assigneeId: null,
      assignmentGroupId: 'problem-management',
    });
    expect(changes).toEqual({
      assigneeId: { from: 'analyst-1', to: null },
      assignmentGroupId: { from: null, to: 'problem-management' },
    });
  });

  it('record_known_error needs both root cause and workaround, reported together', () => {
    const error = errorOf(() =>
      transitionProblem(
        problemIn('investigating'),
        { action: 'record_known_error', actorId: 'a', rootCause: '  ' },
        now,
      ),
    );
    expect(error.code).toBe(TicketErrorCode.ValidationFailed);
    expect(error.violations.map(({ field }) => field)).toEqual(['rootCause', 'workaround']);
  });

  it('record_known_error publishes the trimmed texts and stamps the time', () => {
    const { problem, changes } = transitionProblem(
      problemIn('investigating'),
      { action: 'record_known_error', actorId: 'a', rootCause: ' Leak ', workaround: ' Restart ' },
      now,
    );
    expect(problem).toMatchObject({
      status: 'known_error',
      rootCause: 'Leak',
      workaround: 'Restart',
      knownErrorAt: now,
    });
    expect(changes['knownErrorAt']).toEqual({ from: null, to: now.toISOString() });
  });

  it('resolve needs a resolution code', () => {
    const error = errorOf(() =>
      transitionProblem(
        problemIn('known_error', { rootCause: 'Leak' }),
        { action: 'resolve', actorId: 'a' },
        now,
      ),
    );
    expect(error.violations).toEqual([
      { field: 'resolutionCode', message: 'resolve needs a resolution code' },
    ]);
  });

  it('resolve needs a root cause, recorded before or given with the resolution', () => {
    const investigating = problemIn('investigating');
    const error = errorOf(() =>
      transitionProblem(
        investigating,
        { action: 'resolve', actorId: 'a', resolutionCode: 'fixed' },
        now,
      ),
    );
    expect(error.violations.map(({ field }) => field)).toEqual(['rootCause']);
    const { problem } = transitionProblem(
      investigating,
      { action: 'resolve', actorId: 'a', resolutionCode: 'fixed', rootCause: 'Leak' },
      now,
    );
    expect(problem).toMatchObject({ rootCause: 'Leak', resolutionCode: 'fixed', resolvedAt: now });
  });

  it('close stamps the closing time', () => {
    const { problem } = transitionProblem(
      problemIn('resolved'),
      { action: 'close', actorId: 'a' },
      now,
    );
    expect(problem.closedAt).toEqual(now);
  });

  it('reopen clears the resolution but keeps what the investigation found', () => {
    const resolved = problemIn('resolved', {
      rootCause: 'Leak',
      workaround: 'Restart',
      resolutionCode: 'fixed',
      resolutionNotes: 'Patched.',
      resolvedAt: opened,
    });
    const { problem, changes } = transitionProblem(
      resolved,
      { action: 'reopen', actorId: 'a' },
      now,
    );
    expect(problem).toMatchObject({
      status: 'investigating',
      rootCause: 'Leak',
      workaround: 'Restart',
      resolutionCode: null,
      resolvedAt: null,
    });
    expect(Object.keys(changes)).toEqual([
      'status',
      'resolutionCode',
      'resolutionNotes',
      'resolvedAt',
    ]);
  });

  it('does not touch the problem it was given', () => {
    const problem = problemIn('new');
    transitionProblem(problem, { action: 'investigate', actorId: 'a' }, now);
    expect(problem).toEqual(problemIn('new'));
  });
});
