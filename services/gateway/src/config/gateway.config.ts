import { z } from 'zod';
import { loadConfig, serviceConfigSchema, telemetryConfigSchema } from '@itsm/config';

export const gatewayConfigSchema = serviceConfigSchema
  .extend({ HTTP_PORT: serviceConfigSchema.shape.HTTP_PORT.default(3000) })
  .extend(telemetryConfigSchema.shape)
  .extend({
    /** host:port of the tickets service's gRPC server. */
    TICKETS_GRPC_URL: z.string().min(1).default('127.0.0.1:50051'),
    /** host:port of the SLA service's gRPC server. */
    SLA_GRPC_URL: z.string().min(1).default('127.0.0.1:50052'),
    /** host:port of the knowledge service's gRPC server. */
    KNOWLEDGE_GRPC_URL: z.string().min(1).default('127.0.0.1:50053'),
    /** host:port of the routing service's gRPC server. */
    ROUTING_GRPC_URL: z.string().min(1).default('127.0.0.1:50054'),
    /** host:port of the CMDB service's gRPC server. */
    CMDB_GRPC_URL: z.string().min(1).default('127.0.0.1:50055'),
    /** Directory holding proto/itsm/**; defaults to the bundle's or the repository's. */
    PROTO_ROOT: z.string().optional(),
    /** Largest accepted JSON body. */
    HTTP_BODY_LIMIT: z
      .string()
      .regex(/^\d+(kb|mb)$/)
      .default('1mb'),
    /** Largest accepted body of a CMDB import (JSON or CSV): whole inventories travel at once. */
    HTTP_IMPORT_BODY_LIMIT: z
      .string()
      .regex(/^\d+(kb|mb)$/)
      .default('10mb'),
    /** Public base URL, used in Location headers and the OpenAPI document. */
    PUBLIC_URL: z.url().optional(),
  });

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export const GATEWAY_CONFIG = Symbol('GatewayConfig');

export function loadGatewayConfig(): GatewayConfig {
  return loadConfig(gatewayConfigSchema);
}
