import type { Principal } from '@itsm/auth';

/** What a caller presented: a JWT (ours or an external identity provider's) or an API key. */
export type Credentials = { kind: 'bearer'; token: string } | { kind: 'api_key'; key: string };

export interface Authentication {
  principal: Principal;
  /** Set when the caller used an API key. */
  apiKeyId?: string;
  /** Set when the caller used one of the gateway's own access tokens: the session it belongs to. */
  sessionId?: string;
}

/** Where a request came from, for the audit log. */
export interface CallerOrigin {
  ip: string | null;
  userAgent: string | null;
}

const USER_AGENT_MAX_LENGTH = 500;

/** The client address (as Express sees it, behind the trusted proxies) and user agent. */
export function originOf(request: {
  ip?: string | undefined;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}): CallerOrigin {
  const userAgent = request.headers['user-agent'];
  return {
    ip: request.ip ?? null,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, USER_AGENT_MAX_LENGTH) : null,
  };
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
  abstract authenticate(credentials: Credentials, origin: CallerOrigin): Promise<Authentication>;
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
