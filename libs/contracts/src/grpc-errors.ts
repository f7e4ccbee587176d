/**
 * How services describe an error beyond its gRPC status: trailing metadata the gateway
 * turns into problem+json (RFC 9457) for clients.
 */
export const ErrorMetadata = {
  /** The service's error code, e.g. VERSION_CONFLICT. */
  code: 'itsm-error-code',
  /** JSON array of { field, message }. */
  violations: 'itsm-violations-bin',
  /** JSON object of facts the client can act on (becomes problem extension members). */
  details: 'itsm-error-details-bin',
} as const;

/** Error codes whose HTTP answer differs from what their gRPC status alone would give. */
export const ServiceErrorCodes = {
  /** A write named a version that is no longer current: 412 Precondition Failed. */
  versionConflict: 'VERSION_CONFLICT',
  /** An idempotency key came back with another request: 422 Unprocessable Content. */
  idempotencyKeyReused: 'IDEMPOTENCY_KEY_REUSED',
  /** The state does not allow the action: 409 Conflict. */
  invalidTransition: 'INVALID_TRANSITION',
} as const;
