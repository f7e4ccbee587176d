import { afterFailedSignIn, afterSuccessfulSignIn, isLocked, type SignInAttempts } from './lockout';

const policy = { threshold: 3, lockSeconds: 900 };
const now = new Date('2026-03-02T10:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe('sign-in lockout', () => {
  it.each<[string, SignInAttempts, SignInAttempts & { lockedNow: boolean }]>([
    [
      'a first failure counts',
      { failedSignIns: 0, lockedUntil: null },
      { failedSignIns: 1, lockedUntil: null, lockedNow: false },
    ],
    [
      'the failure before the threshold still only counts',
      { failedSignIns: 1, lockedUntil: null },
      { failedSignIns: 2, lockedUntil: null, lockedNow: false },
    ],
    [
      'the threshold-th failure locks and starts counting again',
      { failedSignIns: 2, lockedUntil: null },
      { failedSignIns: 0, lockedUntil: later(900), lockedNow: true },
    ],
    [
      'a failure while locked changes nothing',
      { failedSignIns: 0, lockedUntil: later(60) },
      { failedSignIns: 0, lockedUntil: later(60), lockedNow: false },
    ],
    [
      'after the lock ran out a failure counts from one again',
      { failedSignIns: 0, lockedUntil: later(-1) },
      { failedSignIns: 1, lockedUntil: null, lockedNow: false },
    ],
  ])('%s', (_case, attempts, expected) => {
    expect(afterFailedSignIn(attempts, policy, now)).toEqual(expected);
  });

  it.each<[string, Date | null, boolean]>([
    ['never locked', null, false],
    ['locked until later', later(1), true],
    ['locked until exactly now', now, false],
    ['lock ran out', later(-1), false],
  ])('is locked: %s', (_case, lockedUntil, locked) => {
    expect(isLocked({ failedSignIns: 0, lockedUntil }, now)).toBe(locked);
  });

  it('forgets failures after a success', () => {
    expect(afterSuccessfulSignIn()).toEqual({ failedSignIns: 0, lockedUntil: null });
  });
});
