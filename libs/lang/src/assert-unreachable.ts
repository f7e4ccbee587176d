// Language-level helpers only: no dependencies and no Node or browser APIs (tsconfig.lib.json
// loads no ambient types), so domain code, infrastructure, the web app and tools may all use them.

/**
 * The `default` of an exhaustive `switch`: the argument only type-checks once every case is
 * handled, so a new member of a union or enum is a compile error here. At run time it throws,
 * for a value that slipped past the types (an unvalidated message, a newer peer).
 *
 * @param what names what was unexpected: `assertUnreachable(event, 'live event')` throws
 *   `unexpected live event {"kind":…}`.
 */
export function assertUnreachable(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what} ${printed(value)}`);
}

/** JSON where the value has one; BigInt, symbols and cycles have none. */
function printed(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
