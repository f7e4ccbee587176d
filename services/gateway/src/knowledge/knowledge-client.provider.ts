import type { Provider } from '@nestjs/common';
import {
  KNOWLEDGE_SERVICE_NAME,
  KnowledgeGrpcPackage,
  type KnowledgeServiceClient,
} from '@itsm/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { grpcConnection } from '../grpc/grpc-connection';

export const KNOWLEDGE_CLIENT = Symbol('KnowledgeServiceClient');

/** The knowledge service's gRPC client. */
export const knowledgeClientProvider: Provider = {
  provide: KNOWLEDGE_CLIENT,
  inject: [GATEWAY_CONFIG],
  useFactory: (config: GatewayConfig): KnowledgeServiceClient =>
    grpcConnection(
      config.KNOWLEDGE_GRPC_URL,
      KnowledgeGrpcPackage,
      config.PROTO_ROOT,
    ).getService<KnowledgeServiceClient>(KNOWLEDGE_SERVICE_NAME),
};
