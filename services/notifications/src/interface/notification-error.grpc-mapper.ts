import { status } from '@grpc/grpc-js';
import { rpcErrorFilter } from '@itsm/platform';
import { NotificationError, NotificationErrorCode } from '../domain/notification-error';

export function grpcStatusOf(code: NotificationErrorCode): status {
  switch (code) {
    case NotificationErrorCode.ValidationFailed:
      return status.INVALID_ARGUMENT;
    case NotificationErrorCode.NotFound:
      return status.NOT_FOUND;
    case NotificationErrorCode.VersionConflict:
      return status.ABORTED;
    case NotificationErrorCode.InvalidState:
      return status.FAILED_PRECONDITION;
    default:
      return assertUnreachable(code);
  }
}

function assertUnreachable(value: never): never {
  throw new Error(`unhandled notification error code ${String(value)}`);
}

export const NotificationErrorRpcFilter = rpcErrorFilter(NotificationError, grpcStatusOf);
