import { status } from '@grpc/grpc-js';
import { assertUnreachable } from '@itsm/lang';
import { type GrpcErrorObject, grpcErrorOf, rpcErrorFilter } from '@itsm/platform';
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
      return assertUnreachable(code, 'SLA error code');
  }
}

/** The gRPC status a caller sees for an SlaError, with its code and violations in metadata. */
export function toGrpcError(error: SlaError): GrpcErrorObject {
  return grpcErrorOf(error, grpcStatusOf(error.code));
}

export const SlaErrorRpcFilter = rpcErrorFilter(SlaError, grpcStatusOf);
