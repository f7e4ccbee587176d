import { context, propagation, ROOT_CONTEXT, trace, type Context } from '@opentelemetry/api';

export type TraceCarrier = Record<string, string>;

/** The W3C trace context (traceparent, tracestate) of a context as plain headers. */
export function traceHeadersOf(from: Context): TraceCarrier {
  const carrier: TraceCarrier = {};
  propagation.inject(from, carrier);
  return carrier;
}

/** The current W3C trace context (traceparent, tracestate) as plain headers. */
export function currentTraceHeaders(): TraceCarrier {
  return traceHeadersOf(context.active());
}

/**
 * The context described by W3C trace headers, to continue a trace from a message. Only the
 * headers count: a message without them starts a new trace rather than joining whatever span
 * happens to be active in the loop that reads it (a relay round, the consumer's start-up).
 */
export function contextFromTraceHeaders(carrier: TraceCarrier): Context {
  return propagation.extract(ROOT_CONTEXT, carrier);
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
