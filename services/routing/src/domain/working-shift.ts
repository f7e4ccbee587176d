// Whether an agent is on shift, read on the wall clock of the shift's own time zone.
import { DAY_MS, isoWeekdayOf, isValidTimeZone, MINUTE_MS, wallTimeAt } from '@itsm/zoned-time';
import { type FieldViolation } from './routing-error';
import { type IsoWeekday, type ShiftWindow, type WorkingShift } from './routing-model';

export const MAX_SHIFT_WINDOWS = 50;

const MINUTES_PER_DAY = 24 * 60;

interface LocalTime {
  weekday: IsoWeekday;
  /** Minutes since local midnight. */
  minute: number;
}

// Agents of a group mostly share a zone and are all checked at the same instant.
const lastReading = new Map<string, { at: number; local: LocalTime }>();

function localTimeOf(timeZone: string, at: Date): LocalTime {
  const ms = at.getTime();
  const cached = lastReading.get(timeZone);
  if (cached && cached.at === ms) return cached.local;
  const wall = wallTimeAt(timeZone, ms);
  const epochDay = Math.floor(wall / DAY_MS);
  const local = {
    weekday: isoWeekdayOf(epochDay),
    minute: Math.floor((wall - epochDay * DAY_MS) / MINUTE_MS),
  };
  lastReading.set(timeZone, { at: ms, local });
  return local;
}

function digitAt(text: string, index: number): number {
  const digit = text.charCodeAt(index) - 48;
  return digit >= 0 && digit <= 9 ? digit : -1;
}

/**
 * Minutes since midnight of "HH:MM"; "24:00" is the next midnight; null when malformed. Read by
 * character codes because it runs for every window of every agent a ticket is routed past.
 */
export function minuteOfDay(text: string): number | null {
  if (text.length !== 5 || text.charCodeAt(2) !== 58 /* ':' */) return null;
  const h1 = digitAt(text, 0);
  const h2 = digitAt(text, 1);
  const m1 = digitAt(text, 3);
  const m2 = digitAt(text, 4);
  if (h1 < 0 || h2 < 0 || m1 < 0 || m2 < 0 || m1 > 5) return null;
  const hour = h1 * 10 + h2;
  const minute = m1 * 10 + m2;
  if (hour < 24) return hour * 60 + minute;
  return hour === 24 && minute === 0 ? MINUTES_PER_DAY : null;
}

function nextWeekday(weekday: IsoWeekday): IsoWeekday {
  return ((weekday % 7) + 1) as IsoWeekday;
}

function covers(window: ShiftWindow, local: LocalTime): boolean {
  const start = minuteOfDay(window.start);
  const end = minuteOfDay(window.end);
  // A malformed window covers nothing rather than everything: better a queued ticket than a
  // ticket handed to someone who is asleep.
  if (start === null || end === null || start >= MINUTES_PER_DAY) return false;
  if (end > start) {
    return window.weekday === local.weekday && local.minute >= start && local.minute < end;
  }
  // A night window belongs to the weekday it starts on and runs into the next day.
  if (window.weekday === local.weekday) return local.minute >= start;
  return nextWeekday(window.weekday) === local.weekday && local.minute < end;
}

/**
 * Whether `at` falls in one of the shift's windows; start inclusive, end exclusive. No shift means
 * always on. An unknown time zone (validation refuses those, so only stale data gets here) counts
 * as off shift, so that one bad rota cannot stop routing for the rest of the group.
 */
export function isOnShift(shift: WorkingShift | null, at: Date): boolean {
  if (shift === null) return true;
  if (!isValidTimeZone(shift.timeZone)) return false;
  const local = localTimeOf(shift.timeZone, at);
  return shift.windows.some((window) => covers(window, local));
}

/**
 * Checks a shift as an administrator wrote it and reports every problem at once, under `field`
 * (e.g. `shift` → `shift.windows[2].start`). Takes loosely typed input because it guards the edge.
 */
export function validateWorkingShift(shift: WorkingShift, field: string): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const timeZone: unknown = shift.timeZone;
  if (typeof timeZone !== 'string' || !isValidTimeZone(timeZone)) {
    violations.push({
      field: `${field}.timeZone`,
      message: `"${String(timeZone)}" is not an IANA time zone`,
    });
  }
  const windows: unknown = shift.windows;
  if (!Array.isArray(windows)) {
    violations.push({ field: `${field}.windows`, message: 'windows must be a list' });
    return violations;
  }
  if (windows.length > MAX_SHIFT_WINDOWS) {
    violations.push({
      field: `${field}.windows`,
      message: `at most ${MAX_SHIFT_WINDOWS} windows, got ${windows.length}`,
    });
  }
  (windows as readonly Partial<Record<keyof ShiftWindow, unknown>>[]).forEach((window, index) => {
    const at = `${field}.windows[${index}]`;
    const weekday = window.weekday;
    if (typeof weekday !== 'number' || !Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
      violations.push({
        field: `${at}.weekday`,
        message: `${String(weekday)} is not a weekday 1 (Monday) … 7 (Sunday)`,
      });
    }
    const start = typeof window.start === 'string' ? minuteOfDay(window.start) : null;
    const end = typeof window.end === 'string' ? minuteOfDay(window.end) : null;
    if (start === null || start === MINUTES_PER_DAY) {
      violations.push({
        field: `${at}.start`,
        message: `"${String(window.start)}" is not a time HH:MM`,
      });
    }
    if (end === null) {
      violations.push({
        field: `${at}.end`,
        message: `"${String(window.end)}" is not a time HH:MM`,
      });
    }
    if (start !== null && start === end) {
      violations.push({ field: at, message: 'a window must not start when it ends' });
    }
  });
  return violations;
}
