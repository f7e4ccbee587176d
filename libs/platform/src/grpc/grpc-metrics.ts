import {
  InterceptingCall,
  type Interceptor,
  ServerInterceptingCall,
  type ServerInterceptor,
  status as GrpcStatus,
} from '@grpc/grpc-js';
import { type Meter, metrics } from '@opentelemetry/api';

/** Seconds; the OpenTelemetry semantic conventions' advice for RPC durations. */
const DURATION_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
];

/** Attributes of one finished call, after the RPC semantic conventions. */
export function rpcCallAttributes(path: string, code: number): Record<string, string> {
  return {
    'rpc.system.name': 'grpc',
    // "/itsm.tickets.v1.TicketsService/CreateTicket" → "itsm.tickets.v1.TicketsService/CreateTicket"
    'rpc.method': path.startsWith('/') ? path.slice(1) : path,
    'rpc.response.status_code': GrpcStatus[code] ?? String(code),
  };
}

function seconds(startedAt: number): number {
  return (performance.now() - startedAt) / 1000;
}

/**
 * `rpc.server.call.duration` for every call a service answers: its rate, latency and status
 * by method, whether or not the call's trace is sampled.
 */
export function grpcServerMetrics(
  meter: Meter = metrics.getMeter('@itsm/platform'),
): ServerInterceptor {
  const duration = meter.createHistogram('rpc.server.call.duration', {
    description: 'Duration of gRPC calls answered by this service',
    unit: 's',
    advice: { explicitBucketBoundaries: DURATION_BUCKETS },
  });
  return (method, call) => {
    const startedAt = performance.now();
    return new ServerInterceptingCall(call, {
      sendStatus: (status, next) => {
        duration.record(seconds(startedAt), rpcCallAttributes(method.path, status.code));
        next(status);
      },
    });
  };
}

/** `rpc.client.call.duration` for every call a process makes to another service. */
export function grpcClientMetrics(meter: Meter = metrics.getMeter('@itsm/platform')): Interceptor {
  const duration = meter.createHistogram('rpc.client.call.duration', {
    description: 'Duration of gRPC calls made by this service, until the status arrived',
    unit: 's',
    advice: { explicitBucketBoundaries: DURATION_BUCKETS },
  });
  return (options, nextCall) => {
    const startedAt = performance.now();
    const path = options.method_definition.path;
    return new InterceptingCall(nextCall(options), {
      start: (metadata, listener, next) =>
        next(metadata, {
          onReceiveStatus: (status, nextStatus) => {
            duration.record(seconds(startedAt), rpcCallAttributes(path, status.code));
            nextStatus(status);
          },
        }),
    });
  };
}
