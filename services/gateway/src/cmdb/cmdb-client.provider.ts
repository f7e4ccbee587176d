import type { Provider } from '@nestjs/common';
import { CMDB_SERVICE_NAME, CmdbGrpcPackage, type CmdbServiceClient } from '@itsm/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { grpcConnection } from '../grpc/grpc-connection';

export const CMDB_CLIENT = Symbol('CmdbServiceClient');

/** The CMDB service's gRPC client. */
export const cmdbClientProvider: Provider = {
  provide: CMDB_CLIENT,
  inject: [GATEWAY_CONFIG],
  useFactory: (config: GatewayConfig): CmdbServiceClient =>
    grpcConnection(
      config.CMDB_GRPC_URL,
      CmdbGrpcPackage,
      config.PROTO_ROOT,
    ).getService<CmdbServiceClient>(CMDB_SERVICE_NAME),
};
