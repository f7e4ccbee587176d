import type { IHeaders } from 'kafkajs';

/** CloudEvents 1.0 attributes carried as Kafka headers (binary content mode). */
export interface CloudEventAttributes {
  id: string;
  type: string;
  source: string;
  subject?: string | undefined;
  time: Date;
}

export class InvalidCloudEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCloudEventError';
  }
}

const CONTENT_TYPE = 'application/json';

export function cloudEventHeaders(
  attributes: CloudEventAttributes,
  traceHeaders: Record<string, string>,
): Record<string, string> {
  return {
    ce_specversion: '1.0',
    ce_id: attributes.id,
    ce_type: attributes.type,
    ce_source: attributes.source,
    ce_time: attributes.time.toISOString(),
    ...(attributes.subject ? { ce_subject: attributes.subject } : {}),
    'content-type': CONTENT_TYPE,
    ...traceHeaders,
  };
}

function headerText(headers: IHeaders, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return undefined;
  return typeof first === 'string' ? first : first.toString('utf8');
}

/** Reads and checks the CloudEvents attributes of a Kafka message. */
export function readCloudEvent(
  headers: IHeaders,
): CloudEventAttributes & { traceHeaders: Record<string, string> } {
  const required = (name: string): string => {
    const value = headerText(headers, name);
    if (!value) throw new InvalidCloudEventError(`header ${name} is missing`);
    return value;
  };
  const specVersion = required('ce_specversion');
  if (specVersion !== '1.0')
    throw new InvalidCloudEventError(`unsupported ce_specversion ${specVersion}`);
  const time = new Date(required('ce_time'));
  if (Number.isNaN(time.getTime()))
    throw new InvalidCloudEventError('ce_time is not an RFC 3339 timestamp');
  const traceHeaders: Record<string, string> = {};
  for (const name of ['traceparent', 'tracestate']) {
    const value = headerText(headers, name);
    if (value) traceHeaders[name] = value;
  }
  return {
    id: required('ce_id'),
    type: required('ce_type'),
    source: required('ce_source'),
    subject: headerText(headers, 'ce_subject'),
    time,
    traceHeaders,
  };
}
