import type { DirectoryUser } from '@itsm/contracts';
import type { User } from '../domain/user';

/**
 * A user's entry in the directory other services keep: what they need to address a person and
 * decide what the person may receive, and nothing of how they sign in.
 */
export function toDirectoryUser(user: User): DirectoryUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    language: user.language,
    timeZone: user.timeZone,
    roles: [...user.roles],
    organizationId: user.organizationId ?? '',
    // A sign-in lock passes by itself; only a disabled account stops being someone to write to.
    active: user.status === 'active',
    version: user.version,
  };
}
