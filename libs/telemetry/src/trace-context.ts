import { context, propagation, trace, type Context } from '@opentelemetry/api';

export type TraceCarrier = Record<string, string>;

/** The current W3C trace context (traceparent, tracestate) as plain headers. */
export function currentTraceHeaders(): TraceCarrier {
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** The context described by W3C trace headers, to continue a trace from a message. */
export function contextFromTraceHeaders(carrier: TraceCarrier): Context {
  return propagation.extract(context.active(), carrier);
}

export function currentTraceId(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}

export function currentTraceIds(): { trace_id?: string; span_id?: string } {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !trace.isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}
