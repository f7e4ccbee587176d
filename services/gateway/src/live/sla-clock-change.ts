import { can, type Principal } from '@itsm/auth';
import {
  type EventType,
  fromTimestamp,
  SlaClockBreached,
  type SlaClockEvent,
  SlaClockMet,
  SlaClockWarning,
  toRestSpelling,
} from '@itsm/contracts';
import { SLA_TARGETS } from '../sla/dto/sla-enums';

type SlaTargetName = (typeof SLA_TARGETS)[number];

/**
 * What the web app is told when an SLA clock warns, breaches or is met: enough for a
 * supervisor's "at risk" and "breached today" lists to refresh, nothing of the ticket's content.
 */
export interface SlaClockChange {
  /** The event id, usable as the SSE `id`. */
  id: string;
  type: 'clock.warning' | 'clock.breached' | 'clock.met';
  ticketId: string;
  number: string;
  target: SlaTargetName;
  /** When the target is (or was) due; null while a clock is paused before reaching it. */
  dueAt: string | null;
  occurredAt: string;
}

const CLOCK_EVENTS: readonly EventType<SlaClockEvent>[] = [
  SlaClockWarning,
  SlaClockBreached,
  SlaClockMet,
];
const BY_TYPE = new Map(CLOCK_EVENTS.map((eventType) => [eventType.type, eventType]));
const TYPE_PREFIX = 'itsm.sla.v1.';

/** Reads an SLA clock event; undefined for the topic's other events and what fails to decode. */
export function slaClockChangeOf(
  attributes: { id: string; type: string; time: Date },
  json: unknown,
): SlaClockChange | undefined {
  const eventType = BY_TYPE.get(attributes.type);
  if (!eventType) return undefined;
  try {
    const event = eventType.fromJson(json);
    return {
      id: attributes.id,
      type: attributes.type.slice(TYPE_PREFIX.length) as SlaClockChange['type'],
      ticketId: event.ticketId,
      number: event.ticketNumber,
      target: toRestSpelling('SLA_TARGET_', event.target, SLA_TARGETS),
      dueAt: event.dueAt ? fromTimestamp(event.dueAt).toISOString() : null,
      occurredAt: attributes.time.toISOString(),
    };
  } catch {
    return undefined;
  }
}

/**
 * Whether the caller is told of SLA clock changes: those who may list every clock at risk or
 * breached (`sla.report`), as the events say which tickets they are about.
 */
export function watchesSlaClocks(principal: Principal): boolean {
  return can(principal, 'sla.report');
}
