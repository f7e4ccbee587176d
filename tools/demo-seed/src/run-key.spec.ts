import { INTEGRATION_SCOPES } from '@itsm/auth';
import type {
  CreateApiKeyBody,
  CreateServiceAccountBody,
  CreatedApiKeyRecord,
  ServiceAccountRecord,
  SessionRecord,
  SignInBody,
} from './gateway-api';
import { ApiProblemError, type ServiceAccountApi, type SessionApi } from './gateway-client';
import { formatRunKey, type RunKeyGateway, type RunKeyOptions, withRunKey } from './run-key';

const NOW = new Date('2026-03-02T10:00:00Z');
const OPTIONS: RunKeyOptions = {
  administrator: { email: 'admin@itsm.local', password: 'the admin password' },
  serviceAccount: 'demo-seed',
  now: NOW,
  validForMs: 6 * 60 * 60 * 1000,
};

interface Key {
  id: string;
  serviceAccountId: string;
  body: CreateApiKeyBody;
  revoked: boolean;
}

/**
 * The gateway's identity in memory: one administrator, service accounts and their keys. Every
 * call is logged with who made it, so the tests see which credentials each step used.
 */
class FakeIdentity implements RunKeyGateway<ServiceAccountApi> {
  readonly log: string[] = [];
  readonly accounts: ServiceAccountRecord[] = [];
  readonly keys: Key[] = [];
  failRevoke = false;

  async signIn(body: SignInBody): Promise<SessionRecord> {
    this.log.push(`sign in ${body.email}`);
    if (body.password !== OPTIONS.administrator.password)
      throw new ApiProblemError(401, '/problems/unauthenticated', '401 Unauthorized');
    return { accessToken: 'access-1' };
  }

  asAdministrator(accessToken: string): Pick<SessionApi, 'signOut'> & ServiceAccountApi {
    return {
      ...this.accountsAs(`bearer ${accessToken}`),
      signOut: () => this.signOut(accessToken),
    };
  }

  asKey(key: string): ServiceAccountApi {
    return this.accountsAs(`key ${key}`);
  }

  private async signOut(accessToken: string): Promise<void> {
    this.log.push(`sign out ${accessToken}`);
  }

  private accountsAs(caller: string): ServiceAccountApi {
    return {
      listServiceAccounts: async () => {
        this.log.push(`${caller}: list service accounts`);
        return [...this.accounts];
      },
      createServiceAccount: async (body: CreateServiceAccountBody) => {
        this.log.push(`${caller}: create service account ${body.name}`);
        const account = { id: `sa-${this.accounts.length + 1}`, name: body.name };
        this.accounts.push(account);
        return account;
      },
      createApiKey: async (serviceAccountId: string, body: CreateApiKeyBody) => {
        this.log.push(`${caller}: create key of ${serviceAccountId}`);
        const id = `key${this.keys.length + 1}`;
        this.keys.push({ id, serviceAccountId, body, revoked: false });
        return { id, serviceAccountId, key: `itsm_${id}_secret` } satisfies CreatedApiKeyRecord;
      },
      revokeApiKey: async (serviceAccountId: string, keyId: string) => {
        this.log.push(`${caller}: revoke ${keyId} of ${serviceAccountId}`);
        if (this.failRevoke) throw new Error('connect ECONNREFUSED');
        const key = this.keys.find((candidate) => candidate.id === keyId);
        if (key) key.revoked = true;
      },
    };
  }
}

