import { status } from '@grpc/grpc-js';
import { assertUnreachable } from '@itsm/lang';
import { type GrpcErrorObject, grpcErrorOf, rpcErrorFilter } from '@itsm/platform';
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
    case TicketErrorCode.Unauthenticated:
      return status.UNAUTHENTICATED;
    default:
      return assertUnreachable(code, 'ticket error code');
  }
}

/** The gRPC status a caller sees for a TicketError, with its code and violations in metadata. */
export function toGrpcError(error: TicketError): GrpcErrorObject {
  return grpcErrorOf(error, grpcStatusOf(error.code));
}

export const TicketErrorRpcFilter = rpcErrorFilter(TicketError, grpcStatusOf);
