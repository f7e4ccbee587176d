import { Metadata, status } from '@grpc/grpc-js';
import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';
import { ErrorMetadata } from '@itsm/contracts';
import { SlaError, SlaErrorCode } from '../domain/sla-error';

export function grpcStatusOf(code: SlaErrorCode): status {
  switch (code) {
    case SlaErrorCode.ValidationFailed:
      return status.INVALID_ARGUMENT;
    case SlaErrorCode.NotFound:
      return status.NOT_FOUND;
    case SlaErrorCode.InvalidTransition:
    case SlaErrorCode.NoWorkingTime:
      return status.FAILED_PRECONDITION;
    case SlaErrorCode.VersionConflict:
      return status.ABORTED;
    default:
      return assertUnreachable(code);
  }
}

function assertUnreachable(value: never): never {
  throw new Error(`unhandled SLA error code ${String(value)}`);
}

export interface GrpcErrorObject {
  code: status;
  message: string;
  details: string;
  metadata: Metadata;
}

/** The gRPC status a caller sees for an SlaError, with its code, violations and details. */
export function toGrpcError(error: SlaError): GrpcErrorObject {
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

@Catch(SlaError)
export class SlaErrorRpcFilter implements RpcExceptionFilter<SlaError> {
  catch(error: SlaError): Observable<never> {
    return throwError(() => toGrpcError(error));
  }
}
