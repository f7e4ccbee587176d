import { type RateDecision, RequestRateLimiter } from '../../auth/request-rate-limiter';
import {
  isFull,
  takeToken,
  type TokenBucket,
  type TokenBucketPolicy,
} from '../domain/token-bucket';

export interface MonotonicClock {
  nowMs(): number;
}

export const performanceClock: MonotonicClock = { nowMs: () => performance.now() };

const SWEEP_EVERY = 1_000;
const MAX_BUCKETS = 200_000;

/**
 * A token bucket per caller key, in memory. It is a per-replica cache, not a shared limit:
 * with N replicas behind a round-robin balancer a caller gets up to N times the rate. That is
 * the intent — it protects each replica and the services behind it from one noisy caller; a
 * platform-wide quota belongs in the ingress or a shared store.
 */
export class TokenBucketRateLimiter extends RequestRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private consumed = 0;

  constructor(
    private readonly policy: TokenBucketPolicy,
    private readonly clock: MonotonicClock = performanceClock,
  ) {
    super();
  }

  consume(callerKey: string): RateDecision {
    const nowMs = this.clock.nowMs();
    this.sweep(nowMs);
    const result = takeToken(this.buckets.get(callerKey), this.policy, nowMs);
    this.buckets.set(callerKey, result.bucket);
    return result.allowed
      ? { allowed: true }
      : { allowed: false, retryAfterSeconds: result.retryAfterSeconds };
  }

  /** Buckets being tracked; full ones are forgotten now and then. */
  get size(): number {
    return this.buckets.size;
  }

  private sweep(nowMs: number): void {
    this.consumed += 1;
    if (this.consumed % SWEEP_EVERY !== 0 && this.buckets.size < MAX_BUCKETS) return;
    for (const [key, bucket] of this.buckets)
      if (isFull(bucket, this.policy, nowMs)) this.buckets.delete(key);
    // Under a flood of distinct callers, forgetting everyone errs on the side of serving.
    if (this.buckets.size >= MAX_BUCKETS) this.buckets.clear();
  }
}
