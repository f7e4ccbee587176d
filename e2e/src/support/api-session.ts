import { INTEGRATION_SCOPES, type IntegrationScope } from '@itsm/auth';

/** Headers that authenticate a request: a bearer token or an API key. */
export type AuthHeaders = Record<string, string>;

/** `fetch` for one caller: their credentials on every request. */
export type CallerFetch = (url: string, init?: RequestInit) => Promise<Response>;

export function fetchAs(auth: AuthHeaders): CallerFetch {
  return (url, init = {}) =>
    fetch(url, { ...init, headers: { ...auth, ...headersOf(init.headers) } });
}

function headersOf(headers: RequestInit['headers']): Record<string, string> {
  return Object.fromEntries(new Headers(headers).entries());
}

/** POST of a JSON body as the caller. */
export function postJsonAs(
  caller: CallerFetch,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return caller(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function expectOk(response: Response, what: string): Promise<unknown> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Signs in with a password; the bearer header of the new session. */
export async function signIn(
  gatewayUrl: string,
  email: string,
  password: string,
): Promise<AuthHeaders> {
  const body = (await expectOk(
    await fetch(`${gatewayUrl}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    }),
    `sign-in of ${email}`,
  )) as { accessToken: string };
  return { authorization: `Bearer ${body.accessToken}` };
}

/**
 * A service account with an API key, as integrations use the API: by default every scope, so
 * it may act for the people it names (a mail gateway filing tickets for their senders).
 */
export async function integrationKey(
  gatewayUrl: string,
  admin: AuthHeaders,
  name: string,
  scopes: readonly IntegrationScope[] = INTEGRATION_SCOPES,
): Promise<AuthHeaders> {
  const asAdmin = fetchAs(admin);
  const account = (await expectOk(
    await postJsonAs(asAdmin, `${gatewayUrl}/api/v1/service-accounts`, { name }),
    `service account ${name}`,
  )) as { id: string };
  const key = (await expectOk(
    await postJsonAs(asAdmin, `${gatewayUrl}/api/v1/service-accounts/${account.id}/api-keys`, {
      name: `${name} key`,
      scopes,
    }),
    `API key of ${name}`,
  )) as { key: string };
  return { 'x-api-key': key.key };
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  auth: AuthHeaders;
  fetch: CallerFetch;
}

/** Creates a user (as the administrator) and signs them in. */
export async function createUser(
  gatewayUrl: string,
  admin: AuthHeaders,
  user: {
    email: string;
    displayName: string;
    roles: string[];
    organizationId?: string;
    organizationWide?: boolean;
    language?: 'ru' | 'en';
    timeZone?: string;
  },
): Promise<TestUser> {
  const password = `pw-${user.email}-Долгий-пароль`;
  const created = (await expectOk(
    await postJsonAs(fetchAs(admin), `${gatewayUrl}/api/v1/users`, { ...user, password }),
    `user ${user.email}`,
  )) as { id: string };
  const auth = await signIn(gatewayUrl, user.email, password);
  return { id: created.id, email: user.email, password, auth, fetch: fetchAs(auth) };
}
