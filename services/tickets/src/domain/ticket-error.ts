export enum TicketErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  NotFound = 'NOT_FOUND',
  InvalidPageToken = 'INVALID_PAGE_TOKEN',
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
  ) {
    super(message);
    this.name = 'TicketError';
  }
}
