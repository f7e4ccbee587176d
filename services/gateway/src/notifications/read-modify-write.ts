import { status as GrpcStatus } from '@grpc/grpc-js';
import { ErrorMetadata, ServiceErrorCodes } from '@itsm/contracts';
import { isGrpcServiceError } from '../problem/problem-details.filter';

/** Enough for a burst of edits to one trigger or subscription; a storm is still answered 412. */
const WRITES_WITHOUT_IF_MATCH = 3;

function isVersionConflict(error: unknown): boolean {
  if (!isGrpcServiceError(error) || error.code !== GrpcStatus.ABORTED) return false;
  const [code] = error.metadata?.get(ErrorMetadata.code) ?? [];
  return code === ServiceErrorCodes.versionConflict;
}

/**
 * A PATCH over an RPC that replaces the whole resource: `write` reads the resource, merges the
 * patch and writes it from the version it read. With If-Match the client named the version, so
 * a conflict is theirs to see (412). Without it the change applies to what is stored now: a
 * write that lost a race with another change is read, merged and written again.
 */
export async function readModifyWrite<T>(
  ifMatchVersion: number | undefined,
  write: () => Promise<T>,
): Promise<T> {
  const attempts = ifMatchVersion === undefined ? WRITES_WITHOUT_IF_MATCH : 1;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= attempts || !isVersionConflict(error)) throw error;
    }
  }
}