describe('withRunKey', () => {
  it('creates the service account and a key with every scope, seeds with the key, and revokes it', async () => {
    const identity = new FakeIdentity();
    const { result, key } = await withRunKey(identity, OPTIONS, async (api) => {
      identity.log.push('seeding');
      expect(await api.listServiceAccounts()).toHaveLength(1);
      return 'seeded';
    });

    expect(result).toBe('seeded');
    expect(key).toEqual({
      id: 'key1',
      serviceAccountId: 'sa-1',
      accountCreated: true,
      expiresAt: new Date('2026-03-02T16:00:00Z'),
    });
    expect(identity.keys).toEqual([
      {
        id: 'key1',
        serviceAccountId: 'sa-1',
        body: {
          name: 'demo-seed 2026-03-02T10:00:00.000Z',
          scopes: [...INTEGRATION_SCOPES],
          expiresAt: '2026-03-02T16:00:00.000Z',
        },
        revoked: true,
      },
    ]);
    expect(identity.log).toEqual([
      'sign in admin@itsm.local',
      'bearer access-1: list service accounts',
      'bearer access-1: create service account demo-seed',
      'bearer access-1: create key of sa-1',
      'sign out access-1',
      'seeding',
      'key itsm_key1_secret: list service accounts',
      'key itsm_key1_secret: revoke key1 of sa-1',
    ]);
    expect(formatRunKey('demo-seed', key)).toBe(
      'API key key1 of service account demo-seed (new): used for this run, revoked',
    );
  });

  it('uses the service account it finds by name, with a new key every run', async () => {
    const identity = new FakeIdentity();
    identity.accounts.push({ id: 'sa-7', name: 'Demo-Seed' });
    await withRunKey(identity, OPTIONS, async () => undefined);
    const { key } = await withRunKey(identity, OPTIONS, async () => undefined);
    expect(key).toMatchObject({ id: 'key2', serviceAccountId: 'sa-7', accountCreated: false });
    expect(identity.accounts).toHaveLength(1);
    expect(identity.keys.map((each) => [each.id, each.revoked])).toEqual([
      ['key1', true],
      ['key2', true],
    ]);
  });

  it('revokes the key when seeding fails, and passes the failure on', async () => {
    const identity = new FakeIdentity();
    const failing = withRunKey(identity, OPTIONS, async () => {
      throw new Error('demo-17: opening failed');
    });
    await expect(failing).rejects.toThrow(/^demo-17: opening failed$/);
    expect(identity.keys[0]?.revoked).toBe(true);
  });

  it('says when the key could not be revoked and when it expires, with the failure before it', async () => {
    const identity = new FakeIdentity();
    identity.failRevoke = true;
    await expect(withRunKey(identity, OPTIONS, async () => 'seeded')).rejects.toThrow(
      "the run's API key key1 of service account demo-seed could not be revoked " +
        '(connect ECONNREFUSED); it expires at 2026-03-02T16:00:00.000Z',
    );
    const both = withRunKey(identity, OPTIONS, async () => {
      throw new Error('demo-17: opening failed');
    });
    await expect(both).rejects.toThrow(
      "demo-17: opening failed\nand the run's API key key2 of service account demo-seed could not be revoked",
    );
  });

  it('names the administrator when signing in fails, and calls nothing else', async () => {
    const identity = new FakeIdentity();
    const work = jest.fn(async () => undefined);
    await expect(
      withRunKey(
        identity,
        { ...OPTIONS, administrator: { email: 'admin@itsm.local', password: 'wrong' } },
        work,
      ),
    ).rejects.toThrow(
      'signing in as admin@itsm.local failed: 401 Unauthorized (is it the administrator the ' +
        'gateway was started with, and its password?)',
    );
    expect(work).not.toHaveBeenCalled();
    expect(identity.log).toEqual(['sign in admin@itsm.local']);
  });

  it('signs out even when the key cannot be created, and never starts seeding', async () => {
    const identity = new FakeIdentity();
    const administrator = identity.asAdministrator.bind(identity);
    identity.asAdministrator = (accessToken) => ({
      ...administrator(accessToken),
      createApiKey: () =>
        Promise.reject(new ApiProblemError(403, '/problems/forbidden', '403 Forbidden')),
    });
    const work = jest.fn(async () => undefined);
    await expect(withRunKey(identity, OPTIONS, work)).rejects.toThrow(
      'the API key of service account demo-seed: 403 Forbidden',
    );
    expect(work).not.toHaveBeenCalled();
    expect(identity.log.at(-1)).toBe('sign out access-1');
  });
});
