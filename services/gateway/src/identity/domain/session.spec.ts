import { decideRefresh, isSessionActive, type RefreshTokenRecord, type Session } from './session';

const now = new Date('2026-03-02T10:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

const session = (overrides: Partial<Session> = {}): Session => ({
  id: 's-1',
  userId: 'u-1',
  createdAt: later(-3600),
  expiresAt: later(3600),
  revokedAt: null,
  groupIds: [],
  ...overrides,
});

const token = (overrides: Partial<RefreshTokenRecord> = {}): RefreshTokenRecord => ({
  digest: 'digest',
  sessionId: 's-1',
  issuedAt: later(-60),
  expiresAt: later(3600),
  usedAt: null,
  ...overrides,
});

describe('refresh token rotation', () => {
  it.each<
    [string, RefreshTokenRecord | undefined, Session | undefined, ReturnType<typeof decideRefresh>]
  >([
    ['a fresh token of a live session rotates', token(), session(), { kind: 'rotate' }],
    ['an unknown token is refused', undefined, undefined, { kind: 'refuse', reason: 'unknown' }],
    [
      'a token of another session is refused',
      token({ sessionId: 's-2' }),
      session(),
      { kind: 'refuse', reason: 'unknown' },
    ],
    [
      'a used token is a reuse: the session ends',
      token({ usedAt: later(-30) }),
      session(),
      { kind: 'reuse' },
    ],
    [
      'a used and expired token is still a reuse',
      token({ usedAt: later(-30), expiresAt: later(-1) }),
      session(),
      { kind: 'reuse' },
    ],
    [
      'any token of an ended session is refused without more ado',
      token({ usedAt: later(-30) }),
      session({ revokedAt: later(-10) }),
      { kind: 'refuse', reason: 'session_ended' },
    ],
    [
      'an expired token is refused',
      token({ expiresAt: now }),
      session(),
      { kind: 'refuse', reason: 'expired' },
    ],
    [
      'a token of a session past its absolute end is refused',
      token(),
      session({ expiresAt: later(-1) }),
      { kind: 'refuse', reason: 'expired' },
    ],
  ])('%s', (_case, presented, owner, decision) => {
    expect(decideRefresh(presented, owner, now)).toEqual(decision);
  });

  it.each<[string, Partial<Session>, boolean]>([
    ['live', {}, true],
    ['revoked', { revokedAt: later(-1) }, false],
    ['past its end', { expiresAt: now }, false],
  ])('a session that is %s honours its access tokens: %s', (_case, overrides, active) => {
    expect(isSessionActive(session(overrides), now)).toBe(active);
  });
});
