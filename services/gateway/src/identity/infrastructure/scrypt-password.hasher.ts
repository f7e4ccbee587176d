import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';
import type { PasswordHasher } from '../application/ports/password-hasher';

export interface ScryptParameters {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
  saltBytes: number;
  keyBytes: number;
}

/** OWASP's scrypt recommendation: 2^15 × 8 × 1 takes 32 MiB and ~50-100 ms per hash. */
export const SCRYPT_DEFAULTS: ScryptParameters = {
  N: 2 ** 15,
  r: 8,
  p: 1,
  saltBytes: 16,
  keyBytes: 64,
};

// Bounds on what a stored hash may ask for, so a tampered row cannot make a check exhaust memory.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

/** scrypt needs 128·N·r bytes; Node refuses above maxmem, so it is set with room to spare. */
function maxmemOf(N: number, r: number): number {
  return 2 * 128 * N * r;
}

function derive(password: string, salt: Buffer, keyBytes: number, options: ScryptOptions) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyBytes, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/**
 * Passwords hashed with Node's built-in, memory-hard scrypt and stored self-describing:
 * `scrypt$N$r$p$<salt base64>$<hash base64>`, so the cost can rise later without
 * invalidating the hashes written before.
 */
export class ScryptPasswordHasher implements PasswordHasher {
  constructor(private readonly parameters: ScryptParameters = SCRYPT_DEFAULTS) {}

  async hash(password: string): Promise<string> {
    const { N, r, p, saltBytes, keyBytes } = this.parameters;
    const salt = randomBytes(saltBytes);
    const key = await derive(password, salt, keyBytes, { N, r, p, maxmem: maxmemOf(N, r) });
    return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const parsed = parseScryptHash(stored);
    if (!parsed) return false;
    const { N, r, p, salt, key } = parsed;
    const candidate = await derive(password, salt, key.length, {
      N,
      r,
      p,
      maxmem: maxmemOf(N, r),
    });
    return timingSafeEqual(candidate, key);
  }
}

export function parseScryptHash(
  stored: string,
): { N: number; r: number; p: number; salt: Buffer; key: Buffer } | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  if (N === undefined || r === undefined || p === undefined) return undefined;
  const powerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > MAX_N) return undefined;
  if (!Number.isInteger(r) || r < 1 || r > MAX_R || !Number.isInteger(p) || p < 1 || p > MAX_P)
    return undefined;
  if (salt.length < 8 || key.length < 16 || key.length > 128) return undefined;
  return { N, r, p, salt, key };
}
