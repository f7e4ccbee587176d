import type { ClientGrpc } from '@nestjs/microservices';
import type { GrpcPackage } from '@itsm/contracts';
import { grpcClient } from '@itsm/platform';
import { principalMetadataInterceptor } from './principal-metadata.interceptor';

/**
 * A lazily connecting gRPC channel to one service process: the gateway starts without the
 * service, and every call carries the caller's principal.
 */
export function grpcConnection(
  url: string,
  pkg: GrpcPackage,
  protoRootOverride?: string,
): ClientGrpc {
  return grpcClient(url, pkg, {
    protoRoot: protoRootOverride,
    interceptors: [principalMetadataInterceptor],
  });
}
