/** RFC 9457 problem details, the body of every error response. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  /** Trace id of the request, to quote to the service desk's SREs. */
  traceId?: string;
  /** Field-level violations of a validation problem. */
  errors?: FieldError[];
  /** Extension members a client can act on, e.g. currentStatus and allowedActions. */
  [extension: string]: unknown;
}

export interface FieldError {
  field: string;
  message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem types this API defines; `about:blank` for plain HTTP errors. */
export const ProblemType = {
  validation: '/problems/validation-failed',
  notFound: '/problems/not-found',
  conflict: '/problems/conflict',
  invalidTransition: '/problems/invalid-transition',
  versionConflict: '/problems/version-conflict',
  idempotencyKeyReused: '/problems/idempotency-key-reused',
  unavailable: '/problems/service-unavailable',
  unauthenticated: '/problems/unauthenticated',
  forbidden: '/problems/forbidden',
  rateLimited: '/problems/rate-limited',
  accountLocked: '/problems/account-locked',
  internal: '/problems/internal-error',
  blank: 'about:blank',
} as const;
