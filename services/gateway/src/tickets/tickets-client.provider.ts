import type { Provider } from '@nestjs/common';
import { type ClientGrpc, ClientProxyFactory, Transport } from '@nestjs/microservices';
import {
  grpcMessageLimits,
  protoLoaderOptions,
  protoPaths,
  TICKETS_SERVICE_NAME,
  TicketsGrpcPackage,
  type TicketsServiceClient,
} from '@itsm/contracts';
import { resolveProtoRoot } from '@itsm/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';

/** The gRPC connection to the tickets process, which serves TicketsService and CatalogService. */
export const TICKETS_GRPC = Symbol('TicketsGrpc');
export const TICKETS_CLIENT = Symbol('TicketsServiceClient');

/** Connects lazily, so the gateway starts without the tickets service. */
export const ticketsGrpcProvider: Provider = {
  provide: TICKETS_GRPC,
  inject: [GATEWAY_CONFIG],
  useFactory: (config: GatewayConfig): ClientGrpc => {
    const protoRoot = resolveProtoRoot(config.PROTO_ROOT);
    return ClientProxyFactory.create({
      transport: Transport.GRPC,
      options: {
        url: config.TICKETS_GRPC_URL,
        package: TicketsGrpcPackage.package,
        protoPath: protoPaths(protoRoot, TicketsGrpcPackage),
        loader: { ...protoLoaderOptions, includeDirs: [protoRoot] },
        ...grpcMessageLimits,
      },
    }) as unknown as ClientGrpc;
  },
};

/** The tickets service's gRPC client. */
export const ticketsClientProvider: Provider = {
  provide: TICKETS_CLIENT,
  inject: [TICKETS_GRPC],
  useFactory: (grpc: ClientGrpc): TicketsServiceClient =>
    grpc.getService<TicketsServiceClient>(TICKETS_SERVICE_NAME),
};
