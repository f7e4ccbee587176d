import type { Metadata } from '@grpc/grpc-js';
import { ErrorMetadata } from '@itsm/contracts';
import type { FieldError } from './problem-details';
import { isGrpcServiceError } from './problem-details.filter';

function renameViolations(metadata: Metadata | undefined, rename: (field: string) => string) {
  const [raw] = metadata?.get(ErrorMetadata.violations) ?? [];
  if (!metadata || raw === undefined) return;
  let violations: unknown;
  try {
    violations = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : raw);
  } catch {
    return;
  }
  if (!Array.isArray(violations)) return;
  const renamed = (violations as FieldError[]).map((violation) => ({
    ...violation,
    field: rename(violation.field),
  }));
  metadata.set(ErrorMetadata.violations, Buffer.from(JSON.stringify(renamed), 'utf8'));
}

/**
 * Runs a call to a service and, when it refuses the request field by field, renames the fields
 * it names (its own message's) to those of the REST body the client sent.
 */
export async function withRestFieldNames<T>(
  call: Promise<T>,
  rename: (field: string) => string,
): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (isGrpcServiceError(error)) renameViolations(error.metadata, rename);
    throw error;
  }
}
