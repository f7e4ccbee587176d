/** Random secrets and their digests: what the gateway hands out once and keeps only hashed. */
export interface Secrets {
  /** An opaque refresh token: 32 random bytes, base64url. */
  newRefreshToken(): string;
  /** A new API key's id (16 hex) and secret (32 random bytes, base64url). */
  newApiKey(): { keyId: string; secret: string };
  /** SHA-256 of a high-entropy secret (tokens and keys need no slow hash), base64url. */
  digest(secret: string): string;
  /** Compares a secret with a stored digest in constant time. */
  matches(secret: string, digest: string): boolean;
}

export const SECRETS = Symbol('Secrets');
