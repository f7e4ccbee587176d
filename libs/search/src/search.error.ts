/** Why a call into the search engine failed; the transport mappers switch over this. */
export enum SearchErrorCode {
  /** The client configuration cannot work (bad URL, half of a credential pair). */
  InvalidConfig = 'SEARCH_INVALID_CONFIG',
  /** An index definition breaks the naming or versioning rules. */
  InvalidIndexDefinition = 'SEARCH_INVALID_INDEX_DEFINITION',
  /** The engine could not be reached or answered the request with an error. */
  RequestFailed = 'SEARCH_REQUEST_FAILED',
  /** A `_bulk` request succeeded as a whole but some of its items were rejected. */
  BulkItemsFailed = 'SEARCH_BULK_ITEMS_FAILED',
}

/** One rejected item of a `_bulk` request. */
export interface BulkItemFailure {
  id: string;
  status: number;
  type: string;
  reason: string;
}

export class SearchError extends Error {
  override readonly name = 'SearchError';

  constructor(
    readonly code: SearchErrorCode,
    message: string,
    options: { cause?: unknown; failures?: readonly BulkItemFailure[] } = {},
  ) {
    super(message, { cause: options.cause });
    this.failures = options.failures ?? [];
  }

  /** Filled only for {@link SearchErrorCode.BulkItemsFailed}. */
  readonly failures: readonly BulkItemFailure[];
}

/** Wraps whatever the client threw so callers handle a single error type. */
export function requestFailed(action: string, cause: unknown): SearchError {
  if (cause instanceof SearchError) {
    return cause;
  }
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new SearchError(SearchErrorCode.RequestFailed, `${action} failed: ${detail}`, { cause });
}
