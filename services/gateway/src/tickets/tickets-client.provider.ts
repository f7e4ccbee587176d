import type { Provider } from '@nestjs/common';
import { type ClientGrpc, ClientProxyFactory, Transport } from '@nestjs/microservices';
import {
  protoLoaderOptions,
  protoPaths,
  TICKETS_SERVICE_NAME,
  TicketsGrpcPackage,
  type TicketsServiceClient,
} from '@itsm/contracts';
import { resolveProtoRoot } from '@itsm/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';

export const TICKETS_CLIENT = Symbol('TicketsServiceClient');

/** The tickets service's gRPC client; connects lazily, so the gateway starts without it. */
export const ticketsClientProvider: Provider = {
  provide: TICKETS_CLIENT,
  inject: [GATEWAY_CONFIG],
  useFactory: (config: GatewayConfig): TicketsServiceClient => {
    const protoRoot = resolveProtoRoot(config.PROTO_ROOT);
    const client = ClientProxyFactory.create({
      transport: Transport.GRPC,
      options: {
        url: config.TICKETS_GRPC_URL,
        package: TicketsGrpcPackage.package,
        protoPath: protoPaths(protoRoot, TicketsGrpcPackage),
        loader: { ...protoLoaderOptions, includeDirs: [protoRoot] },
      },
    }) as unknown as ClientGrpc;
    return client.getService<TicketsServiceClient>(TICKETS_SERVICE_NAME);
  },
};
