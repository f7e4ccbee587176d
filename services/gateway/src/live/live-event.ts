import type { MessageEvent } from '@nestjs/common';
import type { Principal } from '@itsm/auth';
import { Topics } from '@itsm/contracts';
import { assertUnreachable } from '@itsm/lang';
import {
  type AddressedNotification,
  addressedNotificationOf,
  isAddressedTo,
} from './in-app-notification';
import { type SlaClockChange, slaClockChangeOf, watchesSlaClocks } from './sla-clock-change';
import { mayReceive, type ScopedTicketChange, scopedTicketChangeOf } from './ticket-change';

/** Something the web app may be told as it happens, with what decides who is told. */
export type LiveEvent =
  | { kind: 'ticket'; scoped: ScopedTicketChange }
  | { kind: 'notification'; addressed: AddressedNotification }
  | { kind: 'sla'; change: SlaClockChange };

/** The topics the live feed reads. */
export const LIVE_TOPICS = [Topics.tickets, Topics.notifications, Topics.sla] as const;

/** Reads a message of one of the live topics; undefined for what the web app is not told. */
export function liveEventOf(
  topic: string,
  attributes: { id: string; type: string; time: Date },
  json: unknown,
): LiveEvent | undefined {
  if (topic === Topics.tickets) {
    const scoped = scopedTicketChangeOf(attributes, json);
    return scoped && { kind: 'ticket', scoped };
  }
  if (topic === Topics.notifications) {
    const addressed = addressedNotificationOf(attributes, json);
    return addressed && { kind: 'notification', addressed };
  }
  if (topic === Topics.sla) {
    const change = slaClockChangeOf(attributes, json);
    return change && { kind: 'sla', change };
  }
  return undefined;
}

/**
 * The server-sent event one caller's stream gets for a live event; undefined when it is not
 * theirs to know: a ticket they may not read, a notification for somebody else, SLA clocks
 * of tickets they are not there to oversee.
 */
export function liveMessageFor(principal: Principal, event: LiveEvent): MessageEvent | undefined {
  switch (event.kind) {
    case 'ticket':
      return mayReceive(principal, event.scoped)
        ? { type: 'ticket', id: event.scoped.change.id, data: event.scoped.change }
        : undefined;
    case 'notification':
      return isAddressedTo(principal, event.addressed)
        ? {
            type: 'notification',
            id: event.addressed.notification.id,
            data: event.addressed.notification,
          }
        : undefined;
    case 'sla':
      return watchesSlaClocks(principal)
        ? { type: 'sla', id: event.change.id, data: event.change }
        : undefined;
    default:
      return assertUnreachable(event, 'live event');
  }
}
