import { gzipSync } from 'node:zlib';
import { countSpans, OtlpTally } from './otlp-sink';

/** A tiny protobuf writer, enough to lay out an OTLP export the way the SDK's serialiser does. */
const varint = (value: number): number[] => {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return bytes;
};
const tag = (field: number, wireType: number): number[] => varint(field * 8 + wireType);
const message = (field: number, ...content: number[][]): number[] => {
  const body = content.flat();
  return [...tag(field, 2), ...varint(body.length), ...body];
};
const text = (field: number, value: string): number[] => message(field, [...Buffer.from(value)]);
const integer = (field: number, value: number): number[] => [...tag(field, 0), ...varint(value)];
const fixed64 = (field: number): number[] => [...tag(field, 1), 1, 2, 3, 4, 5, 6, 7, 8];
const fixed32 = (field: number): number[] => [...tag(field, 5), 1, 2, 3, 4];

/** A span with every wire type a real one carries: ids, name, kind, times, attributes, flags. */
const span = (name: string): number[] =>
  message(
    2,
    message(
      1,
      Array.from({ length: 16 }, (_, index) => index),
    ),
    message(2, [1, 2, 3, 4, 5, 6, 7, 8]),
    text(5, name),
    integer(6, 2),
    fixed64(7),
    fixed64(8),
    message(9, text(1, 'http.route'), message(2, text(1, '/api/v1/tickets'))),
    fixed32(16),
  );
const scopeSpans = (...spans: number[][]): number[] =>
  message(2, message(1, text(1, '@opentelemetry/instrumentation-http')), ...spans);
const resourceSpans = (...scopes: number[][]): number[] =>
  message(
    1,
    message(1, message(1, text(1, 'service.name'), message(2, text(1, 'tickets')))),
    ...scopes,
    text(3, 'https://opentelemetry.io/schemas/1.30.0'),
  );

const exportOf = (...resources: number[][]): Buffer => Buffer.from(resources.flat());

describe('countSpans', () => {
  it('counts the spans of every scope of every resource', () => {
    const body = exportOf(
      resourceSpans(scopeSpans(span('POST'), span('pg.query')), scopeSpans(span('send'))),
      resourceSpans(scopeSpans(...Array.from({ length: 200 }, (_, index) => span(`s${index}`)))),
    );
    expect(countSpans(body)).toBe(203);
  });

  it('answers 0 for an empty export', () => {
    expect(countSpans(Buffer.alloc(0))).toBe(0);
    expect(countSpans(exportOf(resourceSpans()))).toBe(0);
  });

  it('refuses a body that is not a whole protobuf message', () => {
    const body = exportOf(resourceSpans(scopeSpans(span('POST'))));
    expect(() => countSpans(body.subarray(0, body.length - 3))).toThrow(/past/);
    expect(() => countSpans(Buffer.from([0x0b]))).toThrow(/wire type 3/);
    expect(() => countSpans(Buffer.from([0x08, 0xff]))).toThrow(/truncated varint/);
  });
});

describe('OtlpTally', () => {
  it('counts trace exports with their spans, metric exports and other requests by path', () => {
    const tally = new OtlpTally();
    const traces = exportOf(resourceSpans(scopeSpans(span('a'), span('b'))));
    tally.record('/v1/traces', traces, undefined);
    tally.record('/v1/traces', gzipSync(traces), 'gzip');
    tally.record('/v1/metrics', Buffer.from([1, 2, 3]), undefined);
    tally.record('/v1/logs', Buffer.alloc(0), undefined);
    tally.record('/v1/traces', Buffer.from([0x0b]), undefined);
    expect(tally.take()).toEqual({
      traceExports: 3,
      spans: 4,
      metricExports: 1,
      otherExports: 1,
      unreadable: 1,
      bytes: traces.length + gzipSync(traces).length + 3 + 1,
    });
  });

  it('starts from zero after each take', () => {
    const tally = new OtlpTally();
    tally.record('/v1/metrics', Buffer.from([1]), undefined);
    tally.take();
    expect(tally.take()).toEqual({
      traceExports: 0,
      spans: 0,
      metricExports: 0,
      otherExports: 0,
      unreadable: 0,
      bytes: 0,
    });
  });
});
