import type { estypes } from '@elastic/elasticsearch';
import type { SearchClient } from './search-client';
import { type BulkItemFailure, requestFailed, SearchError, SearchErrorCode } from './search.error';

export interface BulkDocument<TBody = Record<string, unknown>> {
  id: string;
  body: TBody;
}

export interface BulkIndexOptions {
  /** Documents per `_bulk` request; keeps each request well under the engine's body limit. */
  chunkSize?: number;
  /** Passed to every request; tests use `true` or `'wait_for'` to read their own writes. */
  refresh?: estypes.Refresh;
}

export const DEFAULT_BULK_CHUNK_SIZE = 500;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`Chunk size must be a positive integer, got ${size}`);
  }
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size));
  }
  return chunks;
}

/** The NDJSON lines of one `_bulk` request: an `index` action, then the document, per item. */
export function bulkOperations<TBody>(
  alias: string,
  docs: readonly BulkDocument<TBody>[],
): (estypes.BulkOperationContainer | TBody)[] {
  return docs.flatMap((doc) => [{ index: { _index: alias, _id: doc.id } }, doc.body]);
}

/** The rejected items of a `_bulk` response; empty when every item was applied. */
export function bulkFailures(response: estypes.BulkResponse): BulkItemFailure[] {
  if (!response.errors) {
    return [];
  }
  return response.items.flatMap((item) =>
    Object.values(item).flatMap((result: estypes.BulkResponseItem | undefined) =>
      result?.error
        ? [
            {
              id: result._id ?? '',
              status: result.status,
              type: result.error.type,
              reason: result.error.reason ?? '',
            },
          ]
        : [],
    ),
  );
}

/**
 * Indexes (creates or replaces by id) documents through the alias, one `_bulk` request per chunk.
 * All chunks are sent even if one has rejected items, because indexing by id is idempotent and the
 * caller then gets every failure at once to retry or report.
 */
export async function bulkIndex<TBody>(
  client: SearchClient,
  alias: string,
  docs: readonly BulkDocument<TBody>[],
  options: BulkIndexOptions = {},
): Promise<void> {
  const failures: BulkItemFailure[] = [];
  for (const part of chunk(docs, options.chunkSize ?? DEFAULT_BULK_CHUNK_SIZE)) {
    let response: estypes.BulkResponse;
    try {
      response = await client.bulk({
        operations: bulkOperations(alias, part),
        refresh: options.refresh,
      });
    } catch (cause) {
      throw requestFailed(`Bulk indexing into ${alias}`, cause);
    }
    failures.push(...bulkFailures(response));
  }
  if (failures.length > 0) {
    const sample = failures
      .slice(0, 3)
      .map((failure) => `${failure.id}: ${failure.type} ${failure.reason}`)
      .join('; ');
    throw new SearchError(
      SearchErrorCode.BulkItemsFailed,
      `${failures.length} of ${docs.length} documents were not indexed into ${alias} (${sample})`,
      { failures },
    );
  }
}
