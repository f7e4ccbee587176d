import type { Provider } from '@nestjs/common';
import type { ClientGrpc } from '@nestjs/microservices';
import {
  TICKETS_SERVICE_NAME,
  TicketsGrpcPackage,
  type TicketsServiceClient,
} from '@itsm/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { grpcConnection } from '../grpc/grpc-connection';

/** The gRPC connection to the tickets process, which serves TicketsService and CatalogService. */
export const TICKETS_GRPC = Symbol('TicketsGrpc');
export const TICKETS_CLIENT = Symbol('TicketsServiceClient');

export const ticketsGrpcProvider: Provider = {
  provide: TICKETS_GRPC,
  inject: [GATEWAY_CONFIG],
  useFactory: (config: GatewayConfig): ClientGrpc =>
    grpcConnection(config.TICKETS_GRPC_URL, TicketsGrpcPackage, config.PROTO_ROOT),
};

/** The tickets service's gRPC client. */
export const ticketsClientProvider: Provider = {
  provide: TICKETS_CLIENT,
  inject: [TICKETS_GRPC],
  useFactory: (grpc: ClientGrpc): TicketsServiceClient =>
    grpc.getService<TicketsServiceClient>(TICKETS_SERVICE_NAME),
};
