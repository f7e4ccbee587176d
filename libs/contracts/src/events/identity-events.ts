import { type DirectoryUser, UserChangedEvent } from '../generated/itsm/identity/v1/events';
import { defineEventType } from './event-type';
import { Topics } from './topics';

/** The languages people are written to in; `DirectoryUser.language` is one of them. */
export const DIRECTORY_LANGUAGES = ['ru', 'en'] as const;
export type DirectoryLanguage = (typeof DIRECTORY_LANGUAGES)[number];

export function isDirectoryLanguage(value: string): value is DirectoryLanguage {
  return (DIRECTORY_LANGUAGES as readonly string[]).includes(value);
}

/** What every consumer may rely on in a directory entry: whom to write to, in which language. */
function directoryUserProblems(user: DirectoryUser | undefined): string[] {
  if (!user) return ['user is missing'];
  const problems: string[] = [];
  if (!user.id) problems.push('user.id is empty');
  if (!user.email.includes('@')) problems.push('user.email is not an address');
  if (!isDirectoryLanguage(user.language))
    problems.push(`user.language is not one of ${DIRECTORY_LANGUAGES.join(', ')}`);
  if (!Number.isInteger(user.version) || user.version < 1)
    problems.push('user.version is not positive');
  return problems;
}

/**
 * A person's directory entry after a change: created, profile, roles or status. Keyed by user
 * id; consumers keep the highest version they have seen.
 */
export const UserChanged = defineEventType<UserChangedEvent>({
  topic: Topics.identity,
  type: 'itsm.identity.v1.user.changed',
  codec: UserChangedEvent,
  validate: ({ user, occurredAt }) => [
    ...directoryUserProblems(user),
    ...(occurredAt ? [] : ['occurredAt is missing']),
  ],
});
