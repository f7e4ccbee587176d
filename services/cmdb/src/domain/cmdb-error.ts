export enum CmdbErrorCode {
  /** A type, item, relationship, asset action or import is invalid; the violations say which field and why. */
  ValidationFailed = 'VALIDATION_FAILED',
  /** A type, item, relationship, location or inventory campaign that is referenced does not exist. */
  NotFound = 'NOT_FOUND',
  /** An update named a version that is no longer current. */
  VersionConflict = 'VERSION_CONFLICT',
  /** A key that must be unique is taken: a type key, or an external id within its type. */
  AlreadyExists = 'ALREADY_EXISTS',
  /** The asset's current state does not allow the action; details name the allowed ones. */
  InvalidTransition = 'INVALID_TRANSITION',
  /** The operation is not possible now: items a new schema refuses, a closed inventory. */
  FailedPrecondition = 'FAILED_PRECONDITION',
}

export interface FieldViolation {
  field: string;
  message: string;
}

/** The one error type of the cmdb service; transports map its code. */
export class CmdbError extends Error {
  constructor(
    readonly code: CmdbErrorCode,
    message: string,
    readonly violations: FieldViolation[] = [],
    /** Facts a client can act on, e.g. the current state and the allowed actions. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'CmdbError';
  }
}

/** Throws every violation at once, so a caller can fix the whole form in one go. */
export function throwIfInvalid(message: string, violations: readonly FieldViolation[]): void {
  if (violations.length > 0) {
    throw new CmdbError(CmdbErrorCode.ValidationFailed, message, [...violations]);
  }
}
