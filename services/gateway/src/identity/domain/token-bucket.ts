/** How fast a caller may go: a steady rate and the burst it may spend at once. */
export interface TokenBucketPolicy {
  capacity: number;
  refillPerSecond: number;
}

export function perMinutePolicy(perMinute: number, burst: number): TokenBucketPolicy {
  return { capacity: Math.max(1, burst), refillPerSecond: perMinute / 60 };
}

export interface TokenBucket {
  tokens: number;
  updatedAtMs: number;
}

export type TakeResult =
  | { allowed: true; bucket: TokenBucket }
  | { allowed: false; bucket: TokenBucket; retryAfterSeconds: number };

/** The bucket's tokens at `nowMs`: refilled since its last use, never above capacity. */
function tokensAt(
  bucket: TokenBucket | undefined,
  policy: TokenBucketPolicy,
  nowMs: number,
): number {
  if (!bucket) return policy.capacity;
  // A clock that steps back refills nothing rather than taking tokens away.
  const elapsedSeconds = Math.max(0, nowMs - bucket.updatedAtMs) / 1000;
  return Math.min(policy.capacity, bucket.tokens + elapsedSeconds * policy.refillPerSecond);
}

/** Takes one token for a request; a caller without a bucket starts with a full one. */
export function takeToken(
  bucket: TokenBucket | undefined,
  policy: TokenBucketPolicy,
  nowMs: number,
): TakeResult {
  const tokens = tokensAt(bucket, policy, nowMs);
  if (tokens >= 1) return { allowed: true, bucket: { tokens: tokens - 1, updatedAtMs: nowMs } };
  const retryAfterSeconds = Math.max(1, Math.ceil((1 - tokens) / policy.refillPerSecond));
  return { allowed: false, bucket: { tokens, updatedAtMs: nowMs }, retryAfterSeconds };
}

/** A full bucket is the same as none: it can be forgotten. */
export function isFull(bucket: TokenBucket, policy: TokenBucketPolicy, nowMs: number): boolean {
  return tokensAt(bucket, policy, nowMs) >= policy.capacity;
}
