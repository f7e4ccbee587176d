const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids this service issues (tickets, catalog entries, views, attachments) are UUIDs; anything
 * else names nothing here, and must not reach a uuid column.
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
