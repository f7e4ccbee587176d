import type { Provider } from '@nestjs/common';
import { type ClientGrpc, ClientProxyFactory, Transport } from '@nestjs/microservices';
import {
  KNOWLEDGE_SERVICE_NAME,
  KnowledgeGrpcPackage,
  type KnowledgeServiceClient,
  protoLoaderOptions,
  protoPaths,
} from '@itsm/contracts';
import { resolveProtoRoot } from '@itsm/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';

export const KNOWLEDGE_CLIENT = Symbol('KnowledgeServiceClient');

/** The knowledge service's gRPC client; connects lazily, so the gateway starts without it. */
export const knowledgeClientProvider: Provider = {
  provide: KNOWLEDGE_CLIENT,
  inject: [GATEWAY_CONFIG],
  useFactory: (config: GatewayConfig): KnowledgeServiceClient => {
    const protoRoot = resolveProtoRoot(config.PROTO_ROOT);
    const client = ClientProxyFactory.create({
      transport: Transport.GRPC,
      options: {
        url: config.KNOWLEDGE_GRPC_URL,
        package: KnowledgeGrpcPackage.package,
        protoPath: protoPaths(protoRoot, KnowledgeGrpcPackage),
        loader: { ...protoLoaderOptions, includeDirs: [protoRoot] },
      },
    }) as unknown as ClientGrpc;
    return client.getService<KnowledgeServiceClient>(KNOWLEDGE_SERVICE_NAME);
  },
};
