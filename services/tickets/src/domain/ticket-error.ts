export enum TicketErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  NotFound = 'NOT_FOUND',
  InvalidPageToken = 'INVALID_PAGE_TOKEN',
  /** The action is not allowed in the ticket's current state. */
  InvalidTransition = 'INVALID_TRANSITION',
  /** The caller changed a version of the ticket that is no longer current. */
  VersionConflict = 'VERSION_CONFLICT',
  /** An idempotency key was reused with a different request. */
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  /**
   * The caller may not do this: their role does not allow it (a requester editing a ticket),
   * or the record is someone else's (another agent's view).
   */
  NotPermitted = 'NOT_PERMITTED',
  /** The call carried no principal, or one that cannot be read: nobody is known to be asking. */
  Unauthenticated = 'UNAUTHENTICATED',
}

export interface FieldViolation {
  field: string;
  message: string;
}

/** The one error type of the tickets service; transports map its code. */
export class TicketError extends Error {
  constructor(
    readonly code: TicketErrorCode,
    message: string,
    readonly violations: FieldViolation[] = [],
    /** Facts a client can act on, e.g. the current state and the allowed actions. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'TicketError';
  }
}
