import { createNoopMeter, type MeterProvider } from '@opentelemetry/api';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK, tracing } from '@opentelemetry/sdk-node';
import { loadConfig, telemetryConfigSchema, type TelemetryConfig } from '@itsm/config';

const NO_METRICS: MeterProvider = { getMeter: () => createNoopMeter() };

export interface Telemetry {
  shutdown(): Promise<void>;
}

/** Whether telemetry leaves the process: only when an OTLP endpoint is configured. */
export function exportsTelemetry(config: TelemetryConfig): boolean {
  if (config.OTEL_TRACES_EXPORTER === 'none') return false;
  return Boolean(config.OTEL_EXPORTER_OTLP_ENDPOINT ?? config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/**
 * Starts the OpenTelemetry SDK. Must run before NestJS, pg or gRPC are loaded, so each
 * service's `main.ts` imports its `instrument.ts` first. Exporters follow the standard
 * OTEL_* variables. Without an endpoint, spans are still created (trace ids reach logs,
 * gRPC metadata and Kafka headers) but not exported.
 */
export function startTelemetry(
  serviceName: string,
  config: TelemetryConfig = loadConfig(telemetryConfigSchema),
): Telemetry {
  if (config.OTEL_SDK_DISABLED) return { shutdown: async () => undefined };
  const postgres = new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true });
  const sdk = new NodeSDK({
    serviceName: config.OTEL_SERVICE_NAME ?? serviceName,
    // Without a collector, spans are not recorded (sampled out) but still carry trace ids into
    // logs, gRPC metadata and Kafka headers; nothing is exported.
    ...(exportsTelemetry(config)
      ? {}
      : {
          sampler: new tracing.AlwaysOffSampler(),
          spanProcessors: [new tracing.NoopSpanProcessor()],
          metricReaders: [],
          logRecordProcessors: [],
        }),
    // HTTP server spans take their route from `httpRouteMiddleware` (no span per Express
    // layer or Nest handler); gRPC spans name the method; a connection checkout is not worth a
    // span of its own in every transaction.
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => request.url?.startsWith('/health') ?? false,
      }),
      new GrpcInstrumentation(),
      postgres,
    ],
  });
  sdk.start();
  // Query latency stays on the query spans. The pool counters and the per-query histogram were
  // updated on every checkout and statement, sampled or not, and cost more CPU than all the
  // spans; PostgreSQL's own statistics (pg_stat_statements) are the place for database metrics.
  postgres.setMeterProvider(NO_METRICS);
  return { shutdown: () => sdk.shutdown() };
}
