import type { Role } from '@itsm/auth';

/** Who an external OpenID Connect provider says the bearer of its token is. */
export interface ExternalIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  /** The provider's `email_verified`; null when it does not say. */
  emailVerified: boolean | null;
  name: string | null;
  /** From the provider's roles claim; undefined when the token carries none. */
  roles: Role[] | undefined;
  /** The organisation claim's value (an organisation's id or name), when configured and present. */
  organization: string | null;
  /** When the token expires. */
  expiresAt: Date;
}

/** Tokens of the configured external identity providers. */
export interface ExternalIdentityTokens {
  /**
   * The identity in a token of a configured provider; undefined when its issuer is none of them;
   * throws AccessTokenRejected when it names one but does not verify.
   */
  verify(token: string): Promise<ExternalIdentity | undefined>;
}

export const EXTERNAL_IDENTITY_TOKENS = Symbol('ExternalIdentityTokens');
