import { status } from '@grpc/grpc-js';
import { assertUnreachable } from '@itsm/lang';
import { type GrpcErrorObject, grpcErrorOf, rpcErrorFilter } from '@itsm/platform';
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
      return assertUnreachable(code, 'knowledge error code');
  }
}

/** The gRPC status a caller sees for a KnowledgeError, with its code and violations in metadata. */
export function toGrpcError(error: KnowledgeError): GrpcErrorObject {
  return grpcErrorOf(error, grpcStatusOf(error.code));
}

export const KnowledgeErrorRpcFilter = rpcErrorFilter(KnowledgeError, grpcStatusOf);
