import { Metadata, status } from '@grpc/grpc-js';
import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';
import { ErrorMetadata } from '@itsm/contracts';
import { TicketError, TicketErrorCode } from '../domain/ticket-error';

export function grpcStatusOf(code: TicketErrorCode): status {
  switch (code) {
    case TicketErrorCode.ValidationFailed:
    case TicketErrorCode.InvalidPageToken:
      return status.INVALID_ARGUMENT;
    case TicketErrorCode.NotFound:
      return status.NOT_FOUND;
    case TicketErrorCode.InvalidTransition:
      return status.FAILED_PRECONDITION;
    case TicketErrorCode.VersionConflict:
      return status.ABORTED;
    case TicketErrorCode.IdempotencyKeyReused:
      return status.ALREADY_EXISTS;
    case TicketErrorCode.NotPermitted:
      return status.PERMISSION_DENIED;
    default:
      return assertUnreachable(code);
  }
}

function assertUnreachable(value: never): never {
  throw new Error(`unhandled ticket error code ${String(value)}`);
}

export interface GrpcErrorObject {
  code: status;
  message: string;
  details: string;
  metadata: Metadata;
}

/** The gRPC status a caller sees for a TicketError, with its code and violations in metadata. */
export function toGrpcError(error: TicketError): GrpcErrorObject {
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

@Catch(TicketError)
export class TicketErrorRpcFilter implements RpcExceptionFilter<TicketError> {
  catch(error: TicketError): Observable<never> {
    return throwError(() => toGrpcError(error));
  }
}
