import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Topics, UserChanged, type UserChangedEvent } from '@itsm/contracts';
import { defaultOutboxRelayOptions, OutboxWriter } from '@itsm/messaging';
import { createDataSource, runMigrations } from '@itsm/persistence';
import { runService } from '@itsm/platform';
import {
  createTestDatabase,
  eventually,
  freePort,
  KafkaProbe,
  type TestDatabase,
  testEnvironment,
} from '@itsm/testing';
import { AppModule, EVENT_SOURCE, gatewayDataSourceSettings } from '../app.module';
import { type GatewayConfig, gatewayConfigSchema } from '../config/gateway.config';
import { configureHttp } from '../configure-http';
import { systemClock } from './application/ports/clock';
import { PublishDirectoryUseCase } from './application/users/publish-directory.use-case';
import { PostgresIdentityStore } from './infrastructure/postgres-identity.store';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  // The bodies of this API, read as the tests need them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

interface CallOptions {
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  /** The loopback address to call from: each is a client address of its own to the gateway. */
  from?: string;
}

const ADMIN = {
  email: 'admin@itsm.test',
  password: `admin-${randomBytes(12).toString('base64url')}`,
};
const LOCKOUT_THRESHOLD = 3;
const ANONYMOUS_PER_MINUTE = 10;
const OIDC_AUDIENCE = 'itsm-desk';

/** A JSON call to the gateway, from a chosen loopback address. */
function callWith(baseUrl: URL) {
  return (method: string, path: string, options: CallOptions = {}): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
      const call = request(
        {
          host: baseUrl.hostname,
          port: baseUrl.port,
          path,
          method,
          localAddress: options.from ?? '127.0.0.1',
          headers: {
            ...(payload ? { 'Content-Type': 'application/json' } : {}),
            ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
            ...options.headers,
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => {
            const json = /json/.test(response.headers['content-type'] ?? '');
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: json && text ? JSON.parse(text) : text,
            });
          });
        },
      );
      call.on('error', reject);
      call.end(payload);
    });
}

