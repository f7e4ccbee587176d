export enum IdentityErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  NotFound = 'NOT_FOUND',
  /** An email, organisation name or service account name that is taken already. */
  AlreadyExists = 'ALREADY_EXISTS',
  /** The caller changed a version of the record that is no longer current (If-Match). */
  VersionConflict = 'VERSION_CONFLICT',
  /** Wrong email or password; which one is never said. */
  InvalidCredentials = 'INVALID_CREDENTIALS',
  /** Too many failed sign-ins in a row: the account waits out its lock. */
  AccountLocked = 'ACCOUNT_LOCKED',
  /** A refresh token that is unknown, expired, used already or of an ended session. */
  InvalidRefreshToken = 'INVALID_REFRESH_TOKEN',
  /** The caller may not do this to this user (e.g. grant an elevated role). */
  Forbidden = 'FORBIDDEN',
}

export interface FieldViolation {
  field: string;
  message: string;
}

/** The one error type of the gateway's identity module; the HTTP mapper turns codes into problems. */
export class IdentityError extends Error {
  constructor(
    readonly code: IdentityErrorCode,
    message: string,
    readonly violations: readonly FieldViolation[] = [],
  ) {
    super(message);
    this.name = 'IdentityError';
  }
}

/** Throws every violation at once, so a caller can fix the whole form in one go. */
export function throwIfInvalid(message: string, violations: readonly FieldViolation[]): void {
  if (violations.length > 0)
    throw new IdentityError(IdentityErrorCode.ValidationFailed, message, [...violations]);
}

export function notFound(what: string): IdentityError {
  return new IdentityError(IdentityErrorCode.NotFound, `${what} does not exist`);
}

export function invalidField(field: string, message: string): IdentityError {
  return new IdentityError(IdentityErrorCode.ValidationFailed, message, [{ field, message }]);
}
