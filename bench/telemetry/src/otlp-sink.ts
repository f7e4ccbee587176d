import { createServer, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';

/** What the services exported to the sink since it was last read. */
export interface OtlpCounts {
  traceExports: number;
  /** Spans in those trace exports. */
  spans: number;
  metricExports: number;
  /** Requests to any other path (logs, which the benchmark switches off). */
  otherExports: number;
  /** Trace exports whose body could not be walked: their spans are not counted. */
  unreadable: number;
  /** As sent (compressed, if the exporter compresses). */
  bytes: number;
}

export function emptyCounts(): OtlpCounts {
  return { traceExports: 0, spans: 0, metricExports: 0, otherExports: 0, unreadable: 0, bytes: 0 };
}

/** A view of one protobuf field: its number and, for length-delimited fields, where it lies. */
interface WireField {
  field: number;
  start: number;
  end: number;
  delimited: boolean;
}

function readVarint(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let scale = 1;
  for (let index = at; index < bytes.length && index < at + 10; index += 1) {
    const byte = bytes[index] ?? 0;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return [value, index + 1];
    scale *= 128;
  }
  throw new Error(`truncated varint at byte ${at}`);
}

/** The top-level fields of a protobuf message in bytes [start, end), values not decoded. */
function* wireFields(bytes: Uint8Array, start: number, end: number): Generator<WireField> {
  let at = start;
  while (at < end) {
    const [tag, afterTag] = readVarint(bytes, at);
    const field = Math.floor(tag / 8);
    const wireType = tag % 8;
    switch (wireType) {
      case 0:
        at = readVarint(bytes, afterTag)[1];
        yield { field, start: afterTag, end: at, delimited: false };
        break;
      case 1:
        at = afterTag + 8;
        yield { field, start: afterTag, end: at, delimited: false };
        break;
      case 2: {
        const [length, valueStart] = readVarint(bytes, afterTag);
        at = valueStart + length;
        if (at > end) throw new Error(`field ${field} runs past its message`);
        yield { field, start: valueStart, end: at, delimited: true };
        break;
      }
      case 5:
        at = afterTag + 4;
        yield { field, start: afterTag, end: at, delimited: false };
        break;
      default:
        throw new Error(`unsupported wire type ${wireType} at byte ${at}`);
    }
  }
  if (at !== end) throw new Error('a field runs past the end of its message');
}

function delimitedFields(
  bytes: Uint8Array,
  [start, end]: [number, number],
  field: number,
): [number, number][] {
  const found: [number, number][] = [];
  for (const wire of wireFields(bytes, start, end)) {
    if (wire.field === field && wire.delimited) found.push([wire.start, wire.end]);
  }
  return found;
}

/**
 * The spans in an OTLP/protobuf `ExportTraceServiceRequest`, counted by walking the wire format
 * (resource_spans = 1 → scope_spans = 2 → spans = 2) without decoding a span: the sink stands in
 * for a collector, and decoding would put a collector's work on the machine being measured.
 */
export function countSpans(body: Uint8Array): number {
  let spans = 0;
  for (const resourceSpans of delimitedFields(body, [0, body.length], 1)) {
    for (const scopeSpans of delimitedFields(body, resourceSpans, 2)) {
      spans += delimitedFields(body, scopeSpans, 2).length;
    }
  }
  return spans;
}

/** Counts what the services export, between two `take`s. */
export class OtlpTally {
  private counts = emptyCounts();

  /** One export request: its path, its body as sent and its content encoding. */
  record(path: string | undefined, body: Buffer, contentEncoding: string | undefined): void {
    this.counts.bytes += body.length;
    if (path === '/v1/traces') {
      this.counts.traceExports += 1;
      try {
        this.counts.spans += countSpans(contentEncoding === 'gzip' ? gunzipSync(body) : body);
      } catch {
        this.counts.unreadable += 1;
      }
    } else if (path === '/v1/metrics') {
      this.counts.metricExports += 1;
    } else {
      this.counts.otherExports += 1;
    }
  }

  /** The counts since the last call, starting new ones. */
  take(): OtlpCounts {
    const taken = this.counts;
    this.counts = emptyCounts();
    return taken;
  }
}

/**
 * An OTLP/HTTP receiver that accepts every export and discards it after counting, so the
 * services pay the whole cost of exporting (serialising, the HTTP round trip) and the sink
 * next to nothing. The empty 200 answer is a valid (empty) protobuf export response.
 */
export async function listenOtlpSink(tally: OtlpTally, port = 0): Promise<Server> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('end', () => {
      tally.record(request.url, Buffer.concat(chunks), request.headers['content-encoding']);
      response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}
