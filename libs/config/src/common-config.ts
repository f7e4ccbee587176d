import { z } from 'zod';
import { sensitive } from './load-config';

const port = z.coerce.number().int().min(1).max(65535);
const commaList = z
  .string()
  .min(1)
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

/** Settings every service shares. Each service extends this with its own. */
export const serviceConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HTTP_HOST: z.string().default('0.0.0.0'),
  HTTP_PORT: port,
  /** Time the service keeps serving after SIGTERM while the load balancer drains it. */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).default(0),
});

export const databaseConfigSchema = z.object({
  DATABASE_URL: sensitive(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
});

export const kafkaConfigSchema = z.object({
  KAFKA_BROKERS: commaList.default(['127.0.0.1:9092']),
  KAFKA_CLIENT_ID: z.string().optional(),
});

export const grpcServerConfigSchema = z.object({
  GRPC_HOST: z.string().default('0.0.0.0'),
  GRPC_PORT: port,
  /** Directory holding proto/itsm/**; defaults to the bundle's or the repository's. */
  PROTO_ROOT: z.string().optional(),
});

export const telemetryConfigSchema = z.object({
  OTEL_SERVICE_NAME: z.string().optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
  OTEL_TRACES_EXPORTER: z.string().optional(),
  OTEL_SDK_DISABLED: z.stringbool().default(false),
});

export type ServiceConfig = z.infer<typeof serviceConfigSchema>;
export type DatabaseConfig = z.infer<typeof databaseConfigSchema>;
export type KafkaConfig = z.infer<typeof kafkaConfigSchema>;
export type GrpcServerConfig = z.infer<typeof grpcServerConfigSchema>;
export type TelemetryConfig = z.infer<typeof telemetryConfigSchema>;
