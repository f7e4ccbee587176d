import { status } from '@grpc/grpc-js';
import { assertUnreachable } from '@itsm/lang';
import { rpcErrorFilter } from '@itsm/platform';
import { CmdbError, CmdbErrorCode } from '../domain/cmdb-error';

export function grpcStatusOf(code: CmdbErrorCode): status {
  switch (code) {
    case CmdbErrorCode.ValidationFailed:
      return status.INVALID_ARGUMENT;
    case CmdbErrorCode.NotFound:
      return status.NOT_FOUND;
    case CmdbErrorCode.VersionConflict:
      return status.ABORTED;
    case CmdbErrorCode.AlreadyExists:
      return status.ALREADY_EXISTS;
    // The state does not allow the action: the client must change the state first.
    case CmdbErrorCode.InvalidTransition:
    case CmdbErrorCode.FailedPrecondition:
      return status.FAILED_PRECONDITION;
    default:
      return assertUnreachable(code, 'cmdb error code');
  }
}

export const CmdbErrorRpcFilter = rpcErrorFilter(CmdbError, grpcStatusOf);
