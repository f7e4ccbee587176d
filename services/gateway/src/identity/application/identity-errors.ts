import { IdentityError, IdentityErrorCode } from '../domain/identity-error';

export function forbidden(message: string): IdentityError {
  return new IdentityError(IdentityErrorCode.Forbidden, message);
}

export function versionConflict(current: number): IdentityError {
  return new IdentityError(
    IdentityErrorCode.VersionConflict,
    `the record changed since you read it (its version is ${current}); read it again`,
  );
}

/** The same answer for an unknown email, a wrong password and a disabled account. */
export function invalidCredentials(): IdentityError {
  return new IdentityError(IdentityErrorCode.InvalidCredentials, 'the email or password is wrong');
}

export function accountLocked(): IdentityError {
  return new IdentityError(
    IdentityErrorCode.AccountLocked,
    'sign-in is temporarily blocked after repeated failures; try again later',
  );
}

export function invalidRefreshToken(): IdentityError {
  return new IdentityError(
    IdentityErrorCode.InvalidRefreshToken,
    'the refresh token is not valid; sign in again',
  );
}
