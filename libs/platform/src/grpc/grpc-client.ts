import type { Interceptor } from '@grpc/grpc-js';
import { type ClientGrpc, ClientProxyFactory, Transport } from '@nestjs/microservices';
import {
  type GrpcPackage,
  grpcMessageLimits,
  protoLoaderOptions,
  protoPaths,
} from '@itsm/contracts';
import { resolveProtoRoot } from '../bootstrap/proto-root';
import { grpcClientMetrics } from './grpc-metrics';

export interface GrpcClientOptions {
  /** Directory holding proto/itsm/**; defaults to the bundle's or the repository's. */
  protoRoot?: string;
  /** Run on every call, e.g. to send the caller's principal in metadata. */
  interceptors?: Interceptor[];
}

/**
 * A lazily connecting gRPC channel to another service: the caller starts without it, and
 * calls fail (UNAVAILABLE) only while it is away.
 */
export function grpcClient(
  url: string,
  pkg: GrpcPackage,
  options: GrpcClientOptions = {},
): ClientGrpc {
  const protoRoot = resolveProtoRoot(options.protoRoot);
  return ClientProxyFactory.create({
    transport: Transport.GRPC,
    options: {
      url,
      package: pkg.package,
      protoPath: protoPaths(protoRoot, pkg),
      loader: { ...protoLoaderOptions, includeDirs: [protoRoot] },
      channelOptions: { interceptors: [clientMetrics(), ...(options.interceptors ?? [])] },
      ...grpcMessageLimits,
    },
  }) as unknown as ClientGrpc;
}

let sharedClientMetrics: Interceptor | undefined;

/** One histogram for every channel of the process, made once telemetry has started. */
function clientMetrics(): Interceptor {
  sharedClientMetrics ??= grpcClientMetrics();
  return sharedClientMetrics;
}
