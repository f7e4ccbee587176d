import { type FieldViolation, throwIfViolated } from './notification-error';

export interface RetryPolicy {
  /** Attempts in all, the first included; after the last one fails the delivery is dead. */
  maxAttempts: number;
  /** The wait after the first failed attempt; each further failure doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * Share of each wait (0–1) that is taken off at random, so deliveries that failed together
   * (a mail server down) do not all come back at the same instant. Absent or 0: none.
   */
  jitter?: number;
}

export type RetryDecision = { kind: 'retry'; at: Date } | { kind: 'dead' };

export function validateRetryPolicy(policy: RetryPolicy): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (!Number.isSafeInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    violations.push({
      field: 'maxAttempts',
      message: `maxAttempts must be a whole number from 1, not ${policy.maxAttempts}`,
    });
  }
  if (!Number.isSafeInteger(policy.baseDelayMs) || policy.baseDelayMs < 0) {
    violations.push({
      field: 'baseDelayMs',
      message: `baseDelayMs must be a whole number of ms from 0, not ${policy.baseDelayMs}`,
    });
  }
  if (!Number.isSafeInteger(policy.maxDelayMs) || policy.maxDelayMs < policy.baseDelayMs) {
    violations.push({
      field: 'maxDelayMs',
      message: `maxDelayMs must be a whole number of ms from baseDelayMs (${policy.baseDelayMs}), not ${policy.maxDelayMs}`,
    });
  }
  const jitter = policy.jitter ?? 0;
  if (!(jitter >= 0 && jitter <= 1)) {
    violations.push({ field: 'jitter', message: `jitter must be from 0 to 1, not ${jitter}` });
  }
  return violations;
}

/**
 * What follows a failed attempt: after attempt n (from 1) the next waits base·2^(n−1), capped
 * at the maximum; once maxAttempts have failed the delivery is dead. Deterministic unless the
 * policy has jitter and a random source (0 ≤ random() < 1) is given, as the clock is: injected.
 */
export function nextAttempt(
  policy: RetryPolicy,
  attemptsMade: number,
  now: Date,
  random?: () => number,
): RetryDecision {
  const violations = validateRetryPolicy(policy);
  if (!Number.isSafeInteger(attemptsMade) || attemptsMade < 1) {
    violations.push({
      field: 'attemptsMade',
      message: `attemptsMade must be a whole number from 1, not ${attemptsMade}`,
    });
  }
  throwIfViolated(violations, 'cannot schedule the next attempt');
  if (attemptsMade >= policy.maxAttempts) return { kind: 'dead' };
  // 2^(n-1) overflows to Infinity for a large n, which the cap turns back into the maximum.
  const delay = Math.min(policy.baseDelayMs * 2 ** (attemptsMade - 1), policy.maxDelayMs);
  const share = random && policy.jitter ? policy.jitter * clampUnit(random()) : 0;
  return { kind: 'retry', at: new Date(now.getTime() + Math.round(delay * (1 - share))) };
}

function clampUnit(value: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0;
}
