const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids of calendars, policies and tickets are UUIDs; anything else names nothing stored. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
