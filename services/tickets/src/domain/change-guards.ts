import type { ApprovalOutcome, ChangeApproval } from './change-approval';
import {
  allowedChangeActions,
  type ChangeAction,
  type ChangeRecord,
  type ChangeTransitionInput,
} from './change-lifecycle';
import { TicketError, TicketErrorCode, type FieldViolation } from './ticket-error';

// What change transitions check besides the state: the planned window and the approval round.

/** The planned window: from the input, else what the change already carries. */
export function windowOf(
  change: ChangeRecord,
  input: ChangeTransitionInput,
  now: Date,
  required: boolean,
  violations: FieldViolation[],
): Pick<ChangeRecord, 'plannedStart' | 'plannedEnd'> {
  const plannedStart = input.plannedStart ?? change.plannedStart;
  const plannedEnd = input.plannedEnd ?? change.plannedEnd;
  if (!plannedStart || !plannedEnd) {
    if (required || plannedStart || plannedEnd) {
      violations.push({
        field: plannedStart ? 'plannedEnd' : 'plannedStart',
        message: `${input.action} needs a planned window: plannedStart and plannedEnd`,
      });
    }
  } else if (!(plannedStart.getTime() < plannedEnd.getTime())) {
    violations.push({ field: 'plannedEnd', message: 'plannedStart must be before plannedEnd' });
  } else if (plannedEnd.getTime() <= now.getTime()) {
    violations.push({ field: 'plannedEnd', message: 'the planned window has already ended' });
  }
  return { plannedStart, plannedEnd };
}

/** The round must be this change's: just opened for it, or its current one. */
export function checkRound(
  change: ChangeRecord,
  input: ChangeTransitionInput,
  expected: 'opened' | 'current',
  violations: FieldViolation[],
): void {
  const { approval } = input;
  const fits =
    approval?.changeId === change.id &&
    (expected === 'opened' ? approval.outcome === 'pending' : approval.id === change.approvalId);
  if (!fits) {
    const round =
      expected === 'opened'
        ? 'a pending approval round opened for'
        : 'the current approval round of';
    violations.push({ field: 'approval', message: `${input.action} needs ${round} this change` });
  }
}

/** In `approval`, the round's outcome decides which of schedule and reject is open. */
export function requireOutcome(
  change: ChangeRecord,
  approval: ChangeApproval,
  wanted: ApprovalOutcome,
  action: ChangeAction,
): void {
  if (approval.outcome === wanted) return;
  const allowed = allowedChangeActions(change.status, change.changeKind).filter(
    (open) =>
      (open !== 'schedule' || approval.outcome === 'approved') &&
      (open !== 'reject' || approval.outcome === 'rejected'),
  );
  throw new TicketError(
    TicketErrorCode.InvalidTransition,
    `cannot ${action} a change whose approval is ${approval.outcome}`,
    [],
    { currentStatus: change.status, allowedActions: allowed },
  );
}
