import type { Provider } from '@nestjs/common';
import { SLA_SERVICE_NAME, SlaGrpcPackage, type SlaServiceClient } from '@itsm/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { grpcConnection } from '../grpc/grpc-connection';

export const SLA_CLIENT = Symbol('SlaServiceClient');

/** The SLA service's gRPC client. */
export const slaClientProvider: Provider = {
  provide: SLA_CLIENT,
  inject: [GATEWAY_CONFIG],
  useFactory: (config: GatewayConfig): SlaServiceClient =>
    grpcConnection(
      config.SLA_GRPC_URL,
      SlaGrpcPackage,
      config.PROTO_ROOT,
    ).getService<SlaServiceClient>(SLA_SERVICE_NAME),
};
