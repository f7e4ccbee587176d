import { assertUnreachable } from '@itsm/lang';
import { TicketErrorCode } from '../domain/ticket-error';

/**
 * What the routing-event consumer does with an event a use case refused. Retrying cannot make
 * a refused event apply, and a retried event holds up every later event of its partition (the
 * ticket's own among them), so each is skipped: logged, with its inbox row recorded.
 */
export interface Disposition {
  action: 'skip';
  level: 'warn' | 'error';
}

export function dispositionOf(code: TicketErrorCode): Disposition {
  switch (code) {
    case TicketErrorCode.InvalidTransition:
    case TicketErrorCode.VersionConflict:
    case TicketErrorCode.NotFound:
      return { action: 'skip', level: 'warn' };
    // The use cases check what they take from an event; these mean a check is missing.
    case TicketErrorCode.ValidationFailed:
    case TicketErrorCode.InvalidPageToken:
    case TicketErrorCode.IdempotencyKeyReused:
    case TicketErrorCode.NotPermitted:
    case TicketErrorCode.Unauthenticated:
      return { action: 'skip', level: 'error' };
    default:
      return assertUnreachable(code, 'ticket error code');
  }
}
