import { status as GrpcStatus } from '@grpc/grpc-js';
import { HttpStatus } from '@nestjs/common';
import { assertUnreachable } from '@itsm/lang';

/** The HTTP status a client sees when a service answers with a gRPC status. */
export function httpStatusOfGrpc(code: GrpcStatus): HttpStatus {
  switch (code) {
    case GrpcStatus.OK:
      return HttpStatus.OK;
    case GrpcStatus.INVALID_ARGUMENT:
    case GrpcStatus.OUT_OF_RANGE:
      return HttpStatus.BAD_REQUEST;
    case GrpcStatus.NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    case GrpcStatus.ALREADY_EXISTS:
    case GrpcStatus.ABORTED:
    case GrpcStatus.FAILED_PRECONDITION:
      return HttpStatus.CONFLICT;
    case GrpcStatus.PERMISSION_DENIED:
      return HttpStatus.FORBIDDEN;
    case GrpcStatus.UNAUTHENTICATED:
      return HttpStatus.UNAUTHORIZED;
    case GrpcStatus.RESOURCE_EXHAUSTED:
      return HttpStatus.TOO_MANY_REQUESTS;
    case GrpcStatus.UNAVAILABLE:
      return HttpStatus.SERVICE_UNAVAILABLE;
    case GrpcStatus.DEADLINE_EXCEEDED:
      return HttpStatus.GATEWAY_TIMEOUT;
    case GrpcStatus.UNIMPLEMENTED:
      return HttpStatus.NOT_IMPLEMENTED;
    case GrpcStatus.CANCELLED:
    case GrpcStatus.UNKNOWN:
    case GrpcStatus.INTERNAL:
    case GrpcStatus.DATA_LOSS:
      return HttpStatus.INTERNAL_SERVER_ERROR;
    default:
      return assertUnreachable(code, 'gRPC status');
  }
}
