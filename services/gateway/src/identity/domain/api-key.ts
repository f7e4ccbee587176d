import type { IntegrationScope } from '@itsm/auth';

/** A key an integration presents: `itsm_<keyId>_<secret>`, shown once when created. */
export interface ApiKey {
  /** 16 hex characters, also the visible part of the key. */
  id: string;
  serviceAccountId: string;
  name: string;
  /** SHA-256 of the secret; the secret itself is never stored. */
  secretDigest: string;
  scopes: IntegrationScope[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  /** The user or service account that created it. */
  createdBy: string;
  createdAt: Date;
}

export const API_KEY_PREFIX = 'itsm_';
const API_KEY_PATTERN = /^itsm_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
export const API_KEY_ID_PATTERN = /^[0-9a-f]{16}$/;

/** The key id and secret of a presented key; undefined when it is not one of ours. */
export function parseApiKey(text: string): { keyId: string; secret: string } | undefined {
  const match = API_KEY_PATTERN.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  return { keyId: match[1], secret: match[2] };
}

/** The key as the integration keeps it; the secret is 32 random bytes in base64url. */
export function formatApiKey(keyId: string, secret: string): string {
  const key = `${API_KEY_PREFIX}${keyId}_${secret}`;
  if (!parseApiKey(key)) throw new Error('an API key is made of a 16-hex id and a 43-char secret');
  return key;
}

export type ApiKeyRefusal = 'revoked' | 'expired' | 'service_account_disabled';

/** Why a key is no longer accepted, or undefined when it is. */
export function apiKeyRefusal(
  key: Pick<ApiKey, 'revokedAt' | 'expiresAt'>,
  serviceAccountDisabled: boolean,
  now: Date,
): ApiKeyRefusal | undefined {
  if (key.revokedAt !== null) return 'revoked';
  if (key.expiresAt !== null && key.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (serviceAccountDisabled) return 'service_account_disabled';
  return undefined;
}

/** last_used_at (and its audit event) is written at most this often per key. */
export const API_KEY_USE_RECORD_INTERVAL_MS = 60_000;

/** Whether this use of the key is to be recorded. */
export function isKeyUseDue(lastUsedAt: Date | null, now: Date): boolean {
  return (
    lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= API_KEY_USE_RECORD_INTERVAL_MS
  );
}
