/**
 * How the API takes instants: ISO 8601 with real calendar dates (strict) and the `T`
 * separator (strictSeparator), e.g. `2026-11-01T00:00:00+03:00`.
 */
export const INSTANT = { strict: true, strictSeparator: true } as const;
