import { status } from '@grpc/grpc-js';
import { assertUnreachable } from '@itsm/lang';
import { rpcErrorFilter } from '@itsm/platform';
import { RoutingError, RoutingErrorCode } from '../domain/routing-error';

export function grpcStatusOf(code: RoutingErrorCode): status {
  switch (code) {
    case RoutingErrorCode.ValidationFailed:
      return status.INVALID_ARGUMENT;
    case RoutingErrorCode.NotFound:
      return status.NOT_FOUND;
    case RoutingErrorCode.VersionConflict:
      return status.ABORTED;
    case RoutingErrorCode.AlreadyExists:
      return status.ALREADY_EXISTS;
    case RoutingErrorCode.FailedPrecondition:
      return status.FAILED_PRECONDITION;
    default:
      return assertUnreachable(code, 'routing error code');
  }
}

export const RoutingErrorRpcFilter = rpcErrorFilter(RoutingError, grpcStatusOf);
