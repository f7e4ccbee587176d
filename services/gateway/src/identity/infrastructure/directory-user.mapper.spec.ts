import { toTimestamp, UserChanged } from '@itsm/contracts';
import type { User } from '../domain/user';
import { toDirectoryUser } from './directory-user.mapper';

const AT = new Date('2026-12-01T07:45:00Z');

const agent: User = {
  id: 'emp-1001',
  email: 'i.petrova@example.com',
  displayName: 'Ирина Петрова',
  passwordHash: 'scrypt$32768$8$1$c2FsdA==$a2V5',
  roles: ['agent', 'supervisor'],
  organizationId: null,
  organizationWide: false,
  language: 'ru',
  timeZone: 'Europe/Moscow',
  status: 'active',
  failedSignIns: 2,
  lockedUntil: null,
  lastSignInAt: AT,
  createdAt: AT,
  updatedAt: AT,
  version: 4,
};

describe('toDirectoryUser', () => {
  it('carries what other services need to reach a person, at the row’s version', () => {
    expect(toDirectoryUser(agent)).toEqual({
      id: 'emp-1001',
      email: 'i.petrova@example.com',
      displayName: 'Ирина Петрова',
      language: 'ru',
      timeZone: 'Europe/Moscow',
      roles: ['agent', 'supervisor'],
      organizationId: '',
      active: true,
      version: 4,
    });
  });

  it('leaves out how the person signs in', () => {
    const entry = JSON.stringify(toDirectoryUser(agent));
    for (const secret of ['scrypt', 'passwordHash', 'failedSignIns', 'lastSignInAt'])
      expect(entry).not.toContain(secret);
  });

  it.each<[string, Partial<User>, Partial<ReturnType<typeof toDirectoryUser>>]>([
    ['a disabled account is inactive', { status: 'disabled' }, { active: false }],
    ['a sign-in lock leaves the account active', { lockedUntil: AT }, { active: true }],
    [
      'a customer names their organisation',
      { roles: ['requester'], organizationId: '0194a000-0000-7000-8000-0000000000c1' },
      { roles: ['requester'], organizationId: '0194a000-0000-7000-8000-0000000000c1' },
    ],
    [
      'an English speaker',
      { language: 'en', timeZone: 'UTC' },
      { language: 'en', timeZone: 'UTC' },
    ],
  ])('%s', (_case, change, expected) => {
    expect(toDirectoryUser({ ...agent, ...change })).toMatchObject(expected);
  });

  it('makes an entry the UserChanged contract accepts', () => {
    const payload = { user: toDirectoryUser(agent), occurredAt: toTimestamp(AT) };
    expect(UserChanged.fromJson(JSON.parse(JSON.stringify(UserChanged.toJson(payload))))).toEqual(
      payload,
    );
  });
});
