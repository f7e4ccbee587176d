import { assertUnreachable } from '@itsm/lang';
import {
  allowedChangeActions,
  CHANGE_LIFECYCLE,
  CHANGE_RISKS,
  type ChangeRecord,
  type ChangeStatus,
  type ChangeTransition,
  type ChangeTransitionInput,
  IMPLEMENTATION_OUTCOMES,
  SUBMIT_SHORTCUTS,
} from './change-lifecycle';
import {
  DEFAULT_PRIORITY_MATRIX,
  IMPACTS,
  type PriorityMatrix,
  priorityOf,
} from './priority-matrix';
import type { FieldViolation } from './ticket-error';
import { checkRound, requireOutcome, windowOf } from './change-guards';
import { changedFields, refuseAction, requiredText, throwIfInvalid } from './lifecycle-support';

function targetOf(change: ChangeRecord, input: ChangeTransitionInput): ChangeStatus {
  if (input.action === 'submit' && change.changeKind === 'standard') {
    return SUBMIT_SHORTCUTS.standard;
  }
  if (input.action === 'submit' && change.changeKind === 'emergency' && input.approval) {
    return SUBMIT_SHORTCUTS.emergency;
  }
  const target = CHANGE_LIFECYCLE[input.action].to;
  return target === 'unchanged' ? change.status : target;
}

function fieldsOf(
  change: ChangeRecord,
  input: ChangeTransitionInput,
  now: Date,
  matrix: PriorityMatrix,
): Partial<ChangeRecord> {
  const violations: FieldViolation[] = [];
  switch (input.action) {
    case 'submit': {
      if (!input.risk || !CHANGE_RISKS.includes(input.risk)) {
        violations.push({ field: 'risk', message: `risk must be ${CHANGE_RISKS.join(', ')}` });
      }
      if (!input.impact || !IMPACTS.includes(input.impact)) {
        violations.push({ field: 'impact', message: `impact must be ${IMPACTS.join(', ')}` });
      }
      const backoutPlan = requiredText(
        violations,
        'backoutPlan',
        input.backoutPlan,
        'every change says how it is undone',
      );
      const window = windowOf(change, input, now, change.changeKind === 'standard', violations);
      if (input.approval && change.changeKind !== 'emergency') {
        violations.push({
          field: 'approval',
          message: 'only an emergency change skips assessment with its approval round',
        });
      } else if (input.approval) {
        checkRound(change, input, 'opened', violations);
      }
      throwIfInvalid('the change cannot be submitted', violations);
      const impact = input.impact ?? change.impact;
      return {
        risk: input.risk ?? change.risk,
        impact,
        // The priority follows the matrix unless an agent set it by hand, as on edits.
        priority:
          change.priorityReason === null
            ? priorityOf(impact, change.urgency, matrix)
            : change.priority,
        backoutPlan,
        ...window,
        approvalId: input.approval?.id ?? change.approvalId,
      };
    }
    case 'request_approval':
      checkRound(change, input, 'opened', violations);
      throwIfInvalid('the approval round does not fit the change', violations);
      return { approvalId: input.approval?.id ?? null };
    case 'schedule':
    case 'reject': {
      checkRound(change, input, 'current', violations);
      throwIfInvalid('the approval round does not fit the change', violations);
      if (input.approval) {
        const wanted = input.action === 'schedule' ? 'approved' : 'rejected';
        requireOutcome(change, input.approval, wanted, input.action);
      }
      if (input.action === 'reject') return {};
      const window = windowOf(change, input, now, true, violations);
      throwIfInvalid('the change cannot be scheduled', violations);
      return window;
    }
    case 'revise':
      return { approvalId: null };
    case 'start_implementation':
      return { implementationStartedAt: now };
    case 'complete': {
      const outcome = input.implementationOutcome;
      if (!outcome || !IMPLEMENTATION_OUTCOMES.includes(outcome)) {
        violations.push({
          field: 'implementationOutcome',
          message: `implementationOutcome must be ${IMPLEMENTATION_OUTCOMES.join(', ')}`,
        });
      }
      // The review needs to know what went wrong; a clean run needs no story.
      const notes =
        outcome === 'successful'
          ? (input.implementationNotes?.trim() ?? '')
          : requiredText(
              violations,
              'implementationNotes',
              input.implementationNotes,
              'say what went wrong for the review',
            );
      throwIfInvalid('the implementation report is incomplete', violations);
      return {
        implementationOutcome: outcome ?? null,
        implementationNotes: notes,
        completedAt: now,
      };
    }
    case 'close':
      return { closedAt: now };
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
        assignmentGroupId: input.assignmentGroupId ?? change.assignmentGroupId,
      };
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
  'impact',
  'priority',
  'risk',
  'backoutPlan',
  'plannedStart',
  'plannedEnd',
  'approvalId',
  'implementationStartedAt',
  'implementationOutcome',
  'implementationNotes',
  'completedAt',
  'closedAt',
] as const satisfies readonly (keyof ChangeRecord)[];

/**
 * Applies an action to a change: refuses it in a state (or for a kind) that does not allow it,
 * naming the allowed actions; checks what the action needs; and returns the new change
 * (version + 1) with the changed fields for the history and the event.
 */
export function transitionChange<C extends ChangeRecord>(
  change: C,
  input: ChangeTransitionInput,
  now: Date,
  matrix: PriorityMatrix = DEFAULT_PRIORITY_MATRIX,
): ChangeTransition<C> {
  const rule = CHANGE_LIFECYCLE[input.action];
  if (!rule.from.includes(change.status) || !rule.kinds.includes(change.changeKind)) {
    refuseAction(
      `${change.changeKind} change`,
      change.status,
      input.action,
      allowedChangeActions(change.status, change.changeKind),
    );
  }
  const next: C = {
    ...change,
    ...fieldsOf(change, input, now, matrix),
    status: targetOf(change, input),
    updatedAt: now,
    version: change.version + 1,
  };
  return {
    change: next,
    from: change.status,
    changes: changedFields(change, next, AUDITED_FIELDS),
  };
}
