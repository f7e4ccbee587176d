import type { Principal } from '@itsm/auth';

/** What a caller presented: a JWT (ours or an external identity provider's) or an API key. */
export type Credentials = { kind: 'bearer'; token: string } | { kind: 'api_key'; key: string };

export interface Authentication {
  principal: Principal;
  /** Set when the caller used an API key. */
  apiKeyId?: string;
}

/** Refused credentials; the message says why without revealing which part was wrong. */
export class AuthenticationFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationFailed';
  }
}

/** Turns credentials into a principal, or throws `AuthenticationFailed`. */
export abstract class Authenticator {
  abstract authenticate(credentials: Credentials): Promise<Authentication>;
}

const BEARER = /^Bearer\s+(\S+)$/i;
const API_KEY = /^ApiKey\s+(\S+)$/i;

/** Reads `Authorization: Bearer …`, `Authorization: ApiKey …` or `X-API-Key`. */
export function credentialsOf(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): Credentials | undefined {
  const authorization = headers['authorization'];
  if (typeof authorization === 'string') {
    const bearer = BEARER.exec(authorization);
    if (bearer?.[1]) return { kind: 'bearer', token: bearer[1] };
    const apiKey = API_KEY.exec(authorization);
    if (apiKey?.[1]) return { kind: 'api_key', key: apiKey[1] };
  }
  const apiKeyHeader = headers['x-api-key'];
  if (typeof apiKeyHeader === 'string' && apiKeyHeader.length > 0)
    return { kind: 'api_key', key: apiKeyHeader };
  return undefined;
}
