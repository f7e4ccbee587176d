export enum NotificationErrorCode {
  /** A template, trigger, preference or input is invalid; the violations say which field and why. */
  ValidationFailed = 'VALIDATION_FAILED',
  /** A template, trigger, subscription or delivery that is referenced does not exist. */
  NotFound = 'NOT_FOUND',
  /** An update named a version that is no longer current. */
  VersionConflict = 'VERSION_CONFLICT',
  /** The operation is not allowed in the current state, e.g. retrying a delivered message. */
  InvalidState = 'INVALID_STATE',
}

export interface FieldViolation {
  field: string;
  message: string;
}

/** The one error type of the notifications service; transports map its code. */
export class NotificationError extends Error {
  constructor(
    readonly code: NotificationErrorCode,
    message: string,
    readonly violations: FieldViolation[] = [],
    /** Facts a client can act on, e.g. the current state and the allowed operations. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'NotificationError';
  }
}

/** Throws the violations as one validation error, so a caller sees every problem at once. */
export function throwIfViolated(violations: FieldViolation[], message: string): void {
  if (violations.length > 0) {
    throw new NotificationError(NotificationErrorCode.ValidationFailed, message, violations);
  }
}
