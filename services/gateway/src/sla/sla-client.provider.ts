import type { Provider } from '@nestjs/common';
import { type ClientGrpc, ClientProxyFactory, Transport } from '@nestjs/microservices';
import {
  protoLoaderOptions,
  protoPaths,
  SLA_SERVICE_NAME,
  SlaGrpcPackage,
  type SlaServiceClient,
} from '@itsm/contracts';
import { resolveProtoRoot } from '@itsm/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';

export const SLA_CLIENT = Symbol('SlaServiceClient');

/** The SLA service's gRPC client; connects lazily, so the gateway starts without it. */
export const slaClientProvider: Provider = {
  provide: SLA_CLIENT,
  inject: [GATEWAY_CONFIG],
  useFactory: (config: GatewayConfig): SlaServiceClient => {
    const protoRoot = resolveProtoRoot(config.PROTO_ROOT);
    const grpc = ClientProxyFactory.create({
      transport: Transport.GRPC,
      options: {
        url: config.SLA_GRPC_URL,
        package: SlaGrpcPackage.package,
        protoPath: protoPaths(protoRoot, SlaGrpcPackage),
        loader: { ...protoLoaderOptions, includeDirs: [protoRoot] },
      },
    }) as unknown as ClientGrpc;
    return grpc.getService<SlaServiceClient>(SLA_SERVICE_NAME);
  },
};
