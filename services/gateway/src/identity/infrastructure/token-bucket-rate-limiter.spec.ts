import { perMinutePolicy } from '../domain/token-bucket';
import { TokenBucketRateLimiter } from './token-bucket-rate-limiter';

describe('token bucket rate limiter', () => {
  let nowMs = 0;
  const clock = { nowMs: () => nowMs };

  beforeEach(() => {
    nowMs = 0;
  });

  it.each<[string, string[], ('allowed' | number)[]]>([
    ['one caller spends its burst, then waits', ['a', 'a', 'a'], ['allowed', 'allowed', 1]],
    [
      'callers have buckets of their own',
      ['a', 'b', 'a', 'b'],
      ['allowed', 'allowed', 'allowed', 'allowed'],
    ],
    [
      'a third call of each is refused',
      ['a', 'b', 'a', 'b', 'a', 'b'],
      ['allowed', 'allowed', 'allowed', 'allowed', 1, 1],
    ],
  ])('%s', (_case, callers, expected) => {
    const limiter = new TokenBucketRateLimiter(perMinutePolicy(60, 2), clock);
    const decisions = callers.map((caller) => {
      const decision = limiter.consume(caller);
      return decision.allowed ? 'allowed' : decision.retryAfterSeconds;
    });
    expect(decisions).toEqual(expected);
  });

  it('serves a refused caller again once its bucket refilled', () => {
    const limiter = new TokenBucketRateLimiter(perMinutePolicy(60, 1), clock);
    expect(limiter.consume('a').allowed).toBe(true);
    expect(limiter.consume('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    nowMs = 1_000;
    expect(limiter.consume('a').allowed).toBe(true);
  });

  it('forgets callers whose buckets are full again', () => {
    const limiter = new TokenBucketRateLimiter(perMinutePolicy(60, 5), clock);
    for (let caller = 0; caller < 999; caller += 1) limiter.consume(`caller-${caller}`);
    expect(limiter.size).toBe(999);
    nowMs = 60_000;
    limiter.consume('the thousandth call sweeps');
    expect(limiter.size).toBe(1);
  });
});
