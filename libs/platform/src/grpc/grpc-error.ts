import { Metadata, type status } from '@grpc/grpc-js';
import { Catch, type RpcExceptionFilter, type Type } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';
import { ErrorMetadata } from '@itsm/contracts';

/** What every service's one error type carries, whatever its code enum. */
export interface DescribedError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly violations: readonly { field: string; message: string }[];
  readonly details: Record<string, unknown>;
}

export interface GrpcErrorObject {
  code: status;
  message: string;
  details: string;
  metadata: Metadata;
}

/**
 * The gRPC error a caller sees: the status the service chose for its code, and the code,
 * field violations and details in metadata (the gateway turns them into problem+json).
 */
export function grpcErrorOf(error: DescribedError, grpcStatus: status): GrpcErrorObject {
  const metadata = new Metadata();
  metadata.set(ErrorMetadata.code, error.code);
  metadata.set(ErrorMetadata.violations, Buffer.from(JSON.stringify(error.violations), 'utf8'));
  metadata.set(ErrorMetadata.details, Buffer.from(JSON.stringify(error.details), 'utf8'));
  return { code: grpcStatus, message: error.message, details: error.message, metadata };
}

/**
 * A Nest filter that answers a service's error type over gRPC. Each service keeps its own
 * exhaustive code → status switch (`statusOf`), so a new code cannot go unmapped.
 */
export function rpcErrorFilter<E extends DescribedError>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any constructor of E
  errorType: abstract new (...args: any[]) => E,
  statusOf: (code: E['code']) => status,
): Type<RpcExceptionFilter<E>> {
  @Catch(errorType)
  class ServiceErrorRpcFilter implements RpcExceptionFilter<E> {
    catch(error: E): Observable<never> {
      return throwError(() => grpcErrorOf(error, statusOf(error.code)));
    }
  }
  return ServiceErrorRpcFilter;
}
