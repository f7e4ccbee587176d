/** A JSON object of the REST API: a form's JSON Schema, a form's values. */
export type JsonObject = Record<string, unknown>;

/** The OpenAPI schema of a free-form JSON object. */
export const JSON_OBJECT_SCHEMA = { type: 'object', additionalProperties: true } as const;
