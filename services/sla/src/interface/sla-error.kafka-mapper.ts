import { assertUnreachable } from '@itsm/lang';
import { SlaErrorCode } from '../domain/sla-error';

/**
 * What the ticket-event consumer does with an event a use case refused. Retrying cannot make
 * a refused event apply, and a retried event holds up every later event of its partition,
 * so each is skipped; configuration problems are logged as errors for someone to fix.
 */
export interface Disposition {
  action: 'skip';
  level: 'warn' | 'error';
}

export function dispositionOf(code: SlaErrorCode): Disposition {
  switch (code) {
    case SlaErrorCode.ValidationFailed:
    case SlaErrorCode.InvalidTransition:
    case SlaErrorCode.VersionConflict: // only calendar and policy updates name versions
      return { action: 'skip', level: 'warn' };
    case SlaErrorCode.NoWorkingTime:
    case SlaErrorCode.NotFound:
      return { action: 'skip', level: 'error' };
    default:
      return assertUnreachable(code, 'SLA error code');
  }
}
