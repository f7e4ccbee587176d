import { type ClientGrpc, ClientProxyFactory, Transport } from '@nestjs/microservices';
import {
  type GrpcPackage,
  grpcMessageLimits,
  protoLoaderOptions,
  protoPaths,
} from '@itsm/contracts';
import { resolveProtoRoot } from '@itsm/platform';
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
  const protoRoot = resolveProtoRoot(protoRootOverride);
  return ClientProxyFactory.create({
    transport: Transport.GRPC,
    options: {
      url,
      package: pkg.package,
      protoPath: protoPaths(protoRoot, pkg),
      loader: { ...protoLoaderOptions, includeDirs: [protoRoot] },
      channelOptions: { interceptors: [principalMetadataInterceptor] },
      ...grpcMessageLimits,
    },
  }) as unknown as ClientGrpc;
}
