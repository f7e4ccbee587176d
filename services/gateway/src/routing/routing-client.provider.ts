import type { Provider } from '@nestjs/common';
import {
  ROUTING_SERVICE_NAME,
  RoutingGrpcPackage,
  type RoutingServiceClient,
} from '@itsm/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { grpcConnection } from '../grpc/grpc-connection';

export const ROUTING_CLIENT = Symbol('RoutingServiceClient');

/** The routing service's gRPC client. */
export const routingClientProvider: Provider = {
  provide: ROUTING_CLIENT,
  inject: [GATEWAY_CONFIG],
  useFactory: (config: GatewayConfig): RoutingServiceClient =>
    grpcConnection(
      config.ROUTING_GRPC_URL,
      RoutingGrpcPackage,
      config.PROTO_ROOT,
    ).getService<RoutingServiceClient>(ROUTING_SERVICE_NAME),
};
