import type { DirectoryUser } from '@itsm/contracts';
import { resolveLocale } from '../domain/locale';
import type { Recipient } from '../application/ports/recipient';

export function recipientOfDirectoryUser(user: DirectoryUser): Recipient {
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName || user.email,
    language: resolveLocale(user.language),
    timeZone: user.timeZone || 'UTC',
    roles: user.roles,
    organizationId: user.organizationId || null,
    active: user.active,
    version: user.version,
  };
}
