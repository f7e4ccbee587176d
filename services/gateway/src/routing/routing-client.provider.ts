import type { Provider } from '@nestjs/common';
import { type ClientGrpc, ClientProxyFactory, Transport } from '@nestjs/microservices';
import {
  protoLoaderOptions,
  protoPaths,
  ROUTING_SERVICE_NAME,
  RoutingGrpcPackage,
  type RoutingServiceClient,
} from '@itsm/contracts';
import { resolveProtoRoot } from '@itsm/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';

export const ROUTING_CLIENT = Symbol('RoutingServiceClient');

/** The routing service's gRPC client; connects lazily, so the gateway starts without it. */
export const routingClientProvider: Provider = {
  provide: ROUTING_CLIENT,
  inject: [GATEWAY_CONFIG],
  useFactory: (config: GatewayConfig): RoutingServiceClient => {
    const protoRoot = resolveProtoRoot(config.PROTO_ROOT);
    const grpc = ClientProxyFactory.create({
      transport: Transport.GRPC,
      options: {
        url: config.ROUTING_GRPC_URL,
        package: RoutingGrpcPackage.package,
        protoPath: protoPaths(protoRoot, RoutingGrpcPackage),
        loader: { ...protoLoaderOptions, includeDirs: [protoRoot] },
      },
    }) as unknown as ClientGrpc;
    return grpc.getService<RoutingServiceClient>(ROUTING_SERVICE_NAME);
  },
};
