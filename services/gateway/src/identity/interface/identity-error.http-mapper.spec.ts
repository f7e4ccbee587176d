import { HttpProblemException } from '../../problem/http-problem.exception';
import { ValidationException } from '../../problem/validation.exception';
import { IdentityError, IdentityErrorCode } from '../domain/identity-error';
import { toHttpProblem } from './identity-error.http-mapper';

describe('identity errors over HTTP', () => {
  it.each<[IdentityErrorCode, number, string]>([
    [IdentityErrorCode.NotFound, 404, '/problems/not-found'],
    [IdentityErrorCode.AlreadyExists, 409, '/problems/conflict'],
    [IdentityErrorCode.VersionConflict, 412, '/problems/version-conflict'],
    [IdentityErrorCode.InvalidCredentials, 401, '/problems/unauthenticated'],
    [IdentityErrorCode.InvalidRefreshToken, 401, '/problems/unauthenticated'],
    [IdentityErrorCode.AccountLocked, 401, '/problems/account-locked'],
    [IdentityErrorCode.Forbidden, 403, '/problems/forbidden'],
  ])('%s answers %s %s', (code, status, type) => {
    const problem = toHttpProblem(new IdentityError(code, 'message'));
    expect(problem).toBeInstanceOf(HttpProblemException);
    expect(problem).toMatchObject({ status, type });
  });

  it('answers a validation failure with its fields', () => {
    const problem = toHttpProblem(
      new IdentityError(IdentityErrorCode.ValidationFailed, 'invalid', [
        { field: 'timeZone', message: 'Mars/Olympus is not an IANA time zone' },
      ]),
    );
    expect(problem).toBeInstanceOf(ValidationException);
    expect((problem as ValidationException).errors).toEqual([
      { field: 'timeZone', message: 'Mars/Olympus is not an IANA time zone' },
    ]);
  });

  it('challenges a client whose credentials were refused', () => {
    const problem = toHttpProblem(new IdentityError(IdentityErrorCode.InvalidCredentials, 'no'));
    expect((problem as HttpProblemException).headers['WWW-Authenticate']).toMatch(/^Bearer/);
  });
});
