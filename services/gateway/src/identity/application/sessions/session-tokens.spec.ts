import type { Session } from '../../domain/session';
import type { User } from '../../domain/user';
import type { AccessTokenClaims, AccessTokens } from '../ports/access-tokens';
import type { GroupDirectory } from '../ports/group-directory';
import type {
  IdentityRepositories,
  IdentityStore,
  SessionRepository,
} from '../ports/identity-store';
import type { Secrets } from '../ports/secrets';
import { SessionTokens } from './session-tokens';

const now = new Date('2026-03-02T10:00:00Z');

const user: User = {
  id: 'u-1',
  email: 'agent@example.com',
  displayName: 'Агент Смит',
  passwordHash: null,
  roles: ['agent'],
  organizationId: null,
  organizationWide: false,
  language: 'ru',
  timeZone: 'Europe/Moscow',
  status: 'active',
  failedSignIns: 0,
  lockedUntil: null,
  lastSignInAt: null,
  createdAt: now,
  updatedAt: now,
  version: 1,
};

/** Sessions and refresh tokens in memory: only what SessionTokens uses. */
function fakeStore() {
  const sessions = new Map<string, Session>();
  const used = new Set<string>();
  const repository: Pick<
    SessionRepository,
    'create' | 'markRefreshTokenUsed' | 'addRefreshToken' | 'saveGroups'
  > = {
    create: (session) => {
      sessions.set(session.id, session);
      return Promise.resolve();
    },
    markRefreshTokenUsed: (digest) => {
      const first = !used.has(digest);
      used.add(digest);
      return Promise.resolve(first);
    },
    addRefreshToken: () => Promise.resolve(),
    saveGroups: (sessionId, groupIds) => {
      const session = sessions.get(sessionId);
      if (session) sessions.set(sessionId, { ...session, groupIds: [...groupIds] });
      return Promise.resolve();
    },
  };
  const repositories = { sessions: repository } as unknown as IdentityRepositories;
  const store = {
    ...repositories,
    transaction: <T>(work: (tx: IdentityRepositories) => Promise<T>) => work(repositories),
  } as IdentityStore;
  return { store, sessions };
}

const issued: AccessTokenClaims[] = [];
const accessTokens: AccessTokens = {
  ttlSeconds: 900,
  issue: (claims) => {
    issued.push(claims);
    return Promise.resolve(`token-${issued.length}`);
  },
  verify: () => Promise.resolve(undefined),
};

let refreshCounter = 0;
const secrets: Secrets = {
  newRefreshToken: () => `refresh-${(refreshCounter += 1)}`,
  newApiKey: () => ({ keyId: '0'.repeat(16), secret: 'x'.repeat(43) }),
  digest: (secret) => `sha(${secret})`,
  matches: (secret, digest) => digest === `sha(${secret})`,
};

function directory(answers: (string[] | undefined)[]): GroupDirectory {
  return { groupsOf: () => Promise.resolve(answers.shift()) };
}

describe('session tokens', () => {
  beforeEach(() => {
    issued.length = 0;
  });

  it('puts the groups routing knows into the token and the session', async () => {
    const { store, sessions } = fakeStore();
    const tokens = new SessionTokens(
      store,
      accessTokens,
      secrets,
      directory([['g-net']]),
      { now: () => now },
      3600,
    );
    const result = await tokens.start(user, 's-1');
    expect(result).toMatchObject({ accessToken: 'token-1', expiresIn: 900, sessionId: 's-1' });
    expect(issued[0]?.principal).toMatchObject({
      kind: 'user',
      id: 'u-1',
      roles: ['agent'],
      groupIds: ['g-net'],
    });
    expect(sessions.get('s-1')?.expiresAt).toEqual(new Date(now.getTime() + 3_600_000));
  });

  it('signs in without groups when routing cannot answer', async () => {
    const { store } = fakeStore();
    const tokens = new SessionTokens(
      store,
      accessTokens,
      secrets,
      directory([undefined]),
      { now: () => now },
      3600,
    );
    await tokens.start(user, 's-1');
    expect(issued[0]?.principal.groupIds).toEqual([]);
  });

  it('keeps the session’s last groups on refresh when routing cannot answer', async () => {
    const { store, sessions } = fakeStore();
    const tokens = new SessionTokens(
      store,
      accessTokens,
      secrets,
      directory([['g-net', 'g-apps'], undefined]),
      { now: () => now },
      3600,
    );
    const first = await tokens.start(user, 's-1');
    const session = sessions.get('s-1');
    if (!session) throw new Error('no session');
    const second = await tokens.rotate(user, session, secrets.digest(first.refreshToken));
    expect(second).not.toBe('reused');
    expect(issued[1]?.principal.groupIds).toEqual(['g-net', 'g-apps']);
  });

  it('answers reused when the refresh token was exchanged already', async () => {
    const { store, sessions } = fakeStore();
    const tokens = new SessionTokens(
      store,
      accessTokens,
      secrets,
      directory([[], [], []]),
      { now: () => now },
      3600,
    );
    const first = await tokens.start(user, 's-1');
    const session = sessions.get('s-1');
    if (!session) throw new Error('no session');
    const digest = secrets.digest(first.refreshToken);
    await expect(tokens.rotate(user, session, digest)).resolves.toMatchObject({ sessionId: 's-1' });
    await expect(tokens.rotate(user, session, digest)).resolves.toBe('reused');
  });
});
