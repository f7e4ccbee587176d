import {
  type ApprovalOutcome,
  castVote,
  type ChangeApproval,
  openApproval,
} from './change-approval';
import {
  allowedChangeActions,
  CHANGE_ACTIONS,
  CHANGE_KINDS,
  CHANGE_STATUSES,
  type ChangeAction,
  type ChangeKind,
  type ChangeRecord,
  type ChangeStatus,
  type ChangeTransitionInput,
} from './change-lifecycle';
import { transitionChange } from './change-transition';
import { TicketError, TicketErrorCode } from './ticket-error';

const opened = new Date('2026-11-27T09:00:00Z');
const now = new Date('2026-11-27T10:00:00Z');
const windowStart = new Date('2026-11-28T22:00:00Z');
const windowEnd = new Date('2026-11-29T02:00:00Z');

/** A change ticket carries more than its lifecycle reads; the extra field must survive. */
interface ChangeTicket extends ChangeRecord {
  number: string;
}

function changeIn(
  kind: ChangeKind,
  status: ChangeStatus,
  overrides: Partial<ChangeTicket> = {},
): ChangeTicket {
  return {
    id: 'chg-1',
    number: 'CHG-000001',
    changeKind: kind,
    status,
    impact: 'medium',
    urgency: 'high',
    priority: 'high',
    priorityReason: null,
    assigneeId: null,
    assignmentGroupId: null,
    risk: null,
    backoutPlan: '',
    plannedStart: null,
    plannedEnd: null,
    approvalId: null,
    implementationStartedAt: null,
    implementationOutcome: null,
    implementationNotes: '',
    completedAt: null,
    closedAt: null,
    updatedAt: opened,
    version: 2,
    ...overrides,
  };
}

/** A round for chg-1 with the given outcome, decided by alice's vote. */
function roundThatIs(outcome: ApprovalOutcome, id = 'apr-1', changeId = 'chg-1'): ChangeApproval {
  const approval = openApproval(
    { approverIds: ['alice'], quorum: 'any' },
    { id, changeId, now: opened },
  );
  if (outcome === 'pending') return approval;
  const decision = outcome === 'approved' ? 'approve' : 'reject';
  return castVote(
    approval,
    { approverId: 'alice', decision, comment: 'Too risky.' },
    { now, isCabMember: false },
  ).approval;
}

/** Everything any action may need, so the table tests only the state rules. */
const complete: Omit<ChangeTransitionInput, 'action'> = {
  actorId: 'change-manager-1',
  assignmentGroupId: 'dba',
  risk: 'medium',
  impact: 'high',
  backoutPlan: 'Restore the snapshot taken before the upgrade.',
  plannedStart: windowStart,
  plannedEnd: windowEnd,
  implementationOutcome: 'successful',
};

/** The round each action is given: opened for request_approval, decided for schedule and reject. */
function inputFor(action: ChangeAction): ChangeTransitionInput {
  const approval: Partial<Record<ChangeAction, ChangeApproval>> = {
    request_approval: roundThatIs('pending'),
    schedule: roundThatIs('approved'),
    reject: roundThatIs('rejected'),
  };
  return { action, ...complete, approval: approval[action] };
}

const expectedTarget: Record<Exclude<ChangeAction, 'assign'>, ChangeStatus> = {
  submit: 'assessment',
  request_approval: 'approval',
  schedule: 'scheduled',
  reject: 'rejected',
  revise: 'draft',
  start_implementation: 'implementing',
  complete: 'review',
  close: 'closed',
  cancel: 'cancelled',
};

const approvedByCab: Record<ChangeStatus, ChangeAction[]> = {
  draft: ['assign', 'submit', 'cancel'],
  assessment: ['assign', 'request_approval', 'cancel'],
  approval: ['assign', 'schedule', 'reject', 'cancel'],
  scheduled: ['assign', 'start_implementation', 'cancel'],
  implementing: ['assign', 'complete'],
  review: ['assign', 'close'],
  closed: [],
  rejected: ['revise'],
  cancelled: [],
};

const allowed: Record<ChangeKind, Record<ChangeStatus, ChangeAction[]>> = {
  normal: approvedByCab,
  emergency: approvedByCab,
  // Pre-approved: never assessed, approved or rejected; cancel is the way out of such a state.
  standard: {
    ...approvedByCab,
    assessment: ['assign', 'cancel'],
    approval: ['assign', 'cancel'],
    rejected: [],
  },
};

