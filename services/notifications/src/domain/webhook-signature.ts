import { createHmac, timingSafeEqual } from 'node:crypto';
import { NotificationError, NotificationErrorCode } from './notification-error';

/** Headers of a webhook delivery, as subscribers are told to read them. */
export const WEBHOOK_SIGNATURE_HEADER = 'X-ITSM-Signature';
export const WEBHOOK_TIMESTAMP_HEADER = 'X-ITSM-Timestamp';

const SCHEME = 'sha256=';
const SECRET_BYTES = 32;

/**
 * `sha256=<hex>` of HMAC-SHA256 over `<timestamp>.<body>`: the timestamp is signed with the
 * body, so an intercepted delivery cannot be replayed later under a fresh timestamp.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `${SCHEME}${hmacHex(secret, `${timestamp}.${body}`)}`;
}

/**
 * Whether a delivery is genuine and fresh: signed with the secret and stamped within the
 * tolerance of now, either way, since a subscriber's clock may run ahead of ours. The header
 * may carry several signatures separated by commas or spaces (one per secret while a secret
 * is being rotated); one match is enough.
 */
export function verifyWebhookSignature(
  secret: string,
  timestamp: number,
  body: string,
  header: string,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  if (!Number.isSafeInteger(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, `${timestamp}.${body}`), 'hex');
  return header
    .split(/[\s,]+/)
    .filter((candidate) => candidate.toLowerCase().startsWith(SCHEME))
    .map((candidate) => candidate.slice(SCHEME.length).toLowerCase())
    .filter((hex) => /^[0-9a-f]{64}$/.test(hex))
    .map((hex) => Buffer.from(hex, 'hex'))
    .reduce((found, given) => timingSafeEqual(given, expected) || found, false);
}

/** A new signing secret: 'whsec_' and 32 random bytes in base64url, shown once to the subscriber. */
export function generateWebhookSecret(randomBytes: (n: number) => Uint8Array): string {
  const bytes = randomBytes(SECRET_BYTES);
  if (bytes.length !== SECRET_BYTES) {
    throw new NotificationError(
      NotificationErrorCode.InvalidState,
      `the random source gave ${bytes.length} bytes instead of ${SECRET_BYTES}`,
    );
  }
  return `whsec_${Buffer.from(bytes).toString('base64url')}`;
}

function hmacHex(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload, 'utf8').digest('hex');
}
