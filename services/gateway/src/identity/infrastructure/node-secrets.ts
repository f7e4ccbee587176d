import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Secrets } from '../application/ports/secrets';

/** Secrets from the operating system's CSPRNG; digests are SHA-256 (the secrets carry 256 bits). */
export class NodeSecrets implements Secrets {
  newRefreshToken(): string {
    return randomBytes(32).toString('base64url');
  }

  newApiKey(): { keyId: string; secret: string } {
    return { keyId: randomBytes(8).toString('hex'), secret: randomBytes(32).toString('base64url') };
  }

  digest(secret: string): string {
    return createHash('sha256').update(secret, 'utf8').digest('base64url');
  }

  matches(secret: string, digest: string): boolean {
    const expected = Buffer.from(digest, 'base64url');
    const actual = createHash('sha256').update(secret, 'utf8').digest();
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
