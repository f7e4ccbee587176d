import { decodeJwt, errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { INTEGRATION_SCOPES, ROLES } from '@itsm/auth';
import {
  type AccessTokenClaims,
  AccessTokenRejected,
  type AccessTokens,
} from '../application/ports/access-tokens';

export const ACCESS_TOKEN_AUDIENCE = 'itsm-api';
const ACCESS_TOKEN_TYPE = 'at+jwt';

export interface JoseAccessTokenSettings {
  secret: string;
  issuer: string;
  ttlSeconds: number;
}

/** The principal as the token carries it, in short claim names. */
const tokenClaimsSchema = z.object({
  sub: z.string().min(1).max(200),
  sid: z.string().min(1).max(200),
  name: z.string().max(200),
  roles: z.array(z.enum(ROLES)).max(ROLES.length),
  scopes: z.array(z.enum(INTEGRATION_SCOPES)).max(INTEGRATION_SCOPES.length).default([]),
  org: z.string().min(1).max(200).nullable(),
  orgWide: z.boolean(),
  groups: z.array(z.string().min(1).max(200)).max(1000),
});

/**
 * The gateway's access tokens: JWTs signed with HS256 (RFC 9068 `at+jwt`). Only the gateway
 * signs and checks them, so a shared secret is enough; the services trust the principal in gRPC
 * metadata instead.
 */
export class JoseAccessTokens implements AccessTokens {
  private readonly key: Uint8Array;

  constructor(private readonly settings: JoseAccessTokenSettings) {
    this.key = new TextEncoder().encode(settings.secret);
  }

  get ttlSeconds(): number {
    return this.settings.ttlSeconds;
  }

  issue({ sessionId, principal }: AccessTokenClaims): Promise<string> {
    return new SignJWT({
      sid: sessionId,
      name: principal.name,
      roles: principal.roles,
      ...(principal.scopes.length > 0 ? { scopes: principal.scopes } : {}),
      org: principal.organizationId,
      orgWide: principal.organizationWide,
      groups: principal.groupIds,
    })
      .setProtectedHeader({ alg: 'HS256', typ: ACCESS_TOKEN_TYPE })
      .setIssuer(this.settings.issuer)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setSubject(principal.id)
      .setIssuedAt()
      .setExpirationTime(`${this.settings.ttlSeconds}s`)
      .sign(this.key);
  }

  async verify(token: string): Promise<AccessTokenClaims | undefined> {
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw new AccessTokenRejected('not a JWT');
    }
    if (issuer !== this.settings.issuer) return undefined;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: this.settings.issuer,
        audience: ACCESS_TOKEN_AUDIENCE,
        typ: ACCESS_TOKEN_TYPE,
        requiredClaims: ['sub', 'sid', 'exp', 'iat'],
      });
      const claims = tokenClaimsSchema.parse(payload);
      return {
        sessionId: claims.sid,
        principal: {
          kind: 'user',
          id: claims.sub,
          name: claims.name,
          roles: claims.roles,
          scopes: claims.scopes,
          organizationId: claims.org,
          organizationWide: claims.orgWide,
          groupIds: claims.groups,
        },
      };
    } catch (error) {
      if (error instanceof errors.JOSEError || error instanceof z.ZodError)
        throw new AccessTokenRejected(error.message);
      throw error;
    }
  }
}
