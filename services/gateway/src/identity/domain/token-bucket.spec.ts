import { isFull, perMinutePolicy, takeToken, type TokenBucket } from './token-bucket';

// 60 a minute is one a second; a burst of 3.
const policy = perMinutePolicy(60, 3);

describe('token bucket', () => {
  it.each<[string, TokenBucket | undefined, number, boolean, number, number | undefined]>([
    ['a new caller starts full', undefined, 0, true, 2, undefined],
    ['a caller with tokens spends one', { tokens: 2, updatedAtMs: 0 }, 0, true, 1, undefined],
    ['an empty bucket refuses, retry in a second', { tokens: 0, updatedAtMs: 0 }, 0, false, 0, 1],
    ['half a token refuses, retry in a second', { tokens: 0, updatedAtMs: 0 }, 500, false, 0.5, 1],
    ['a refilled token is spent', { tokens: 0, updatedAtMs: 0 }, 1_000, true, 0, undefined],
    ['refill stops at capacity', { tokens: 0, updatedAtMs: 0 }, 60_000, true, 2, undefined],
    ['a clock stepping back refills nothing', { tokens: 0, updatedAtMs: 5_000 }, 0, false, 0, 1],
  ])('%s', (_case, bucket, nowMs, allowed, tokensAfter, retryAfter) => {
    const result = takeToken(bucket, policy, nowMs);
    expect(result.allowed).toBe(allowed);
    expect(result.bucket.tokens).toBeCloseTo(tokensAfter);
    expect(result.allowed ? undefined : result.retryAfterSeconds).toBe(retryAfter);
  });

  it('lets a burst through at once, then the steady rate', () => {
    let bucket: TokenBucket | undefined;
    const allowedAt = (nowMs: number) => {
      const result = takeToken(bucket, policy, nowMs);
      bucket = result.bucket;
      return result.allowed;
    };
    expect([0, 0, 0, 0].map(allowedAt)).toEqual([true, true, true, false]);
    expect([999, 1_000, 1_001].map(allowedAt)).toEqual([false, true, false]);
  });

  it('waits long enough at a slow rate', () => {
    const slow = perMinutePolicy(5, 1);
    const result = takeToken({ tokens: 0, updatedAtMs: 0 }, slow, 0);
    expect(result).toMatchObject({ allowed: false, retryAfterSeconds: 12 });
  });

  it('counts a bucket that refilled to capacity as full', () => {
    expect(isFull({ tokens: 0, updatedAtMs: 0 }, policy, 2_999)).toBe(false);
    expect(isFull({ tokens: 0, updatedAtMs: 0 }, policy, 3_000)).toBe(true);
  });
});
