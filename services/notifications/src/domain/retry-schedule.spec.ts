import { NotificationErrorCode } from './notification-error';
import {
  nextAttempt,
  type RetryDecision,
  type RetryPolicy,
  validateRetryPolicy,
} from './retry-schedule';

const policy: RetryPolicy = { maxAttempts: 6, baseDelayMs: 5_000, maxDelayMs: 60_000 };
const now = new Date('2026-03-10T12:00:00.000Z');

function after(ms: number): RetryDecision {
  return { kind: 'retry', at: new Date(now.getTime() + ms) };
}

describe('the next attempt of a delivery', () => {
  it.each<[number, RetryDecision]>([
    [1, after(5_000)],
    [2, after(10_000)],
    [3, after(20_000)],
    [4, after(40_000)],
    [5, after(60_000)],
    [6, { kind: 'dead' }],
    [7, { kind: 'dead' }],
  ])('after attempt %d: %j', (attemptsMade, expected) => {
    expect(nextAttempt(policy, attemptsMade, now)).toEqual(expected);
  });

  it('is dead after a single allowed attempt', () => {
    expect(nextAttempt({ ...policy, maxAttempts: 1 }, 1, now)).toEqual({ kind: 'dead' });
  });

  it('stays at the maximum however many attempts were made', () => {
    expect(nextAttempt({ ...policy, maxAttempts: 5_000 }, 4_000, now)).toEqual(after(60_000));
  });

  it('retries at once with no delay', () => {
    expect(nextAttempt({ maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0 }, 1, now)).toEqual(
      after(0),
    );
  });
});

describe('jitter', () => {
  const jittery: RetryPolicy = { ...policy, jitter: 0.5 };

  it.each<[number, number]>([
    [0, 20_000],
    [0.5, 15_000],
    [0.999, 10_010],
    [7, 10_000],
    [-1, 20_000],
  ])('with random() = %p takes the third wait to %d ms', (value, ms) => {
    expect(nextAttempt(jittery, 3, now, () => value)).toEqual(after(ms));
  });

  it('is off without a random source', () => {
    expect(nextAttempt(jittery, 3, now)).toEqual(after(20_000));
  });

  it('is off without a jitter share, whatever the random source', () => {
    expect(nextAttempt(policy, 3, now, () => 0.5)).toEqual(after(20_000));
  });
});

describe('validating a retry policy', () => {
  it.each<[Partial<RetryPolicy>, string[]]>([
    [{}, []],
    [{ jitter: 1 }, []],
    [{ maxAttempts: 0 }, ['maxAttempts: maxAttempts must be a whole number from 1, not 0']],
    [{ maxAttempts: 2.5 }, ['maxAttempts: maxAttempts must be a whole number from 1, not 2.5']],
    [{ baseDelayMs: -1 }, ['baseDelayMs: baseDelayMs must be a whole number of ms from 0, not -1']],
    [
      { maxDelayMs: 1_000 },
      ['maxDelayMs: maxDelayMs must be a whole number of ms from baseDelayMs (5000), not 1000'],
    ],
    [{ jitter: 1.5 }, ['jitter: jitter must be from 0 to 1, not 1.5']],
    [{ jitter: Number.NaN }, ['jitter: jitter must be from 0 to 1, not NaN']],
  ])('%j: %j', (overrides, expected) => {
    expect(
      validateRetryPolicy({ ...policy, ...overrides }).map(
        ({ field, message }) => `${field}: ${message}`,
      ),
    ).toEqual(expected);
  });

  it.each([0, -1, 1.5])('refuses to schedule after %p attempts', (attemptsMade) => {
    expect(() => nextAttempt(policy, attemptsMade, now)).toThrow(
      expect.objectContaining({
        code: NotificationErrorCode.ValidationFailed,
        violations: [
          {
            field: 'attemptsMade',
            message: `attemptsMade must be a whole number from 1, not ${attemptsMade}`,
          },
        ],
      }),
    );
  });

  it('refuses to schedule with an invalid policy', () => {
    expect(() => nextAttempt({ ...policy, maxAttempts: 0 }, 1, now)).toThrow(
      expect.objectContaining({ code: NotificationErrorCode.ValidationFailed }),
    );
  });
});
