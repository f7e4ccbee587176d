import { INTEGRATION_SCOPES } from '@itsm/auth';
import type { ServiceAccountRecord, SessionRecord, SignInBody } from './gateway-api';
import { ApiProblemError, type ServiceAccountApi, type SessionApi } from './gateway-client';

/**
 * How the seeder reaches the gateway as each of the callers it needs: anonymous to sign in, the
 * administrator to set up the run's key, and the key for everything else.
 */
export interface RunKeyGateway<K extends ServiceAccountApi> {
  signIn(body: SignInBody): Promise<SessionRecord>;
  asAdministrator(accessToken: string): Pick<SessionApi, 'signOut'> & ServiceAccountApi;
  asKey(key: string): K;
}

export interface RunKeyOptions {
  administrator: SignInBody;
  /** The service account the seeder's keys belong to, found by name. */
  serviceAccount: string;
  now: Date;
  /** The key expires by itself after this, should revoking it fail (the run was killed). */
  validForMs: number;
}

export interface RunKey {
  id: string;
  serviceAccountId: string;
  /** Whether this run created the service account. */
  accountCreated: boolean;
  expiresAt: Date;
}

/** Names match as the API compares them: trimmed, whatever the case. */
function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function ensureServiceAccount(
  api: ServiceAccountApi,
  name: string,
): Promise<{ account: ServiceAccountRecord; created: boolean }> {
  const known = (await api.listServiceAccounts()).find((account) => sameName(account.name, name));
  if (known) return { account: known, created: false };
  try {
    const account = await api.createServiceAccount({
      name,
      description: 'The demo seeder (tools/demo-seed): one API key per run, revoked at its end.',
    });
    return { account, created: true };
  } catch (error) {
    // Another run created it since the list was read.
    if (!(error instanceof ApiProblemError && error.status === 409)) throw error;
    const raced = (await api.listServiceAccounts()).find((account) => sameName(account.name, name));
    if (!raced) throw error;
    return { account: raced, created: false };
  }
}

/**
 * Signs in as the administrator, makes sure the service account exists, gives it a fresh key
 * with every integration scope (the seeder replays the work of many people, so it names other
 * actors) and signs out again. `work` then runs with the key, which is revoked when it ends,
 * also when it fails; a key that cannot be revoked still expires after `validForMs`.
 */
export async function withRunKey<K extends ServiceAccountApi, T>(
  gateway: RunKeyGateway<K>,
  options: RunKeyOptions,
  work: (api: K) => Promise<T>,
): Promise<{ result: T; key: RunKey }> {
  const { email } = options.administrator;
  let session: SessionRecord;
  try {
    session = await gateway.signIn(options.administrator);
  } catch (error) {
    const hint =
      error instanceof ApiProblemError && error.status === 401
        ? ' (is it the administrator the gateway was started with, and its password?)'
        : '';
    throw new Error(`signing in as ${email} failed: ${messageOf(error)}${hint}`);
  }
  const administrator = gateway.asAdministrator(session.accessToken);
  const expiresAt = new Date(options.now.getTime() + options.validForMs);
  let key: RunKey;
  let secret: string;
  try {
    const { account, created } = await ensureServiceAccount(administrator, options.serviceAccount);
    const issued = await administrator.createApiKey(account.id, {
      name: `${options.serviceAccount} ${options.now.toISOString()}`,
      scopes: [...INTEGRATION_SCOPES],
      expiresAt: expiresAt.toISOString(),
    });
    key = { id: issued.id, serviceAccountId: account.id, accountCreated: created, expiresAt };
    secret = issued.key;
  } catch (error) {
    throw new Error(
      `the API key of service account ${options.serviceAccount}: ${messageOf(error)}`,
    );
  } finally {
    // The session only set up the key; when signing out fails, its tokens still expire.
    await administrator.signOut().catch(() => undefined);
  }

  const api = gateway.asKey(secret);
  const revoke = async (): Promise<Error | undefined> => {
    try {
      // The key holds identity:admin, so it can revoke itself.
      await api.revokeApiKey(key.serviceAccountId, key.id);
      return undefined;
    } catch (error) {
      return new Error(
        `the run's API key ${key.id} of service account ${options.serviceAccount} could not be ` +
          `revoked (${messageOf(error)}); it expires at ${expiresAt.toISOString()}`,
      );
    }
  };
  let result: T;
  try {
    result = await work(api);
  } catch (error) {
    const unrevoked = await revoke();
    if (!unrevoked) throw error;
    throw new Error(`${messageOf(error)}\nand ${unrevoked.message}`, { cause: error });
  }
  const unrevoked = await revoke();
  if (unrevoked) throw unrevoked;
  return { result, key };
}

/** "API key 3f9a1c0b7d2e4a65 of service account demo-seed (new): used for this run, revoked" */
export function formatRunKey(serviceAccount: string, key: RunKey): string {
  const created = key.accountCreated ? ' (new)' : '';
  return `API key ${key.id} of service account ${serviceAccount}${created}: used for this run, revoked`;
}
