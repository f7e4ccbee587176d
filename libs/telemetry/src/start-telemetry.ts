import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK, tracing } from '@opentelemetry/sdk-node';
import { loadConfig, telemetryConfigSchema, type TelemetryConfig } from '@itsm/config';

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
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => request.url?.startsWith('/health') ?? false,
      }),
      // A span per middleware (helmet, CORS, body parsers, logging…) is a dozen spans a request
      // that say nothing the request's own span does not; the route handler keeps its span.
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
      new NestInstrumentation(),
      new GrpcInstrumentation(),
      // A connection checkout is not work worth a span of its own in every transaction.
      new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true }),
    ],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
