/** When failed sign-ins lock an account, and for how long. */
export interface LockoutPolicy {
  /** Failures in a row that lock the account. */
  threshold: number;
  lockSeconds: number;
}

export interface SignInAttempts {
  /** Failures since the last success or the last lock. */
  failedSignIns: number;
  lockedUntil: Date | null;
}

export function isLocked(attempts: SignInAttempts, now: Date): boolean {
  return attempts.lockedUntil !== null && attempts.lockedUntil.getTime() > now.getTime();
}

/**
 * A failed sign-in: the threshold-th failure in a row locks the account and starts counting
 * again, so after the lock the account has as many tries as before it. An attempt while the
 * account is locked changes nothing (it is refused before the password counts).
 */
export function afterFailedSignIn(
  attempts: SignInAttempts,
  policy: LockoutPolicy,
  now: Date,
): SignInAttempts & { lockedNow: boolean } {
  if (isLocked(attempts, now)) return { ...attempts, lockedNow: false };
  const failures = attempts.failedSignIns + 1;
  if (failures >= policy.threshold) {
    return {
      failedSignIns: 0,
      lockedUntil: new Date(now.getTime() + policy.lockSeconds * 1000),
      lockedNow: true,
    };
  }
  return { failedSignIns: failures, lockedUntil: null, lockedNow: false };
}

export function afterSuccessfulSignIn(): SignInAttempts {
  return { failedSignIns: 0, lockedUntil: null };
}