const cases = CHANGE_KINDS.flatMap((kind) =>
  CHANGE_STATUSES.flatMap((status) =>
    CHANGE_ACTIONS.map((action) => [kind, status, action] as const),
  ),
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

describe('change lifecycle', () => {
  it.each(CHANGE_KINDS.flatMap((kind) => CHANGE_STATUSES.map((status) => [kind, status] as const)))(
    'allows a %s change in %s exactly the listed actions',
    (kind, status) => {
      expect(allowedChangeActions(status, kind)).toEqual(allowed[kind][status]);
    },
  );

  it.each(cases.filter(([kind, status, action]) => allowed[kind][status].includes(action)))(
    '%s: %s --%s--> target state, version + 1, other fields kept',
    (kind, status, action) => {
      const change = changeIn(kind, status, { approvalId: 'apr-1' });
      const result = transitionChange(change, inputFor(action), now);
      const target =
        action === 'assign'
          ? status
          : action === 'submit' && kind === 'standard'
            ? 'scheduled'
            : expectedTarget[action];
      expect(result.from).toBe(status);
      expect(result.change.status).toBe(target);
      expect(result.change).toMatchObject({ number: 'CHG-000001', version: 3, updatedAt: now });
    },
  );

  it.each(cases.filter(([kind, status, action]) => !allowed[kind][status].includes(action)))(
    'refuses %s: %s --%s--> naming the current state and the allowed actions',
    (kind, status, action) => {
      const error = errorOf(() =>
        transitionChange(changeIn(kind, status, { approvalId: 'apr-1' }), inputFor(action), now),
      );
      expect(error).toMatchObject({
        code: TicketErrorCode.InvalidTransition,
        details: { currentStatus: status, allowedActions: allowed[kind][status] },
      });
      expect(error.message).toMatch(`cannot ${action} a ${kind} change that is ${status}`);
    },
  );

  it.each<[ChangeKind, boolean, ChangeStatus]>([
    ['standard', false, 'scheduled'],
    ['normal', false, 'assessment'],
    ['emergency', false, 'assessment'],
    ['emergency', true, 'approval'],
  ])('submits a %s change (approval round given: %s) to %s', (kind, withRound, target) => {
    const approval = withRound ? roundThatIs('pending') : undefined;
    const { change } = transitionChange(
      changeIn(kind, 'draft'),
      { action: 'submit', ...complete, approval },
      now,
    );
    expect(change).toMatchObject({ status: target, approvalId: approval?.id ?? null });
  });
});

describe('what each change action needs and records', () => {
  const submit = (change: ChangeTicket, input: Partial<ChangeTransitionInput>) =>
    transitionChange(change, { ...complete, action: 'submit', ...input }, now);
  const fieldsOf = (error: TicketError) => error.violations.map(({ field }) => field);

  it('submit reports a missing risk, impact and back-out plan together', () => {
    const error = errorOf(() =>
      transitionChange(changeIn('normal', 'draft'), { action: 'submit', actorId: 'a' }, now),
    );
    expect(error.code).toBe(TicketErrorCode.ValidationFailed);
    expect(fieldsOf(error)).toEqual(['risk', 'impact', 'backoutPlan']);
  });

  it('submit records the assessment and lets the matrix follow the new impact', () => {
    const { change, changes } = submit(changeIn('normal', 'draft'), {});
    expect(change).toMatchObject({ risk: 'medium', impact: 'high', priority: 'critical' });
    expect(changes['priority']).toEqual({ from: 'high', to: 'critical' });
    const manual = changeIn('normal', 'draft', { priority: 'low', priorityReason: 'Lab only.' });
    expect(submit(manual, {}).change.priority).toBe('low');
  });

  it.each<[string, Partial<ChangeTransitionInput>, ChangeKind, string]>([
    [
      'a standard change without its window',
      { plannedStart: undefined, plannedEnd: undefined },
      'standard',
      'plannedStart',
    ],
    ['half a window', { plannedEnd: undefined }, 'normal', 'plannedEnd'],
    [
      'a window ending before it starts',
      { plannedStart: windowEnd, plannedEnd: windowStart },
      'normal',
      'plannedEnd',
    ],
    [
      'a window that has already ended',
      { plannedStart: opened, plannedEnd: now },
      'normal',
      'plannedEnd',
    ],
    [
      'a normal change with an approval round',
      { approval: roundThatIs('pending') },
      'normal',
      'approval',
    ],
    [
      'a standard change with an approval round',
      { approval: roundThatIs('pending') },
      'standard',
      'approval',
    ],
    [
      'an emergency round for another change',
      { approval: roundThatIs('pending', 'apr-9', 'chg-9') },
      'emergency',
      'approval',
    ],
  ])('submit refuses %s', (_, input, kind, field) => {
    const error = errorOf(() => submit(changeIn(kind, 'draft'), input));
    expect(error.code).toBe(TicketErrorCode.ValidationFailed);
    expect(fieldsOf(error)).toEqual([field]);
  });

  it('a normal change may be submitted without a window', () => {
    const { change } = submit(changeIn('normal', 'draft'), {
      plannedStart: undefined,
      plannedEnd: undefined,
    });
    expect(change).toMatchObject({ status: 'assessment', plannedStart: null, plannedEnd: null });
  });

  it.each<[string, ChangeApproval | undefined]>([
    ['no round', undefined],
    ['a round of another change', roundThatIs('pending', 'apr-9', 'chg-9')],
    ['a round already decided', roundThatIs('approved')],
  ])('request_approval refuses %s', (_, approval) => {
    const error = errorOf(() =>
      transitionChange(
        changeIn('normal', 'assessment'),
        { action: 'request_approval', actorId: 'a', approval },
        now,
      ),
    );
    expect(error.violations).toEqual([
      {
        field: 'approval',
        message: 'request_approval needs a pending approval round opened for this change',
      },
    ]);
  });

  it.each<[ChangeAction, ApprovalOutcome, ChangeAction[]]>([
    ['schedule', 'pending', ['assign', 'cancel']],
    ['schedule', 'rejected', ['assign', 'reject', 'cancel']],
    ['reject', 'pending', ['assign', 'cancel']],
    ['reject', 'approved', ['assign', 'schedule', 'cancel']],
  ])('%s is refused while the round is %s', (action, outcome, open) => {
    const error = errorOf(() =>
      transitionChange(
        changeIn('normal', 'approval', { approvalId: 'apr-1' }),
        { ...complete, action, approval: roundThatIs(outcome) },
        now,
      ),
    );
    expect(error).toMatchObject({
      code: TicketErrorCode.InvalidTransition,
      message: `cannot ${action} a change whose approval is ${outcome}`,
      details: { currentStatus: 'approval', allowedActions: open },
    });
  });

  it('schedule refuses a round that is not the current one', () => {
    const error = errorOf(() =>
      transitionChange(
        changeIn('normal', 'approval', { approvalId: 'apr-2' }),
        { ...complete, action: 'schedule', approval: roundThatIs('approved') },
        now,
      ),
    );
    expect(error.violations).toEqual([
      { field: 'approval', message: 'schedule needs the current approval round of this change' },
    ]);
  });

  it('schedule takes the window already planned, and needs one', () => {
    const approval = roundThatIs('approved');
    const inApproval = changeIn('normal', 'approval', { approvalId: 'apr-1' });
    const input: ChangeTransitionInput = { action: 'schedule', actorId: 'a', approval };
    expect(fieldsOf(errorOf(() => transitionChange(inApproval, input, now)))).toEqual([
      'plannedStart',
    ]);
    const planned = { ...inApproval, plannedStart: windowStart, plannedEnd: windowEnd };
    expect(transitionChange(planned, input, now).change).toMatchObject({
      status: 'scheduled',
      plannedStart: windowStart,
      plannedEnd: windowEnd,
    });
  });

  it('revise drops the rejected round so a new one must be opened', () => {
    const { change } = transitionChange(
      changeIn('emergency', 'rejected', { approvalId: 'apr-1' }),
      { action: 'revise', actorId: 'a' },
      now,
    );
    expect(change).toMatchObject({ status: 'draft', approvalId: null });
  });

  it('start_implementation, complete and close stamp their times', () => {
    const started = transitionChange(
      changeIn('standard', 'scheduled'),
      { action: 'start_implementation', actorId: 'a' },
      now,
    );
    expect(started.change.implementationStartedAt).toEqual(now);
    const completed = transitionChange(
      started.change,
      {
        action: 'complete',
        actorId: 'a',
        implementationOutcome: 'backed_out',
        implementationNotes: ' Disk full. ',
      },
      now,
    );
    expect(completed.change).toMatchObject({
      implementationOutcome: 'backed_out',
      implementationNotes: 'Disk full.',
      completedAt: now,
    });
    expect(
      transitionChange(completed.change, { action: 'close', actorId: 'a' }, now).change.closedAt,
    ).toEqual(now);
  });

  it.each<[string, Partial<ChangeTransitionInput>, string[]]>([
    ['no outcome', {}, ['implementationOutcome', 'implementationNotes']],
    ['a failure without notes', { implementationOutcome: 'failed' }, ['implementationNotes']],
    [
      'a partial success without notes',
      { implementationOutcome: 'partially_successful' },
      ['implementationNotes'],
    ],
  ])('complete refuses %s', (_, input, fields) => {
    const error = errorOf(() =>
      transitionChange(
        changeIn('normal', 'implementing'),
        { action: 'complete', actorId: 'a', ...input },
        now,
      ),
    );
    expect(fieldsOf(error)).toEqual(fields);
  });
});

describe('a change from draft to closed', () => {
  it('goes through assessment, a CAB vote, the window and the review', () => {
    let change: ChangeTicket = changeIn('normal', 'draft');
    change = transitionChange(change, { ...complete, action: 'submit' }, now).change;
    let approval = openApproval(
      { approverIds: ['alice'], cabGroupId: 'cab-infra', quorum: 'all' },
      { id: 'apr-7', changeId: change.id, now },
    );
    change = transitionChange(
      change,
      { action: 'request_approval', actorId: 'a', approval },
      now,
    ).change;
    approval = castVote(
      approval,
      { approverId: 'alice', decision: 'approve' },
      { now, isCabMember: false },
    ).approval;
    approval = castVote(
      approval,
      { approverId: 'carol', decision: 'approve' },
      { now, isCabMember: true },
    ).approval;
    for (const action of ['schedule', 'start_implementation', 'complete', 'close'] as const) {
      change = transitionChange(change, { ...complete, action, approval }, now).change;
    }
    expect(change).toMatchObject({ status: 'closed', approvalId: 'apr-7', version: 8 });
  });
});
