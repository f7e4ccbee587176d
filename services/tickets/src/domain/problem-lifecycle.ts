import { assertUnreachable } from '@itsm/lang';
import type { FieldViolation } from './ticket-error';
import type { FieldChanges } from './ticket-lifecycle';
import { changedFields, refuseAction, requiredText, throwIfInvalid } from './lifecycle-support';

export const PROBLEM_STATUSES = [
  'new',
  'investigating',
  'known_error',
  'resolved',
  'closed',
  'cancelled',
] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export const PROBLEM_ACTIONS = [
  'investigate',
  'assign',
  'record_known_error',
  'resolve',
  'close',
  'reopen',
  'cancel',
] as const;
export type ProblemAction = (typeof PROBLEM_ACTIONS)[number];

/** `unchanged`: the action records something (an assignment) without moving the problem on. */
export type ProblemTarget = ProblemStatus | 'unchanged';

/**
 * The lifecycle of problems. Assigning does not start the investigation: a problem manager
 * often queues problems for a group before anyone works on them, so `investigate` is its own
 * step. Reopening needs no window, unlike incidents: a problem comes back when its incidents
 * recur, which may be months after the fix.
 */
export const PROBLEM_LIFECYCLE: Readonly<
  Record<ProblemAction, { from: readonly ProblemStatus[]; to: ProblemTarget }>
> = {
  investigate: { from: ['new'], to: 'investigating' },
  assign: { from: ['new', 'investigating', 'known_error'], to: 'unchanged' },
  record_known_error: { from: ['investigating'], to: 'known_error' },
  resolve: { from: ['investigating', 'known_error'], to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
  reopen: { from: ['resolved'], to: 'investigating' },
  cancel: { from: ['new', 'investigating', 'known_error'], to: 'cancelled' },
};

/** The fields of a problem ticket that its lifecycle reads and writes. */
export interface ProblemRecord {
  status: ProblemStatus;
  assigneeId: string | null;
  assignmentGroupId: string | null;
  rootCause: string;
  workaround: string;
  /** When the problem became a known error, i.e. when its workaround was published. */
  knownErrorAt: Date | null;
  resolutionCode: string | null;
  resolutionNotes: string;
  resolvedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
  version: number;
}

/** What a problem manager supplies with an action; each action requires its own part. */
export interface ProblemTransitionInput {
  action: ProblemAction;
  actorId: string;
  assigneeId?: string | undefined;
  assignmentGroupId?: string | undefined;
  rootCause?: string | undefined;
  workaround?: string | undefined;
  resolutionCode?: string | undefined;
  resolutionNotes?: string | undefined;
}

export interface ProblemTransition<P extends ProblemRecord> {
  problem: P;
  from: ProblemStatus;
  changes: FieldChanges;
}

export function allowedProblemActions(status: ProblemStatus): ProblemAction[] {
  return PROBLEM_ACTIONS.filter((action) => PROBLEM_LIFECYCLE[action].from.includes(status));
}

function fieldsOf(
  problem: ProblemRecord,
  input: ProblemTransitionInput,
  now: Date,
): Partial<ProblemRecord> {
  const violations: FieldViolation[] = [];
  switch (input.action) {
    case 'assign':
      if (!input.assigneeId && !input.assignmentGroupId) {
        violations.push({
          field: 'assigneeId',
          message: 'assign needs an assignee or an assignment group',
        });
      }
      throwIfInvalid('the assignment is invalid', violations);
      return {
        assigneeId: input.assigneeId ?? null,
        assignmentGroupId: input.assignmentGroupId ?? problem.assignmentGroupId,
      };
    case 'record_known_error': {
      const why = 'a known error documents its root cause and workaround';
      const rootCause = requiredText(violations, 'rootCause', input.rootCause, why);
      const workaround = requiredText(violations, 'workaround', input.workaround, why);
      throwIfInvalid('the known error is incomplete', violations);
      return { rootCause, workaround, knownErrorAt: now };
    }
    case 'resolve': {
      // A problem is resolved when its root cause is removed, so the cause must be on record.
      const rootCause =
        input.rootCause === undefined && problem.rootCause
          ? problem.rootCause
          : requiredText(violations, 'rootCause', input.rootCause, 'resolve removes a root cause');
      if (!input.resolutionCode?.trim()) {
        violations.push({ field: 'resolutionCode', message: 'resolve needs a resolution code' });
      }
      throwIfInvalid('the resolution is incomplete', violations);
      return {
        rootCause,
        resolutionCode: input.resolutionCode?.trim() ?? null,
        resolutionNotes: input.resolutionNotes ?? '',
        resolvedAt: now,
      };
    }
    case 'reopen':
      // The root cause and workaround stay: they are what the investigation starts again from.
      return { resolutionCode: null, resolutionNotes: '', resolvedAt: null };
    case 'close':
      return { closedAt: now };
    case 'investigate':
    case 'cancel':
      return {};
    default:
      return assertUnreachable(input.action, 'lifecycle value');
  }
}

const AUDITED_FIELDS = [
  'status',
  'assigneeId',
  'assignmentGroupId',
  'rootCause',
  'workaround',
  'knownErrorAt',
  'resolutionCode',
  'resolutionNotes',
  'resolvedAt',
  'closedAt',
] as const satisfies readonly (keyof ProblemRecord)[];

/**
 * Applies an action to a problem: refuses it in a state that does not allow it (naming the
 * allowed actions), checks what the action needs, and returns the new problem (version + 1)
 * with the changed fields for the history and the event. Other fields of `P` are kept.
 */
export function transitionProblem<P extends ProblemRecord>(
  problem: P,
  input: ProblemTransitionInput,
  now: Date,
): ProblemTransition<P> {
  const rule = PROBLEM_LIFECYCLE[input.action];
  if (!rule.from.includes(problem.status)) {
    refuseAction('problem', problem.status, input.action, allowedProblemActions(problem.status));
  }
  const next: P = {
    ...problem,
    ...fieldsOf(problem, input, now),
    status: rule.to === 'unchanged' ? problem.status : rule.to,
    updatedAt: now,
    version: problem.version + 1,
  };
  return {
    problem: next,
    from: problem.status,
    changes: changedFields(problem, next, AUDITED_FIELDS),
  };
}
