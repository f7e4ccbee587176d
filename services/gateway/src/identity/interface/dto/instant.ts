/** Instants as the API takes them: strict ISO 8601 with the `T` separator. */
export const ISO_INSTANT = { strict: true, strictSeparator: true } as const;
