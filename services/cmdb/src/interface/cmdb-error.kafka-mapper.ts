import { assertUnreachable } from '@itsm/lang';
import { CmdbErrorCode } from '../domain/cmdb-error';

/**
 * What the ticket-event consumer does with an event the CMDB refused. Retrying cannot make a
 * refused event apply, and a retried event holds up every later event of its partition, so each
 * is skipped; only codes that point at a fault of ours are logged as errors.
 */
export interface Disposition {
  action: 'skip';
  level: 'warn' | 'error';
}

export function dispositionOf(code: CmdbErrorCode): Disposition {
  switch (code) {
    case CmdbErrorCode.ValidationFailed:
    case CmdbErrorCode.NotFound:
    case CmdbErrorCode.VersionConflict:
    case CmdbErrorCode.AlreadyExists:
      return { action: 'skip', level: 'warn' };
    case CmdbErrorCode.InvalidTransition:
    case CmdbErrorCode.FailedPrecondition:
      return { action: 'skip', level: 'error' };
    default:
      return assertUnreachable(code, 'cmdb error code');
  }
}
