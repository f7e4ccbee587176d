import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DirectoryUser, UserChangedEvent } from '../generated/itsm/identity/v1/events';
import { toTimestamp } from '../timestamps';
import { InvalidEventPayloadError } from './event-type';
import * as identityEvents from './identity-events';
import { isDirectoryLanguage, UserChanged } from './identity-events';
import { Topics } from './topics';

const user: DirectoryUser = {
  id: 'emp-1001',
  email: 'i.petrova@example.com',
  displayName: 'Ирина Петрова',
  language: 'ru',
  timeZone: 'Europe/Moscow',
  roles: ['agent', 'supervisor'],
  organizationId: '',
  active: true,
  version: 3,
};

const changed: UserChangedEvent = {
  user,
  occurredAt: toTimestamp(new Date('2026-12-01T07:45:00.250Z')),
};

describe('identity events', () => {
  it('travel on itsm.identity.v1', () => {
    expect(UserChanged.topic).toBe(Topics.identity);
    expect(Topics.identity).toBe('itsm.identity.v1');
    expect(UserChanged.type).toBe('itsm.identity.v1.user.changed');
  });

  it('travel as proto3 JSON: camelCase, RFC 3339 times, defaults left out', () => {
    expect(UserChanged.toJson(changed)).toEqual({
      user: {
        id: 'emp-1001',
        email: 'i.petrova@example.com',
        displayName: 'Ирина Петрова',
        language: 'ru',
        timeZone: 'Europe/Moscow',
        roles: ['agent', 'supervisor'],
        active: true,
        version: 3,
      },
      occurredAt: '2026-12-01T07:45:00.250Z',
    });
  });

  it('read back what they wrote, a disabled customer in an organisation included', () => {
    expect(UserChanged.fromJson(JSON.parse(JSON.stringify(UserChanged.toJson(changed))))).toEqual(
      changed,
    );
    const customer: UserChangedEvent = {
      ...changed,
      user: {
        ...user,
        language: 'en',
        roles: ['requester'],
        organizationId: '0194a000-0000-7000-8000-0000000000c1',
        active: false,
      },
    };
    expect(UserChanged.fromJson(UserChanged.toJson(customer))).toEqual(customer);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no user', { user: undefined }, 'user is missing'],
    ['a user without id', { user: { ...user, id: '' } }, 'user.id is empty'],
    ['a user without email', { user: { ...user, email: '' } }, 'user.email is not'],
    ['a language nobody is written in', { user: { ...user, language: 'de' } }, 'ru, en'],
    ['a user at version 0', { user: { ...user, version: 0 } }, 'version is not positive'],
    ['no time', { occurredAt: undefined }, 'occurredAt is missing'],
  ])('refuse %s', (_label, change, problem) => {
    const json = { ...(UserChanged.toJson(changed) as object), ...change };
    expect(() => UserChanged.fromJson(json)).toThrow(InvalidEventPayloadError);
    expect(() => UserChanged.fromJson(json)).toThrow(problem);
  });

  it('know the languages people are written in', () => {
    expect(['ru', 'en', 'RU', ''].map(isDirectoryLanguage)).toEqual([true, true, false, false]);
  });
});

describe('the AsyncAPI document', () => {
  it('describes every identity event type on the itsm.identity.v1 channel', () => {
    const document = readFileSync(join(__dirname, '../../../../proto/asyncapi.yaml'), 'utf8');
    const eventTypes = Object.values(identityEvents)
      .filter((value): value is typeof UserChanged => typeof value === 'object' && 'type' in value)
      .map((eventType) => eventType.type);
    expect(eventTypes).toEqual(['itsm.identity.v1.user.changed']);
    expect(document).toContain(`address: ${Topics.identity}\n`);
    expect(eventTypes.filter((type) => !document.includes(`name: ${type}\n`))).toEqual([]);
  });
});