/** A real OpenID Connect provider's key endpoint: an RS256 key pair and its JWKS over HTTP. */
async function startIdentityProvider() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
  const server: Server = createServer((incoming, response) => {
    if (incoming.url === '/jwks') {
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${origin}/realms/acme`;
  return {
    issuer,
    jwksUri: `${origin}/jwks`,
    sign: (claims: JWTPayload, { audience = OIDC_AUDIENCE, subject = 'ext-1' } = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key-1' })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject(subject)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Takes the outbox relay's turn, as the relay of another replica would, so the events of the
 * tests wait in the outbox where they can be counted; ending the session gives the turn back.
 */
async function holdRelayTurn(databaseUrl: string) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1)', [defaultOutboxRelayOptions.lockId]);
  let held = true;
  return {
    release: async () => {
      if (!held) return;
      held = false;
      await client.end();
    },
  };
}

describe('gateway identity with a real PostgreSQL', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let relayTurn: Awaited<ReturnType<typeof holdRelayTurn>>;
  let provider: Awaited<ReturnType<typeof startIdentityProvider>>;
  let call: ReturnType<typeof callWith>;
  let lastAddress = 1;
  /** A client address no other test has used, so per-address limits start afresh. */
  const freshAddress = () => `127.0.0.${(lastAddress += 1)}`;

  const signIn = (email: string, password: string, from = freshAddress()) =>
    call('POST', '/api/v1/auth/sign-in', { body: { email, password }, from });

  let adminToken: string;

  async function createUser(body: Record<string, unknown>, token = adminToken) {
    const answer = await call('POST', '/api/v1/users', { token, body });
    expect(answer.status).toBe(201);
    return answer.body as { id: string; email: string; version: number };
  }

  const uniqueEmail = (name: string) => `${name}.${randomBytes(4).toString('hex')}@example.com`;

  /** The directory events waiting in the outbox for a user, oldest first, as consumers read them. */
  async function directoryEventsOf(userId: string): Promise<UserChangedEvent[]> {
    const rows = await database.query<{
      topic: string;
      type: string;
      source: string;
      payload: unknown;
    }>(
      `SELECT topic, type, source, payload FROM outbox_events WHERE partition_key = $1
       ORDER BY position`,
      [userId],
    );
    for (const row of rows)
      expect(row).toMatchObject({
        topic: Topics.identity,
        type: UserChanged.type,
        source: EVENT_SOURCE,
      });
    return rows.map((row) => UserChanged.fromJson(row.payload));
  }

  const outboxSize = async () =>
    (await database.query<{ count: number }>('SELECT count(*)::int AS count FROM outbox_events'))[0]
      ?.count;

  beforeAll(async () => {
    database = await createTestDatabase('itsm_gateway');
    provider = await startIdentityProvider();
    const [httpPort, silentRoutingPort] = await Promise.all([freePort(), freePort()]);
    const config: GatewayConfig = gatewayConfigSchema.parse({
      LOG_LEVEL: 'error',
      HTTP_PORT: String(httpPort),
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testEnvironment().KAFKA_BROKERS,
      AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
      AUTH_LOCKOUT_THRESHOLD: String(LOCKOUT_THRESHOLD),
      AUTH_BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
      AUTH_BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: String(ANONYMOUS_PER_MINUTE),
      AUTH_OIDC_PROVIDERS: JSON.stringify([
        {
          issuer: provider.issuer,
          jwksUri: provider.jwksUri,
          audience: OIDC_AUDIENCE,
          rolesClaim: 'realm_access.roles',
          organizationClaim: 'organization',
        },
      ]),
      // Nothing listens there: tokens are issued without support groups.
      ROUTING_GRPC_URL: `127.0.0.1:${silentRoutingPort}`,
      CORS_ALLOWED_ORIGINS: 'https://desk.example.com',
    });
    await runMigrations(createDataSource(gatewayDataSourceSettings(config)));
    relayTurn = await holdRelayTurn(database.url);
    app = await runService({
      module: AppModule.register(config),
      http: { host: '127.0.0.1', port: httpPort },
      shutdownDrainMs: 0,
      telemetry: { shutdown: async () => undefined },
      configure: (nest) => configureHttp(nest, config),
    });
    call = callWith(new URL(`http://127.0.0.1:${httpPort}`));
    const signedIn = await signIn(ADMIN.email, ADMIN.password);
    if (signedIn.status !== 200)
      throw new Error(
        `the bootstrapped administrator cannot sign in: ${JSON.stringify(signedIn.body)}`,
      );
    adminToken = signedIn.body.accessToken;
  });

  afterAll(async () => {
    await relayTurn?.release();
    await app?.close();
    await provider?.stop();
    await database?.drop();
  });

  it('answers a call without credentials with 401 problem+json and a challenge; health and docs stay open', async () => {
    const refused = await call('GET', '/api/v1/me');
    expect(refused.status).toBe(401);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.headers['www-authenticate']).toMatch(/^Bearer realm="itsm"/);
    expect(refused.body).toMatchObject({ type: '/problems/unauthenticated', status: 401 });

    const forged = await call('GET', '/api/v1/me', { token: 'not.a.jwt' });
    expect(forged.status).toBe(401);

    expect((await call('GET', '/health/live')).status).toBe(200);
    expect((await call('GET', '/health/ready')).status).toBe(200);
    expect((await call('GET', '/api/docs-json')).status).toBe(200);
    // helmet's headers are on every answer, refusals included.
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
  });

  it('lets allowed browser origins in and exposes the headers clients read', async () => {
    const preflight = await call('OPTIONS', '/api/v1/me', {
      headers: {
        Origin: 'https://desk.example.com',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://desk.example.com');
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');
    const answer = await call('GET', '/health/live', {
      headers: { Origin: 'https://desk.example.com' },
    });
    expect(answer.headers['access-control-expose-headers']).toContain('Retry-After');
    const stranger = await call('GET', '/health/live', {
      headers: { Origin: 'https://evil.example' },
    });
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('signs the bootstrapped administrator in and tells them who they are', async () => {
    const answer = await signIn(ADMIN.email.toUpperCase(), ADMIN.password);
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { email: ADMIN.email, roles: ['administrator'], hasPassword: true },
    });
    expect(answer.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(answer.body.user).not.toHaveProperty('passwordHash');

    const me = await call('GET', '/api/v1/me', { token: answer.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      kind: 'user',
      email: ADMIN.email,
      roles: ['administrator'],
      scopes: [],
      groupIds: [],
      organization: null,
    });
    expect(me.body.permissions).toEqual(
      expect.arrayContaining(['identity.roles.assign', 'identity.api_keys.manage']),
    );
    const [bootstrapped] = await database.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE action = 'user.bootstrapped'`,
    );
    expect(bootstrapped).toBeDefined();
    const entries = await directoryEventsOf(me.body.id);
    expect(entries.map(({ user }) => user)).toEqual([
      {
        id: me.body.id,
        email: ADMIN.email,
        displayName: 'Administrator',
        language: 'en',
        timeZone: 'UTC',
        roles: ['administrator'],
        organizationId: '',
        active: true,
        version: 1,
      },
    ]);
  });

  it('answers an unknown email and a wrong password alike, and locks the account after repeated failures', async () => {
    const email = uniqueEmail('locked');
    const password = 'the right password 1';
    const user = await createUser({
      email,
      displayName: 'Locked Out',
      password,
      roles: ['requester'],
    });
    const from = freshAddress();

    const unknown = await signIn(uniqueEmail('nobody'), password, from);
    const wrong = await signIn(email, 'not the password', from);
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(wrong.body.type).toBe(unknown.body.type);
    expect(wrong.body.detail).toBe(unknown.body.detail);

    for (let attempt = 2; attempt < LOCKOUT_THRESHOLD; attempt += 1)
      expect((await signIn(email, 'not the password', from)).body.type).toBe(
        '/problems/unauthenticated',
      );
    const locking = await signIn(email, 'not the password', from);
    expect(locking.status).toBe(401);
    expect(locking.body.type).toBe('/problems/account-locked');
    expect(locking.body.detail).not.toContain(email);
    const rightButLocked = await signIn(email, password, from);
    expect(rightButLocked.status).toBe(401);
    expect(rightButLocked.body.type).toBe('/problems/account-locked');

    const shown = await call('GET', `/api/v1/users/${user.id}`, { token: adminToken });
    expect(shown.body.lockedUntil).not.toBeNull();
    const unlocked = await call('POST', `/api/v1/users/${user.id}/unlock`, { token: adminToken });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.lockedUntil).toBeNull();
    expect((await signIn(email, password)).status).toBe(200);

    const audit = await call('GET', `/api/v1/audit-events?targetId=${user.id}&limit=50`, {
      token: adminToken,
    });
    expect(audit.body.items.map((event: { action: string }) => event.action)).toEqual([
      'auth.sign_in.succeeded',
      'user.unlocked',
      'auth.sign_in.locked',
      'auth.sign_in.locked',
      ...Array<string>(LOCKOUT_THRESHOLD - 1).fill('auth.sign_in.failed'),
      'user.created',
    ]);
    expect(audit.body.items[2]).toMatchObject({
      actor: { kind: 'anonymous', id: null },
      outcome: 'failure',
      ip: from,
    });
    // A sign-in lock is no change of the directory: the person is still someone to write to.
    expect((await directoryEventsOf(user.id)).map((event) => event.user?.version)).toEqual([1]);
  });

  it('rotates refresh tokens, and ends the session when a used one comes back', async () => {
    const email = uniqueEmail('rotating');
    const user = await createUser({
      email,
      displayName: 'Rotating',
      password: 'rotating password',
      roles: ['agent'],
    });
    const first = await signIn(email, 'rotating password');
    const from = freshAddress();

    const second = await call('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: first.body.refreshToken },
      from,
    });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
    expect((await call('GET', '/api/v1/me', { token: second.body.accessToken })).status).toBe(200);

    const replayed = await call('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: first.body.refreshToken },
      from,
    });
    expect(replayed.status).toBe(401);
    expect(replayed.body.type).toBe('/problems/unauthenticated');

    // The whole session ended: the rotated token and the session's access tokens too.
    const rotated = await call('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: second.body.refreshToken },
      from,
    });
    expect(rotated.status).toBe(401);
    expect((await call('GET', '/api/v1/me', { token: second.body.accessToken })).status).toBe(401);
    const reuse = await call(
      'GET',
      `/api/v1/audit-events?action=auth.refresh.reuse_detected&targetId=${user.id}`,
      { token: adminToken },
    );
    expect(reuse.body.items).toHaveLength(1);
    expect(reuse.body.items[0]).toMatchObject({ outcome: 'failure', ip: from });
  });

  it('refuses the access token and refresh token of a session that signed out', async () => {
    const email = uniqueEmail('leaving');
    await createUser({
      email,
      displayName: 'Leaving',
      password: 'leaving password',
      roles: ['requester'],
    });
    const session = await signIn(email, 'leaving password');
    const token = session.body.accessToken;
    expect((await call('GET', '/api/v1/me', { token })).status).toBe(200);

    expect((await call('POST', '/api/v1/auth/sign-out', { token })).status).toBe(204);
    const after = await call('GET', '/api/v1/me', { token });
    expect(after.status).toBe(401);
    expect(after.body.detail).toMatch(/session has ended/);
    const refresh = await call('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: session.body.refreshToken },
      from: freshAddress(),
    });
    expect(refresh.status).toBe(401);
  });

  it('ends the other sessions when a user changes their password', async () => {
    const email = uniqueEmail('changing');
    await createUser({
      email,
      displayName: 'Changing',
      password: 'old password 123',
      roles: ['agent'],
    });
    const here = await signIn(email, 'old password 123');
    const elsewhere = await signIn(email, 'old password 123');

    const wrong = await call('PUT', '/api/v1/me/password', {
      token: here.body.accessToken,
      body: { currentPassword: 'not it', newPassword: 'new password 456' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([
      { field: 'currentPassword', message: 'is not your current password' },
    ]);
    const weak = await call('PUT', '/api/v1/me/password', {
      token: here.body.accessToken,
      body: { currentPassword: 'old password 123', newPassword: email },
    });
    expect(weak.status).toBe(400);

    const changed = await call('PUT', '/api/v1/me/password', {
      token: here.body.accessToken,
      body: { currentPassword: 'old password 123', newPassword: 'new password 456' },
    });
    expect(changed.status).toBe(204);
    expect((await call('GET', '/api/v1/me', { token: here.body.accessToken })).status).toBe(200);
    expect((await call('GET', '/api/v1/me', { token: elsewhere.body.accessToken })).status).toBe(
      401,
    );
    expect((await signIn(email, 'old password 123')).status).toBe(401);
    expect((await signIn(email, 'new password 456')).status).toBe(200);
  });

  it('lets a service desk manager create staff up to supervisor, and only an administrator elevated roles', async () => {
    const email = uniqueEmail('manager');
    const manager = await createUser({
      email,
      displayName: 'Менеджер',
      password: 'manager password',
      roles: ['service_desk_manager'],
    });
    const managerToken = (await signIn(email, 'manager password')).body.accessToken;

    const supervisor = await createUser(
      { email: uniqueEmail('supervisor'), displayName: 'Supervisor', roles: ['supervisor'] },
      managerToken,
    );
    const elevated = await call('POST', '/api/v1/users', {
      token: managerToken,
      body: { email: uniqueEmail('admin2'), displayName: 'Admin 2', roles: ['administrator'] },
    });
    expect(elevated.status).toBe(403);
    expect(elevated.body.type).toBe('/problems/forbidden');

    const promote = await call('PUT', `/api/v1/users/${supervisor.id}/roles`, {
      token: managerToken,
      body: { roles: ['service_desk_manager'] },
    });
    expect(promote.status).toBe(403);
    const ownRoles = await call('PUT', `/api/v1/users/${manager.id}/roles`, {
      token: managerToken,
      body: { roles: ['supervisor'] },
    });
    expect(ownRoles.status).toBe(403);
    const byAdmin = await call('PUT', `/api/v1/users/${supervisor.id}/roles`, {
      token: adminToken,
      body: { roles: ['service_desk_manager'] },
    });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.roles).toEqual(['service_desk_manager']);
    expect(byAdmin.headers.etag).toBe('"2"');

    const audit = await call(
      'GET',
      `/api/v1/audit-events?action=user.roles_changed&targetId=${supervisor.id}`,
      { token: adminToken },
    );
    expect(audit.body.items[0].details).toEqual({
      before: ['supervisor'],
      after: ['service_desk_manager'],
    });
  });

  it('keeps the id a directory import brings, refuses a taken or malformed one, and gives others a UUID', async () => {
    const id = `emp-${randomBytes(4).toString('hex')}`;
    const email = uniqueEmail('imported');
    const created = await call('POST', '/api/v1/users', {
      token: adminToken,
      body: { id, email, displayName: 'Импорт', password: 'imported password', roles: ['agent'] },
    });
    expect(created.status).toBe(201);
    expect(created.body.id).toBe(id);
    expect(created.headers.location).toBe(`/api/v1/users/${id}`);

    // The id is the principal everywhere: sessions, /me, the user's own routes, the audit log.
    const session = await signIn(email, 'imported password');
    expect(session.status).toBe(200);
    const me = await call('GET', '/api/v1/me', { token: session.body.accessToken });
    expect(me.body).toMatchObject({ kind: 'user', id, email });
    expect((await call('GET', `/api/v1/users/${id}`, { token: adminToken })).body.email).toBe(
      email,
    );
    const renamed = await call('PATCH', `/api/v1/users/${id}`, {
      token: adminToken,
      body: { displayName: 'Импорт 2' },
      headers: { 'If-Match': '"1"' },
    });
    expect(renamed.status).toBe(200);
    const audit = await call('GET', `/api/v1/audit-events?action=user.created&targetId=${id}`, {
      token: adminToken,
    });
    expect(audit.body.items[0].details).toMatchObject({ idGiven: true });

    const taken = await call('POST', '/api/v1/users', {
      token: adminToken,
      body: { id, email: uniqueEmail('other'), displayName: 'Other', roles: ['requester'] },
    });
    expect(taken.status).toBe(409);
    expect(taken.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(taken.body).toMatchObject({
      type: '/problems/conflict',
      detail: 'a user with this id exists',
      errors: [{ field: 'id', message: 'is taken' }],
    });

    const malformed = await call('POST', '/api/v1/users', {
      token: adminToken,
      body: { id: 'emp 1001', email: uniqueEmail('bad'), displayName: 'Bad', roles: ['requester'] },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((error: { field: string }) => error.field)).toEqual(['id']);
    expect(
      (await call('GET', `/api/v1/users/${'x'.repeat(101)}`, { token: adminToken })).status,
    ).toBe(400);

    const generated = await createUser({
      email: uniqueEmail('generated'),
      displayName: 'Generated',
      roles: ['requester'],
    });
    expect(generated.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('edits users with If-Match, validates time zones, and disabling ends their sessions', async () => {
    const email = uniqueEmail('edited');
    const user = await createUser({
      email,
      displayName: 'Edited',
      password: 'edited password',
      roles: ['requester'],
    });
    const session = await signIn(email, 'edited password');

    const badZone = await call('PATCH', `/api/v1/users/${user.id}`, {
      token: adminToken,
      body: { timeZone: 'Mars/Olympus_Mons' },
    });
    expect(badZone.status).toBe(400);
    expect(badZone.body.errors[0].field).toBe('timeZone');

    const renamed = await call('PATCH', `/api/v1/users/${user.id}`, {
      token: adminToken,
      body: { displayName: 'Edited Twice', timeZone: 'Europe/Moscow', language: 'ru' },
      headers: { 'If-Match': '"1"' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      displayName: 'Edited Twice',
      timeZone: 'Europe/Moscow',
      version: 2,
    });
    const stale = await call('PATCH', `/api/v1/users/${user.id}`, {
      token: adminToken,
      body: { status: 'disabled' },
      headers: { 'If-Match': '"1"' },
    });
    expect(stale.status).toBe(412);

    const disabled = await call('PATCH', `/api/v1/users/${user.id}`, {
      token: adminToken,
      body: { status: 'disabled' },
    });
    expect(disabled.body.status).toBe('disabled');
    expect((await call('GET', '/api/v1/me', { token: session.body.accessToken })).status).toBe(401);
    expect((await signIn(email, 'edited password')).status).toBe(401);

    const listed = await call(
      'GET',
      `/api/v1/users?status=disabled&query=${encodeURIComponent('twice')}`,
      { token: adminToken },
    );
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([user.id]);
  });

  it('writes one directory event per change of a user, with the row after it, and none for a refused change', async () => {
    const email = uniqueEmail('directory');
    const created = await createUser({
      email,
      displayName: 'Анна Смирнова',
      roles: ['agent'],
      language: 'ru',
      timeZone: 'Europe/Moscow',
    });
    const [first, ...more] = await directoryEventsOf(created.id);
    expect(more).toEqual([]);
    expect(first).toEqual({
      user: {
        id: created.id,
        email,
        displayName: 'Анна Смирнова',
        language: 'ru',
        timeZone: 'Europe/Moscow',
        roles: ['agent'],
        organizationId: '',
        active: true,
        version: 1,
      },
      occurredAt: expect.objectContaining({ seconds: expect.any(Number) }),
    });

    const promoted = await call('PUT', `/api/v1/users/${created.id}/roles`, {
      token: adminToken,
      body: { roles: ['supervisor', 'agent'] },
      headers: { 'If-Match': '"1"' },
    });
    expect(promoted.status).toBe(200);
    const afterRoles = await directoryEventsOf(created.id);
    expect(afterRoles).toHaveLength(2);
    expect(afterRoles[1]?.user).toEqual({
      ...first?.user,
      roles: ['agent', 'supervisor'],
      version: 2,
    });

    const edited = await call('PATCH', `/api/v1/users/${created.id}`, {
      token: adminToken,
      body: { displayName: 'Анна Кузнецова', language: 'en', timeZone: 'Asia/Yekaterinburg' },
      headers: { 'If-Match': '"2"' },
    });
    expect(edited.status).toBe(200);
    const afterEdit = await directoryEventsOf(created.id);
    expect(afterEdit).toHaveLength(3);
    expect(afterEdit[2]?.user).toEqual({
      ...afterRoles[1]?.user,
      displayName: 'Анна Кузнецова',
      language: 'en',
      timeZone: 'Asia/Yekaterinburg',
      version: 3,
    });

    const disabled = await call('PATCH', `/api/v1/users/${created.id}`, {
      token: adminToken,
      body: { status: 'disabled' },
    });
    expect(disabled.status).toBe(200);
    const afterDisabling = await directoryEventsOf(created.id);
    expect(afterDisabling.map((event) => event.user?.version)).toEqual([1, 2, 3, 4]);
    expect(afterDisabling[3]?.user).toMatchObject({ active: false, version: 4 });

    const before = await outboxSize();
    const duplicate = await call('POST', '/api/v1/users', {
      token: adminToken,
      body: { email: email.toUpperCase(), displayName: 'Двойник', roles: ['requester'] },
    });
    expect(duplicate.status).toBe(409);
    const stale = await call('PATCH', `/api/v1/users/${created.id}`, {
      token: adminToken,
      body: { displayName: 'Опоздавшая правка' },
      headers: { 'If-Match': '"3"' },
    });
    expect(stale.status).toBe(412);
    const invalid = await call('PUT', `/api/v1/users/${created.id}/roles`, {
      token: adminToken,
      body: { roles: ['agent'] },
      headers: { 'If-Match': '"1"' },
    });
    expect(invalid.status).toBe(412);
    expect(await outboxSize()).toBe(before);
  });

  it('creates, uses and revokes an API key, recording when it was last used', async () => {
    const account = await call('POST', '/api/v1/service-accounts', {
      token: adminToken,
      body: {
        name: `mail-gateway-${randomBytes(3).toString('hex')}`,
        description: 'Files tickets from mail',
      },
    });
    expect(account.status).toBe(201);
    const created = await call('POST', `/api/v1/service-accounts/${account.body.id}/api-keys`, {
      token: adminToken,
      body: { name: 'production', scopes: ['tickets:write', 'tickets:read'] },
    });
    expect(created.status).toBe(201);
    const key: string = created.body.key;
    expect(key).toMatch(/^itsm_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(created.body).toMatchObject({
      scopes: ['tickets:read', 'tickets:write'],
      lastUsedAt: null,
    });
    const [stored] = await database.query<{ secret_digest: string }>(
      `SELECT secret_digest FROM api_keys WHERE id = $1`,
      [created.body.id],
    );
    // Only a digest is kept: the secret (after itsm_<16 hex>_) is nowhere in the row.
    expect(stored?.secret_digest).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(stored?.secret_digest).not.toBe(key.slice('itsm_'.length + 17));

    const me = await call('GET', '/api/v1/me', { headers: { 'X-API-Key': key } });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      kind: 'service_account',
      id: account.body.id,
      roles: [],
      scopes: ['tickets:read', 'tickets:write'],
      email: null,
    });
    const again = await call('GET', '/api/v1/me', { headers: { Authorization: `ApiKey ${key}` } });
    expect(again.status).toBe(200);
    const outOfScope = await call('GET', '/api/v1/users', { headers: { 'X-API-Key': key } });
    expect(outOfScope.status).toBe(403);

    const keys = await call('GET', `/api/v1/service-accounts/${account.body.id}/api-keys`, {
      token: adminToken,
    });
    expect(keys.body.items).toHaveLength(1);
    expect(keys.body.items[0].lastUsedAt).not.toBeNull();
    expect(keys.body.items[0]).not.toHaveProperty('key');
    const uses = await call(
      'GET',
      `/api/v1/audit-events?action=api_key.used&targetId=${created.body.id}`,
      {
        token: adminToken,
      },
    );
    // Three calls within a minute: one recorded use.
    expect(uses.body.items).toHaveLength(1);
    expect(uses.body.items[0].actor).toEqual({ kind: 'service_account', id: account.body.id });

    const revoked = await call(
      'DELETE',
      `/api/v1/service-accounts/${account.body.id}/api-keys/${created.body.id}`,
      { token: adminToken },
    );
    expect(revoked.status).toBe(204);
    expect((await call('GET', '/api/v1/me', { headers: { 'X-API-Key': key } })).status).toBe(401);
    const wrongSecret = `${key.slice(0, -4)}AAAA`;
    expect(
      (await call('GET', '/api/v1/me', { headers: { 'X-API-Key': wrongSecret } })).status,
    ).toBe(401);
  });

  it('lists audit events newest first, a page at a time', async () => {
    const first = await call('GET', '/api/v1/audit-events?action=user.created&limit=2', {
      token: adminToken,
    });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call(
      'GET',
      `/api/v1/audit-events?action=user.created&limit=2&cursor=${first.body.nextCursor}`,
      { token: adminToken },
    );
    const times = [...first.body.items, ...second.body.items].map(
      (event: { at: string }) => event.at,
    );
    expect(times).toEqual([...times].sort().reverse());
    expect(
      new Set([...first.body.items, ...second.body.items].map((event: { id: string }) => event.id))
        .size,
    ).toBe(4);
    expect(first.body.items[0]).toMatchObject({ actor: { kind: 'user' }, outcome: 'success' });

    const future = await call('GET', '/api/v1/audit-events?from=2999-01-01T00:00:00Z', {
      token: adminToken,
    });
    expect(future.body).toEqual({ items: [], nextCursor: null });
    const forged = await call('GET', '/api/v1/audit-events?cursor=bm90LWEtY3Vyc29y', {
      token: adminToken,
    });
    expect(forged.status).toBe(400);
  });

  it('accepts a token of the external provider and provisions its person on first use', async () => {
    const organization = await call('POST', '/api/v1/organizations', {
      token: adminToken,
      body: { name: `ООО «Ромашка» ${randomBytes(2).toString('hex')}` },
    });
    expect(organization.status).toBe(201);
    const email = uniqueEmail('external');
    const token = await provider.sign(
      {
        email,
        email_verified: true,
        name: 'Внешний Агент',
        organization: organization.body.name,
        realm_access: { roles: ['agent', 'offline_access'] },
      },
      { subject: `ext-${randomBytes(4).toString('hex')}` },
    );

    const me = await call('GET', '/api/v1/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      kind: 'user',
      name: 'Внешний Агент',
      email,
      roles: ['agent'],
      organization: { id: organization.body.id },
    });
    const [user] = await database.query<{ roles: string[]; password_hash: string | null }>(
      `SELECT u.roles, u.password_hash FROM users u
       JOIN user_external_identities i ON i.user_id = u.id WHERE u.email = $1`,
      [email],
    );
    expect(user).toEqual({ roles: ['requester'], password_hash: null });
    const provisionedEntries = await directoryEventsOf(me.body.id);
    expect(provisionedEntries.map((event) => event.user)).toEqual([
      {
        id: me.body.id,
        email,
        displayName: 'Внешний Агент',
        language: 'en',
        timeZone: 'UTC',
        roles: ['requester'],
        organizationId: organization.body.id,
        active: true,
        version: 1,
      },
    ]);

    // The same person without a roles claim: the local user's roles apply.
    const withoutRoles = await provider.sign(
      { email, email_verified: true },
      { subject: 'ext-other' },
    );
    const local = await call('GET', '/api/v1/me', { token: withoutRoles });
    expect(local.body).toMatchObject({ id: me.body.id, roles: ['requester'] });
    // Linking a second identity to the person changes nothing others know of them.
    expect(await directoryEventsOf(me.body.id)).toHaveLength(1);

    const wrongAudience = await provider.sign({ email }, { audience: 'another-app' });
    expect((await call('GET', '/api/v1/me', { token: wrongAudience })).status).toBe(401);
    const unverified = await provider.sign(
      { email: uniqueEmail('unverified'), email_verified: false },
      { subject: 'ext-unverified' },
    );
    expect((await call('GET', '/api/v1/me', { token: unverified })).status).toBe(401);
    const provisioned = await call(
      'GET',
      `/api/v1/audit-events?action=user.provisioned&targetId=${me.body.id}`,
      {
        token: adminToken,
      },
    );
    expect(provisioned.body.items).toHaveLength(1);
  });

  it('limits sign-in per client address, answering 429 with Retry-After', async () => {
    const from = freshAddress();
    const attempt = () => signIn(uniqueEmail('guess'), 'a guessed password', from);
    for (let index = 0; index < ANONYMOUS_PER_MINUTE; index += 1)
      expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.body.type).toBe('/problems/rate-limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Another address is served as before.
    expect((await signIn(ADMIN.email, ADMIN.password)).status).toBe(200);
  });

  it('publishes the whole directory again on demand, each user at the version they have now', async () => {
    const users = await database.query<{ id: string; version: number }>(
      'SELECT id, version FROM users ORDER BY id',
    );
    expect(users.length).toBeGreaterThan(3);
    const before = await outboxSize();
    const store = new PostgresIdentityStore(app.get(DataSource), new OutboxWriter(EVENT_SOURCE));

    // A batch smaller than the directory, so the pages follow one another.
    await expect(new PublishDirectoryUseCase(store, systemClock, 3).execute()).resolves.toBe(
      users.length,
    );

    expect(await outboxSize()).toBe((before ?? 0) + users.length);
    for (const { id, version } of users)
      expect((await directoryEventsOf(id)).at(-1)?.user).toMatchObject({ id, version });
  });

  it('relays the directory events to Kafka as CloudEvents once the relay has its turn', async () => {
    const [administrator] = await database.query<{ id: string }>(
      'SELECT id FROM users WHERE email = $1',
      [ADMIN.email],
    );
    const adminId = administrator?.id ?? '';
    const waiting = await directoryEventsOf(adminId);
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    const probe = await KafkaProbe.start(Topics.identity);
    try {
      await relayTurn.release();
      await eventually('the outbox drained', async () =>
        (await outboxSize()) === 0 ? true : undefined,
      );
      const messages = await probe.waitForKey(adminId, { count: waiting.length });
      for (const { headers } of messages)
        expect(headers).toMatchObject({
          ce_specversion: '1.0',
          ce_type: 'itsm.identity.v1.user.changed',
          ce_source: EVENT_SOURCE,
        });
      expect(messages.map(({ value }) => UserChanged.fromJson(value))).toEqual(waiting);
    } finally {
      await probe.stop();
    }
  });
});
