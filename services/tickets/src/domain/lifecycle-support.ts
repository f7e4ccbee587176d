import { DESCRIPTION_MAX_LENGTH } from './ticket-limits';
import { TicketError, TicketErrorCode, type FieldViolation } from './ticket-error';
import type { FieldChanges } from './ticket-lifecycle';

/**
 * Refuses an action the current state does not allow, with the same message and details
 * (current state, allowed actions) that clients already read from ticket transitions.
 */
export function refuseAction(
  subject: string,
  status: string,
  action: string,
  allowed: readonly string[],
): never {
  throw new TicketError(
    TicketErrorCode.InvalidTransition,
    `cannot ${action} a ${subject} that is ${status}; allowed: ${allowed.join(', ') || 'none'}`,
    [],
    { currentStatus: status, allowedActions: [...allowed] },
  );
}

/** Throws every violation at once, so a caller can fix the whole form in one go. */
export function throwIfInvalid(message: string, violations: readonly FieldViolation[]): void {
  if (violations.length > 0) {
    throw new TicketError(TicketErrorCode.ValidationFailed, message, [...violations]);
  }
}

/**
 * The trimmed text of a required free-text field (root cause, workaround, back-out plan),
 * or a violation when it is empty or longer than a ticket description may be.
 */
export function requiredText(
  violations: FieldViolation[],
  field: string,
  value: string | undefined,
  why: string,
): string {
  const text = value?.trim() ?? '';
  if (text.length === 0) violations.push({ field, message: `${field} is required: ${why}` });
  if (text.length > DESCRIPTION_MAX_LENGTH) {
    violations.push({
      field,
      message: `${field} must be at most ${DESCRIPTION_MAX_LENGTH} characters`,
    });
  }
  return text;
}

function comparable(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** The audited fields that differ, in the shape of ticket-lifecycle's `diff`. */
export function changedFields<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of fields) {
    const from = comparable(before[field]);
    const to = comparable(after[field]);
    if (from !== to) changes[field] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}
