import type { Provider } from '@nestjs/common';
import {
  NOTIFICATIONS_SERVICE_NAME,
  NotificationsGrpcPackage,
  type NotificationsServiceClient,
} from '@itsm/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { grpcConnection } from '../grpc/grpc-connection';

export const NOTIFICATIONS_CLIENT = Symbol('NotificationsServiceClient');

/** The notifications service's gRPC client. */
export const notificationsClientProvider: Provider = {
  provide: NOTIFICATIONS_CLIENT,
  inject: [GATEWAY_CONFIG],
  useFactory: (config: GatewayConfig): NotificationsServiceClient =>
    grpcConnection(
      config.NOTIFICATIONS_GRPC_URL,
      NotificationsGrpcPackage,
      config.PROTO_ROOT,
    ).getService<NotificationsServiceClient>(NOTIFICATIONS_SERVICE_NAME),
};
