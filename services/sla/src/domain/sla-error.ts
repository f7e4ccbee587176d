export enum SlaErrorCode {
  /** A calendar, policy or clock input is invalid; the violations say which field and why. */
  ValidationFailed = 'VALIDATION_FAILED',
  /** The operation is not allowed in the clock's current state. */
  InvalidTransition = 'INVALID_TRANSITION',
  /** The calendar has no working time left to count a target in. */
  NoWorkingTime = 'NO_WORKING_TIME',
  /** A calendar or policy that is referenced does not exist. */
  NotFound = 'NOT_FOUND',
  /** An update named a version of a calendar or policy that is no longer current. */
  VersionConflict = 'VERSION_CONFLICT',
}

export interface FieldViolation {
  field: string;
  message: string;
}

/** The one error type of the SLA service; transports map its code. */
export class SlaError extends Error {
  constructor(
    readonly code: SlaErrorCode,
    message: string,
    readonly violations: FieldViolation[] = [],
    /** Facts a client can act on, e.g. the current state and the allowed operations. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'SlaError';
  }
}
