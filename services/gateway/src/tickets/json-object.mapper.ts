import type { JsonObject } from './dto/json-object';

/**
 * A JSON object as the contracts carry it: JSON text, empty when there is none. Null is none
 * too: IsOptional lets `null` through, as it does for every optional field.
 */
export function toJsonText(value: JsonObject | null | undefined): string {
  return value === undefined || value === null ? '' : JSON.stringify(value);
}

/**
 * A JSON object a service sent as text; empty text is null. Anything else (bad JSON, an
 * array, a string) is the service's fault, so it fails as a server error, naming `what`.
 */
export function fromJsonText(text: string, what: string): JsonObject | null {
  if (text === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${what} is not valid JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${what} is not a JSON object`);
  }
  return value as JsonObject;
}

/** As fromJsonText, for a field the service always fills. */
export function fromRequiredJsonText(text: string, what: string): JsonObject {
  const value = fromJsonText(text, what);
  if (value === null) throw new Error(`${what} is missing`);
  return value;
}
