import { instantAtLocalMinute, isValidTimeZone, localEpochDayAt } from '@itsm/zoned-time';
import { type FieldViolation, SlaError, SlaErrorCode } from './sla-error';

/**
 * What a supervisor acts on: a clock at risk is running, has sent a warning and has not breached
 * yet; a breached clock breached in the period asked about, whether it still runs or not.
 */
export const CLOCK_CONDITIONS = ['at_risk', 'breached'] as const;
export type ClockCondition = (typeof CLOCK_CONDITIONS)[number];

export const DEFAULT_CLOCK_PAGE_SIZE = 25;
export const MAX_CLOCK_PAGE_SIZE = 100;

/** Where a page of clocks ends: lists go by due instant, then clock id. */
export interface ClockListPosition {
  dueAt: Date;
  id: string;
}

/** A request for a list of clocks as it arrives, before anything is checked. */
export interface ClockListRequest {
  /** Null when the caller named no condition or one this service does not know. */
  condition: ClockCondition | null;
  breachedSince: Date | null;
  breachedUntil: Date | null;
  /** IANA time zone whose day "today" is; empty for UTC. */
  timeZone: string;
  /** Empty for every group. */
  groupId: string;
  /** 0 for the default. */
  pageSize: number;
  /** Empty for the first page. */
  pageToken: string;
}

/** A checked list request, every default applied. */
export interface ClockListing {
  condition: ClockCondition;
  /** Inclusive. */
  breachedSince: Date;
  /** Exclusive; null for no end. */
  breachedUntil: Date | null;
  groupId: string | null;
  pageSize: number;
  /** The position of the previous page's last clock; null for the first page. */
  after: ClockListPosition | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An opaque cursor naming the list it belongs to, so it is not replayed on the other one. */
export function clockPageToken(condition: ClockCondition, position: ClockListPosition): string {
  return Buffer.from(
    JSON.stringify([condition, position.dueAt.toISOString(), position.id]),
    'utf8',
  ).toString('base64url');
}

function positionOf(token: string, condition: ClockCondition): ClockListPosition | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed[0] !== condition) return null;
    const [, dueAt, id] = parsed as unknown[];
    if (typeof dueAt !== 'string' || typeof id !== 'string' || !UUID.test(id)) return null;
    const instant = new Date(dueAt);
    return Number.isNaN(instant.getTime()) ? null : { dueAt: instant, id };
  } catch {
    return null;
  }
}

const isInstant = (date: Date | null): date is Date =>
  date !== null && !Number.isNaN(date.getTime());

/**
 * Checks a list request and applies its defaults: breaches since the start of today in the
 * caller's time zone, 25 clocks a page. Every wrong field is reported at once.
 */
export function clockListingOf(request: ClockListRequest, now: Date): ClockListing {
  const violations: FieldViolation[] = [];
  const { condition } = request;
  if (condition === null) {
    violations.push({
      field: 'condition',
      message: `condition must be one of ${CLOCK_CONDITIONS.join(', ')}`,
    });
  }
  const timeZone = request.timeZone || 'UTC';
  const zoneKnown = isValidTimeZone(timeZone);
  if (!zoneKnown) {
    violations.push({ field: 'timeZone', message: `"${timeZone}" is not an IANA time zone` });
  }
  if (request.breachedSince && !isInstant(request.breachedSince)) {
    violations.push({ field: 'since', message: 'since must be a valid instant' });
  }
  if (request.breachedUntil && !isInstant(request.breachedUntil)) {
    violations.push({ field: 'until', message: 'until must be a valid instant' });
  }
  const since =
    request.breachedSince ??
    (zoneKnown ? instantAtLocalMinute(timeZone, localEpochDayAt(timeZone, now), 0) : now);
  const until = request.breachedUntil;
  if (isInstant(since) && isInstant(until) && until.getTime() <= since.getTime()) {
    violations.push({ field: 'until', message: 'until must be after since' });
  }
  const { pageSize } = request;
  if (!Number.isInteger(pageSize) || pageSize < 0 || pageSize > MAX_CLOCK_PAGE_SIZE) {
    violations.push({
      field: 'pageSize',
      message: `pageSize must be a whole number from 1 to ${MAX_CLOCK_PAGE_SIZE}`,
    });
  }
  const groupId = request.groupId.trim();
  if (groupId.length > 200) {
    violations.push({ field: 'groupId', message: 'groupId is at most 200 characters' });
  }
  const after = condition && request.pageToken ? positionOf(request.pageToken, condition) : null;
  if (condition && request.pageToken && !after) {
    violations.push({ field: 'pageToken', message: 'pageToken is not a token of this list' });
  }
  if (condition === null || violations.length > 0) {
    throw new SlaError(SlaErrorCode.ValidationFailed, 'the list of clocks is invalid', violations);
  }
  return {
    condition,
    breachedSince: since,
    breachedUntil: until,
    groupId: groupId || null,
    pageSize: pageSize === 0 ? DEFAULT_CLOCK_PAGE_SIZE : pageSize,
    after,
  };
}
