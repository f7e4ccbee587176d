import { context, propagation, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { node } from '@opentelemetry/sdk-node';
import { contextFromTraceHeaders, traceHeadersOf } from './trace-context';

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const spanId = '00f067aa0ba902b7';
const traceparent = `00-${traceId}-${spanId}-01`;

describe('W3C trace headers', () => {
  const provider = new node.NodeTracerProvider();

  beforeAll(() => provider.register());
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it('writes the traceparent of a context', () => {
    const sampled = trace.setSpanContext(ROOT_CONTEXT, {
      traceId,
      spanId,
      traceFlags: TraceFlags.SAMPLED,
    });
    expect(traceHeadersOf(sampled)).toEqual({ traceparent });
  });

  it('continues the trace the headers name, as a remote parent', () => {
    const parent = trace.getSpanContext(
      contextFromTraceHeaders({ traceparent, tracestate: 'itsm=1' }),
    );
    expect(parent).toMatchObject({ traceId, spanId, isRemote: true });
    expect(parent?.traceState?.get('itsm')).toBe('1');
  });

  it('starts a new trace for a message without headers, whatever span is active', () => {
    const tracer = trace.getTracer('test');
    tracer.startActiveSpan('relay round', (active) => {
      expect(trace.getSpan(contextFromTraceHeaders({}))).toBeUndefined();
      active.end();
    });
  });
});
