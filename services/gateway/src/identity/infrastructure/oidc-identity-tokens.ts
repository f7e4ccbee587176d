import {
  createRemoteJWKSet,
  decodeJwt,
  errors,
  type JWTPayload,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import { AccessTokenRejected } from '../application/ports/access-tokens';
import type {
  ExternalIdentity,
  ExternalIdentityTokens,
} from '../application/ports/external-identity-tokens';
import type { OidcProviderConfig } from '../../config/gateway.config';
import { claimAt, rolesOfClaim } from '../domain/oidc-claims';

// Asymmetric algorithms only: a provider's public key must never be usable as an HMAC secret.
const ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];
const CLOCK_TOLERANCE_SECONDS = 30;
const JWKS_TIMEOUT_MS = 5_000;

interface Provider {
  config: OidcProviderConfig;
  keys: JWTVerifyGetKey;
}

function stringClaim(payload: JWTPayload, name: string): string | null {
  const value = payload[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * Tokens of the configured OpenID Connect providers, verified against each provider's published
 * keys (fetched on first use, cached and refetched when a token names an unknown key id).
 */
export class OidcIdentityTokens implements ExternalIdentityTokens {
  private readonly providers: ReadonlyMap<string, Provider>;

  constructor(configs: readonly OidcProviderConfig[]) {
    this.providers = new Map(
      configs.map((config) => [
        config.issuer,
        {
          config,
          keys: createRemoteJWKSet(new URL(config.jwksUri), { timeoutDuration: JWKS_TIMEOUT_MS }),
        },
      ]),
    );
  }

  async verify(token: string): Promise<ExternalIdentity | undefined> {
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw new AccessTokenRejected('not a JWT');
    }
    const provider = typeof issuer === 'string' ? this.providers.get(issuer) : undefined;
    if (!provider) return undefined;
    const { config } = provider;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, provider.keys, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      if (error instanceof errors.JOSEError) throw new AccessTokenRejected(error.message);
      throw error;
    }
    const organization = config.organizationClaim
      ? claimAt(payload, config.organizationClaim)
      : undefined;
    return {
      issuer: config.issuer,
      subject: payload.sub ?? '',
      email: stringClaim(payload, 'email'),
      emailVerified:
        typeof payload['email_verified'] === 'boolean' ? payload['email_verified'] : null,
      name: stringClaim(payload, 'name') ?? stringClaim(payload, 'preferred_username'),
      roles: rolesOfClaim(claimAt(payload, config.rolesClaim)),
      organization: typeof organization === 'string' && organization ? organization : null,
      expiresAt: new Date((payload.exp ?? 0) * 1000),
    };
  }
}
