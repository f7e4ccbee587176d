import { assertUnreachable } from '@itsm/lang';
import { RoutingErrorCode } from '../domain/routing-error';

/**
 * What the event consumer does with an event a use case refused. Retrying cannot make a refused
 * event apply, and a retried event holds up every later event of its partition, so each is
 * skipped; configuration problems (no next line to escalate to) are logged as errors.
 */
export interface Disposition {
  action: 'skip';
  level: 'warn' | 'error';
}

export function dispositionOf(code: RoutingErrorCode): Disposition {
  switch (code) {
    case RoutingErrorCode.ValidationFailed:
    case RoutingErrorCode.NotFound:
    case RoutingErrorCode.VersionConflict:
    case RoutingErrorCode.AlreadyExists:
      return { action: 'skip', level: 'warn' };
    case RoutingErrorCode.FailedPrecondition:
      return { action: 'skip', level: 'error' };
    default:
      return assertUnreachable(code, 'routing error code');
  }
}
