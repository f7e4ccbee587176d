// The events of the SLA service on `itsm.sla.v1`.
//
// Interim home: these belong in proto/itsm/sla/v1/events.proto with their TypeScript generated
// into libs/contracts (and `Topics.sla` there). Until then the payload types and codecs below
// are written the way ts-proto generates them for this repository (stringEnums, Timestamp
// objects, proto3 JSON with camelCase names and RFC 3339 times), so that moving them changes
// no byte on the wire and no consumer's code beyond an import.
import { defineEventType, fromTimestamp, type Timestamp, toTimestamp } from '@itsm/contracts';

/** Kafka topic of SLA events; key = ticket id, so one ticket's clock events stay ordered. */
export const SLA_EVENTS_TOPIC = 'itsm.sla.v1';

export enum SlaTargetKind {
  SLA_TARGET_UNSPECIFIED = 'SLA_TARGET_UNSPECIFIED',
  SLA_TARGET_FIRST_RESPONSE = 'SLA_TARGET_FIRST_RESPONSE',
  SLA_TARGET_RESOLUTION = 'SLA_TARGET_RESOLUTION',
  SLA_TARGET_OLA = 'SLA_TARGET_OLA',
  UNRECOGNIZED = 'UNRECOGNIZED',
}

/**
 * What happened to one clock (one target of one ticket). One message for every ce_type:
 * itsm.sla.v1.clock.warning, .breached and .met.
 */
export interface SlaClockEvent {
  ticketId: string;
  /** Human number of the ticket, e.g. INC-000123. */
  ticketNumber: string;
  target: SlaTargetKind;
  /** The policy the clock was started (or last retargeted) by. */
  policyId: string;
  /** When the target is (or was) reached; absent while paused before reaching it. */
  dueAt: Timestamp | undefined;
  /** Warnings: the share of the target reached, e.g. 0.75; 0 for other events. */
  threshold: number;
  /** When the warning share or the target was reached; for met, when the clock stopped. */
  reachedAt: Timestamp | undefined;
  /** Business time counted by the clock when the event occurred. */
  elapsedMs: number;
  /** When the SLA service recorded the event. */
  occurredAt: Timestamp | undefined;
}

const TARGET_KINDS = new Set<string>(Object.values(SlaTargetKind));

function targetKindFromJson(value: unknown): SlaTargetKind {
  if (value === undefined || value === null) return SlaTargetKind.SLA_TARGET_UNSPECIFIED;
  return typeof value === 'string' && TARGET_KINDS.has(value)
    ? (value as SlaTargetKind)
    : SlaTargetKind.UNRECOGNIZED;
}

function timestampFromJson(value: unknown): Timestamp | undefined {
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : toTimestamp(date);
}

function textFromJson(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function numberFromJson(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return 0;
}

/** proto3 JSON of an SlaClockEvent, as ts-proto writes it: default values are left out. */
export const SlaClockEventCodec = {
  toJSON(message: SlaClockEvent): unknown {
    const json: Record<string, unknown> = {};
    if (message.ticketId !== '') json['ticketId'] = message.ticketId;
    if (message.ticketNumber !== '') json['ticketNumber'] = message.ticketNumber;
    if (message.target !== SlaTargetKind.SLA_TARGET_UNSPECIFIED) json['target'] = message.target;
    if (message.policyId !== '') json['policyId'] = message.policyId;
    if (message.dueAt) json['dueAt'] = fromTimestamp(message.dueAt).toISOString();
    if (message.threshold !== 0) json['threshold'] = message.threshold;
    if (message.reachedAt) json['reachedAt'] = fromTimestamp(message.reachedAt).toISOString();
    if (message.elapsedMs !== 0) json['elapsedMs'] = Math.round(message.elapsedMs);
    if (message.occurredAt) json['occurredAt'] = fromTimestamp(message.occurredAt).toISOString();
    return json;
  },
  fromJSON(object: unknown): SlaClockEvent {
    const json = (typeof object === 'object' && object !== null ? object : {}) as Record<
      string,
      unknown
    >;
    return {
      ticketId: textFromJson(json['ticketId']),
      ticketNumber: textFromJson(json['ticketNumber']),
      target: targetKindFromJson(json['target']),
      policyId: textFromJson(json['policyId']),
      dueAt: timestampFromJson(json['dueAt']),
      threshold: numberFromJson(json['threshold']),
      reachedAt: timestampFromJson(json['reachedAt']),
      elapsedMs: numberFromJson(json['elapsedMs']),
      occurredAt: timestampFromJson(json['occurredAt']),
    };
  },
};

/** What every consumer may rely on in a clock event. */
function clockEventProblems(event: SlaClockEvent): string[] {
  const problems: string[] = [];
  if (!event.ticketId) problems.push('ticketId is empty');
  if (!event.ticketNumber) problems.push('ticketNumber is empty');
  if (
    event.target === SlaTargetKind.SLA_TARGET_UNSPECIFIED ||
    event.target === SlaTargetKind.UNRECOGNIZED
  ) {
    problems.push('target is unspecified');
  }
  if (!event.policyId) problems.push('policyId is empty');
  if (!event.reachedAt) problems.push('reachedAt is missing');
  if (!event.occurredAt) problems.push('occurredAt is missing');
  if (!Number.isFinite(event.elapsedMs) || event.elapsedMs < 0) {
    problems.push('elapsedMs is not a non-negative number');
  }
  return problems;
}

/** A share of the target was reached: e.g. 75 % of the resolution time is used up. */
export const SlaClockWarning = defineEventType<SlaClockEvent>({
  topic: SLA_EVENTS_TOPIC,
  type: 'itsm.sla.v1.clock.warning',
  codec: SlaClockEventCodec,
  validate: (event) => [
    ...clockEventProblems(event),
    ...(event.threshold > 0 && event.threshold < 1 ? [] : ['threshold is not between 0 and 1']),
  ],
});

/** The target was reached while the clock still ran: the SLA (or OLA) is breached. */
export const SlaClockBreached = defineEventType<SlaClockEvent>({
  topic: SLA_EVENTS_TOPIC,
  type: 'itsm.sla.v1.clock.breached',
  codec: SlaClockEventCodec,
  validate: (event) => [...clockEventProblems(event), ...(event.dueAt ? [] : ['dueAt is missing'])],
});

/** The clock stopped in time: the ticket got its first response or was resolved before due. */
export const SlaClockMet = defineEventType<SlaClockEvent>({
  topic: SLA_EVENTS_TOPIC,
  type: 'itsm.sla.v1.clock.met',
  codec: SlaClockEventCodec,
  validate: clockEventProblems,
});
