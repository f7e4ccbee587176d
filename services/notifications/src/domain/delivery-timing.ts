import {
  DAY_MS,
  isValidTimeZone,
  MINUTE_MS,
  nextInstantAtWallTime,
  wallTimeAt,
} from '@itsm/zoned-time';
import {
  type FieldViolation,
  NotificationError,
  NotificationErrorCode,
  throwIfViolated,
} from './notification-error';
import { type Channel, type Importance } from './notification-trigger';

export interface QuietHours {
  /** 'HH:MM', local time of the recipient. */
  start: string;
  /** 'HH:MM'; before start when the quiet hours span midnight, e.g. 22:00–07:00. */
  end: string;
}

export interface NotificationPreferences {
  userId: string;
  emailEnabled: boolean;
  inAppEnabled: boolean;
  quietHours: QuietHours | null;
  /** Low-importance email waits for a digest instead of arriving one by one. */
  digestLowPriority: boolean;
}

/** What a person gets before they choose: everything, at once, with the routine in a digest. */
export const DEFAULT_PREFERENCES = (userId: string): NotificationPreferences => ({
  userId,
  emailEnabled: true,
  inAppEnabled: true,
  quietHours: null,
  digestLowPriority: true,
});

export type DeliveryDecision =
  | { kind: 'skip'; reason: 'channel_disabled' }
  | { kind: 'now' }
  | { kind: 'at'; at: Date; reason: 'quiet_hours' }
  | { kind: 'digest' };

export interface DeliveryTimingInput {
  channel: Channel;
  importance: Importance;
  preferences: NotificationPreferences;
  /** The recipient's IANA time zone, which quiet hours are read in. */
  timeZone: string;
  now: Date;
}

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * When one message reaches one person through one channel. In-app notifications are never
 * held: they wait silently in the application, which is what quiet hours ask for anyway.
 * A digest is itself sent as normal-importance email, so it keeps to quiet hours.
 */
export function decideDelivery(input: DeliveryTimingInput): DeliveryDecision {
  const { channel, importance, preferences, timeZone, now } = input;
  switch (channel) {
    case 'in_app':
      return preferences.inAppEnabled ? { kind: 'now' } : skip();
    case 'email': {
      if (!preferences.emailEnabled) return skip();
      if (importance === 'low' && preferences.digestLowPriority) return { kind: 'digest' };
      if (!preferences.quietHours) return { kind: 'now' };
      throwIfViolated(
        quietHoursViolations(preferences.quietHours),
        `the quiet hours of ${preferences.userId} are invalid`,
      );
      const end = quietHoursEnd(preferences.quietHours, timeZone, now);
      return end ? { kind: 'at', at: end, reason: 'quiet_hours' } : { kind: 'now' };
    }
  }
}

/**
 * The instant the quiet hours that `now` falls in end, or null outside quiet hours. Read on
 * the recipient's wall clock, so 07:00 stays 07:00 across a change to or from summer time; an
 * end the clock skips is the instant it jumps.
 */
export function quietHoursEnd(quietHours: QuietHours, timeZone: string, now: Date): Date | null {
  if (!isValidTimeZone(timeZone)) {
    throw new NotificationError(
      NotificationErrorCode.ValidationFailed,
      `"${timeZone}" is not an IANA time zone`,
      [{ field: 'timeZone', message: `"${timeZone}" is not an IANA time zone` }],
    );
  }
  const start = minuteOfDay(quietHours.start);
  const end = minuteOfDay(quietHours.end);
  const wall = wallTimeAt(timeZone, now);
  const midnight = Math.floor(wall / DAY_MS) * DAY_MS;
  const minute = (wall - midnight) / MINUTE_MS;
  const spansMidnight = start > end;
  const inside = spansMidnight ? minute >= start || minute < end : minute >= start && minute < end;
  if (!inside) return null;
  const endDay = spansMidnight && minute >= start ? midnight + DAY_MS : midnight;
  return nextInstantAtWallTime(timeZone, endDay + end * MINUTE_MS, now);
}

export function validatePreferences(preferences: NotificationPreferences): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (preferences.userId.trim().length === 0) {
    violations.push({ field: 'userId', message: 'userId is required' });
  }
  if (preferences.quietHours) violations.push(...quietHoursViolations(preferences.quietHours));
  return violations;
}

/**
 * When the next digest is due. Digests keep a steady cadence from the last one — the first
 * slot at or after now — and without a previous digest the first is one interval away, so it
 * gathers more than the message that started it.
 */
export function nextDigestAt(lastDigestAt: Date | null, now: Date, intervalMs: number): Date {
  if (!Number.isSafeInteger(intervalMs) || intervalMs <= 0) {
    throw new NotificationError(
      NotificationErrorCode.ValidationFailed,
      'the digest interval is invalid',
      [
        {
          field: 'intervalMs',
          message: `must be a positive whole number of ms, not ${intervalMs}`,
        },
      ],
    );
  }
  if (!lastDigestAt) return new Date(now.getTime() + intervalMs);
  const last = lastDigestAt.getTime();
  const slots = Math.max(1, Math.ceil((now.getTime() - last) / intervalMs));
  return new Date(last + slots * intervalMs);
}

function quietHoursViolations({ start, end }: QuietHours): FieldViolation[] {
  const violations: FieldViolation[] = [];
  for (const [field, value] of [
    ['quietHours.start', start],
    ['quietHours.end', end],
  ] as const) {
    if (!CLOCK_TIME.test(value)) {
      violations.push({ field, message: `must be a time from 00:00 to 23:59, not "${value}"` });
    }
  }
  if (violations.length === 0 && start === end) {
    violations.push({
      field: 'quietHours',
      message: 'quiet hours must not start and end at the same time',
    });
  }
  return violations;
}

function minuteOfDay(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

function skip(): DeliveryDecision {
  return { kind: 'skip', reason: 'channel_disabled' };
}
