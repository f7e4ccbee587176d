import type { Principal } from '@itsm/auth';
import { forbidden } from '../auth/auth.guard';

/**
 * The person whose notifications and preferences a route reads or changes: always the caller,
 * never one named in the request. Integrations have no notifications of their own.
 */
export function recipientOf(principal: Principal): string {
  if (principal.kind !== 'user')
    throw forbidden('notifications and their preferences belong to people, not service accounts');
  return principal.id;
}
