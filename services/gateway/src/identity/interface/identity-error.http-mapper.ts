import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus } from '@nestjs/common';
import { assertUnreachable } from '@itsm/lang';
import { unauthenticated } from '../../auth/auth.guard';
import { HttpProblemException } from '../../problem/http-problem.exception';
import { ProblemType } from '../../problem/problem-details';
import { ProblemDetailsFilter } from '../../problem/problem-details.filter';
import { ValidationException } from '../../problem/validation.exception';
import { IdentityError, IdentityErrorCode } from '../domain/identity-error';

/** The HTTP answer to an identity error, as RFC 9457 problem details. */
export function toHttpProblem(error: IdentityError): HttpProblemException | ValidationException {
  const errors = error.violations.length > 0 ? { errors: [...error.violations] } : {};
  switch (error.code) {
    case IdentityErrorCode.ValidationFailed:
      return new ValidationException([...error.violations]);
    case IdentityErrorCode.NotFound:
      return new HttpProblemException(HttpStatus.NOT_FOUND, ProblemType.notFound, error.message);
    case IdentityErrorCode.AlreadyExists:
      return new HttpProblemException(
        HttpStatus.CONFLICT,
        ProblemType.conflict,
        error.message,
        {},
        errors,
      );
    case IdentityErrorCode.VersionConflict:
      return new HttpProblemException(
        HttpStatus.PRECONDITION_FAILED,
        ProblemType.versionConflict,
        error.message,
      );
    case IdentityErrorCode.InvalidCredentials:
    case IdentityErrorCode.InvalidRefreshToken:
      return unauthenticated(error.message);
    case IdentityErrorCode.AccountLocked:
      return new HttpProblemException(
        HttpStatus.UNAUTHORIZED,
        ProblemType.accountLocked,
        error.message,
      );
    case IdentityErrorCode.Forbidden:
      return new HttpProblemException(HttpStatus.FORBIDDEN, ProblemType.forbidden, error.message);
    default:
      return assertUnreachable(error.code, 'identity error code');
  }
}

/** Answers identity errors of the identity controllers through the gateway's problem filter. */
@Catch(IdentityError)
export class IdentityErrorFilter implements ExceptionFilter {
  private readonly problems = new ProblemDetailsFilter();

  catch(error: IdentityError, host: ArgumentsHost): void {
    this.problems.catch(toHttpProblem(error), host);
  }
}
