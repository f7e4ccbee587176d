import type { Provider } from '@nestjs/common';
import { type ClientGrpc, ClientProxyFactory, Transport } from '@nestjs/microservices';
import {
  CMDB_SERVICE_NAME,
  CmdbGrpcPackage,
  type CmdbServiceClient,
  grpcMessageLimits,
  protoLoaderOptions,
  protoPaths,
} from '@itsm/contracts';
import { resolveProtoRoot } from '@itsm/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';

export const CMDB_CLIENT = Symbol('CmdbServiceClient');

/**
 * The CMDB service's gRPC client; connects lazily, so the gateway starts without it. Imports
 * and exports carry whole files, above gRPC's 4 MiB default message size.
 */
export const cmdbClientProvider: Provider = {
  provide: CMDB_CLIENT,
  inject: [GATEWAY_CONFIG],
  useFactory: (config: GatewayConfig): CmdbServiceClient => {
    const protoRoot = resolveProtoRoot(config.PROTO_ROOT);
    const grpc = ClientProxyFactory.create({
      transport: Transport.GRPC,
      options: {
        url: config.CMDB_GRPC_URL,
        package: CmdbGrpcPackage.package,
        protoPath: protoPaths(protoRoot, CmdbGrpcPackage),
        loader: { ...protoLoaderOptions, includeDirs: [protoRoot] },
        ...grpcMessageLimits,
      },
    }) as unknown as ClientGrpc;
    return grpc.getService<CmdbServiceClient>(CMDB_SERVICE_NAME);
  },
};
