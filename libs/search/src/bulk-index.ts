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

/**
 * One change of an index. With a `version` (the source row's revision), the engine applies the
 * change only when it is at least the indexed document's version (`external_gte`), so a writer
 * that read an older state can never overwrite a newer one, and applying the same state twice is
 * harmless.
 */
export type IndexChange<TBody = Record<string, unknown>> =
  | { kind: 'index'; id: string; body: TBody; version?: number }
  | { kind: 'delete'; id: string; version?: number };

export interface BulkApplyResult {
  /** Changes the engine applied (a delete of a missing document counts: it is gone). */
  applied: number;
  /** Ids whose versioned change was older than the indexed document and so refused. */
  stale: string[];
}

function changeOperations<TBody>(
  index: string,
  change: IndexChange<TBody>,
): (estypes.BulkOperationContainer | TBody)[] {
  const target: estypes.BulkOperationBase = { _index: index, _id: change.id };
  if (change.version !== undefined) {
    target.version = change.version;
    target.version_type = 'external_gte';
  }
  return change.kind === 'index' ? [{ index: target }, change.body] : [{ delete: target }];
}

const VERSION_CONFLICT = 'version_conflict_engine_exception';

/**
 * Applies index and delete changes to an index or alias, one `_bulk` request per chunk. Every
 * chunk is sent even when one has rejected items; rejections other than stale versions are then
 * thrown together as {@link SearchErrorCode.BulkItemsFailed}, and a request the engine does not
 * answer as {@link SearchErrorCode.RequestFailed}. Both are safe to retry as a whole.
 */
export async function bulkApply<TBody>(
  client: SearchClient,
  index: string,
  changes: readonly IndexChange<TBody>[],
  options: BulkIndexOptions = {},
): Promise<BulkApplyResult> {
  const failures: BulkItemFailure[] = [];
  const result: BulkApplyResult = { applied: 0, stale: [] };
  for (const part of chunk(changes, options.chunkSize ?? DEFAULT_BULK_CHUNK_SIZE)) {
    let response: estypes.BulkResponse;
    try {
      response = await client.bulk({
        operations: part.flatMap((change) => changeOperations(index, change)),
        refresh: options.refresh,
      });
    } catch (cause) {
      throw requestFailed(`Bulk changes of ${index}`, cause);
    }
    response.items.forEach((item, position) => {
      const outcome = item.index ?? item.delete ?? item.create ?? item.update;
      const change = part[position];
      if (!outcome?.error) {
        result.applied += 1;
      } else if (outcome.error.type === VERSION_CONFLICT && change?.version !== undefined) {
        result.stale.push(change.id);
      } else {
        failures.push({
          id: outcome._id ?? change?.id ?? '',
          status: outcome.status,
          type: outcome.error.type,
          reason: outcome.error.reason ?? '',
        });
      }
    });
  }
  if (failures.length > 0) {
    const sample = failures
      .slice(0, 3)
      .map((failure) => `${failure.id}: ${failure.type} ${failure.reason}`)
      .join('; ');
    throw new SearchError(
      SearchErrorCode.BulkItemsFailed,
      `${failures.length} of ${changes.length} changes were not applied to ${index} (${sample})`,
      { failures },
    );
  }
  return result;
}
