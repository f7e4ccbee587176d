export enum KnowledgeErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  NotFound = 'NOT_FOUND',
  InvalidPageToken = 'INVALID_PAGE_TOKEN',
  /** The action is not allowed in the article's current status. */
  InvalidTransition = 'INVALID_TRANSITION',
  /** The caller changed a revision of the article that is no longer current. */
  VersionConflict = 'VERSION_CONFLICT',
  /** A translation in that language, or a sibling category of that name, exists already. */
  AlreadyExists = 'ALREADY_EXISTS',
  /** The search engine did not answer; writes still work and the index catches up. */
  SearchUnavailable = 'SEARCH_UNAVAILABLE',
}

export interface FieldViolation {
  field: string;
  message: string;
}

/** The one error type of the knowledge service; transports map its code. */
export class KnowledgeError extends Error {
  constructor(
    readonly code: KnowledgeErrorCode,
    message: string,
    readonly violations: FieldViolation[] = [],
    /** Facts a client can act on, e.g. the current status and the allowed actions. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'KnowledgeError';
  }
}

/** Throws every violation at once, so a caller can fix the whole form in one go. */
export function throwIfInvalid(message: string, violations: readonly FieldViolation[]): void {
  if (violations.length > 0) {
    throw new KnowledgeError(KnowledgeErrorCode.ValidationFailed, message, [...violations]);
  }
}

export function notFound(what: string): KnowledgeError {
  return new KnowledgeError(KnowledgeErrorCode.NotFound, `${what} does not exist`);
}
