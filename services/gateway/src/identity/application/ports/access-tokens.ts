import type { PrincipalClaims } from '@itsm/auth';

/** What the gateway's own access tokens say: the user, their session and their principal. */
export interface AccessTokenClaims {
  sessionId: string;
  principal: PrincipalClaims;
}

/** A token that names our issuer but fails verification (signature, expiry, audience, claims). */
export class AccessTokenRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccessTokenRejected';
  }
}

/** The gateway's own signed access tokens. */
export interface AccessTokens {
  /** Lifetime of the tokens it issues, in seconds. */
  readonly ttlSeconds: number;
  issue(claims: AccessTokenClaims): Promise<string>;
  /**
   * The claims of a token we issued; undefined when the token names another issuer (an external
   * provider's); throws AccessTokenRejected when it names us but does not verify.
   */
  verify(token: string): Promise<AccessTokenClaims | undefined>;
}

export const ACCESS_TOKENS = Symbol('AccessTokens');
