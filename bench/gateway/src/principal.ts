import {
  encodePrincipal,
  isIntegrationScope,
  isRole,
  type PrincipalClaims,
  principalOf,
} from '@itsm/auth';

export { PRINCIPAL_METADATA_KEY } from '@itsm/auth';

/**
 * The caller the gateway derives from one of its own access tokens (claims `sub`, `name`,
 * `roles`, `scopes`, `org`, `orgWide`, `groups`), read without checking the signature: the
 * benchmark only needs the administrator the gateway will forward, not to trust the token.
 */
export function claimsOfAccessToken(token: string): PrincipalClaims {
  const [, payload] = token.split('.');
  if (!payload) throw new Error('the access token is not a JWT');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  if (typeof claims['sub'] !== 'string') throw new Error('the access token names no subject');
  return {
    kind: 'user',
    id: claims['sub'],
    name: typeof claims['name'] === 'string' ? claims['name'] : '',
    roles: strings(claims['roles']).filter(isRole),
    scopes: strings(claims['scopes']).filter(isIntegrationScope),
    organizationId: typeof claims['org'] === 'string' ? claims['org'] : null,
    organizationWide: claims['orgWide'] === true,
    groupIds: strings(claims['groups']),
  };
}

/** The `x-itsm-principal` value the gateway sends for the bearer of `token`: an administrator. */
export function administratorMetadataValue(token: string): string {
  const claims = claimsOfAccessToken(token);
  if (!claims.roles.includes('administrator'))
    throw new Error(`the signed-in user is not an administrator (roles: ${claims.roles.join()})`);
  return encodePrincipal(principalOf(claims));
}
