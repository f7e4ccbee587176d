export enum RoutingErrorCode {
  /** A line, group, agent, rule or classifier input is invalid; the violations say which field and why. */
  ValidationFailed = 'VALIDATION_FAILED',
  /** A line, group, agent, rule, ticket decision or model that is referenced does not exist. */
  NotFound = 'NOT_FOUND',
  /** An update named a version that is no longer current. */
  VersionConflict = 'VERSION_CONFLICT',
  /** A name that must be unique is taken. */
  AlreadyExists = 'ALREADY_EXISTS',
  /** The operation is not possible now: no next line to escalate to, too little history to train on. */
  FailedPrecondition = 'FAILED_PRECONDITION',
}

export interface FieldViolation {
  field: string;
  message: string;
}

/** The one error type of the routing service; transports map its code. */
export class RoutingError extends Error {
  constructor(
    readonly code: RoutingErrorCode,
    message: string,
    readonly violations: FieldViolation[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RoutingError';
  }
}

export function throwIfInvalid(message: string, violations: FieldViolation[]): void {
  if (violations.length > 0)
    throw new RoutingError(RoutingErrorCode.ValidationFailed, message, violations);
}
