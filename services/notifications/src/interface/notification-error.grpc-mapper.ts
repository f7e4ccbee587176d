import { status } from '@grpc/grpc-js';
import { assertUnreachable } from '@itsm/lang';
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
      return assertUnreachable(code, 'notification error code');
  }
}

export const NotificationErrorRpcFilter = rpcErrorFilter(NotificationError, grpcStatusOf);
