import { Metadata, status } from '@grpc/grpc-js';
import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';
import { ErrorMetadata } from '@itsm/contracts';
import { KnowledgeError, KnowledgeErrorCode } from '../domain/knowledge-error';

export function grpcStatusOf(code: KnowledgeErrorCode): status {
  switch (code) {
    case KnowledgeErrorCode.ValidationFailed:
    case KnowledgeErrorCode.InvalidPageToken:
      return status.INVALID_ARGUMENT;
    case KnowledgeErrorCode.NotFound:
      return status.NOT_FOUND;
    case KnowledgeErrorCode.InvalidTransition:
      return status.FAILED_PRECONDITION;
    case KnowledgeErrorCode.VersionConflict:
      return status.ABORTED;
    case KnowledgeErrorCode.AlreadyExists:
      return status.ALREADY_EXISTS;
    case KnowledgeErrorCode.SearchUnavailable:
      return status.UNAVAILABLE;
    default:
      return assertUnreachable(code);
  }
}

function assertUnreachable(value: never): never {
  throw new Error(`unhandled knowledge error code ${String(value)}`);
}

export interface GrpcErrorObject {
  code: status;
  message: string;
  details: string;
  metadata: Metadata;
}

/** The gRPC status a caller sees for a KnowledgeError, with its code and violations in metadata. */
export function toGrpcError(error: KnowledgeError): GrpcErrorObject {
  const metadata = new Metadata();
  metadata.set(ErrorMetadata.code, error.code);
  metadata.set(ErrorMetadata.violations, Buffer.from(JSON.stringify(error.violations), 'utf8'));
  metadata.set(ErrorMetadata.details, Buffer.from(JSON.stringify(error.details), 'utf8'));
  return {
    code: grpcStatusOf(error.code),
    message: error.message,
    details: error.message,
    metadata,
  };
}

@Catch(KnowledgeError)
export class KnowledgeErrorRpcFilter implements RpcExceptionFilter<KnowledgeError> {
  catch(error: KnowledgeError): Observable<never> {
    return throwError(() => toGrpcError(error));
  }
}
