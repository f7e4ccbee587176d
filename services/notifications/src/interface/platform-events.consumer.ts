import type { EntityManager } from 'typeorm';
import * as contracts from '@itsm/contracts';
import { type EventType, Topics, UserChanged } from '@itsm/contracts';
import type { EventHandler, OutboxWriter, ReceivedEvent } from '@itsm/messaging';
import type { NotifyOnEventUseCase } from '../application/notify-on-event/notify-on-event.use-case';
import { SqlNotificationStore } from '../infrastructure/sql-notification.store';
import { SqlRecipientDirectory } from '../infrastructure/sql-recipient.directory';
import { NOTIFIABLE_READERS, notifiableEventOf } from './notifiable-event.mapper';
import { recipientOfDirectoryUser } from './recipient.mapper';

/** Topics whose events webhooks may subscribe to: the platform's public event API. */
const PUBLIC_TOPICS: ReadonlySet<string> = new Set([
  Topics.tickets,
  Topics.sla,
  Topics.routing,
  Topics.cmdb,
  Topics.knowledge,
]);

function isEventType(value: unknown): value is EventType<unknown> {
  const candidate = value as Partial<EventType<unknown>> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.topic === 'string' &&
    typeof candidate.type === 'string' &&
    typeof candidate.fromJson === 'function'
  );
}

/**
 * Every event type of the public topics, as the contracts define them: a type added to a
 * domain reaches webhook subscribers without a change here.
 */
export const SUBSCRIBABLE_EVENT_TYPES: readonly EventType<unknown>[] = [
  ...new Map(
    (Object.values(contracts) as unknown[])
      .filter(isEventType)
      .filter(({ topic }) => PUBLIC_TOPICS.has(topic))
      .map((eventType) => [eventType.type, eventType] as const),
  ).values(),
].sort((a, b) => a.type.localeCompare(b.type));

/**
 * The consumer's handlers: every public event may notify people (by the triggers) and
 * webhooks (by their subscriptions); directory events keep the recipients current. Each runs
 * inside the inbox transaction of its event.
 */
export function platformEventHandlers(
  notify: NotifyOnEventUseCase,
  outbox: OutboxWriter,
): EventHandler<unknown>[] {
  const readers = new Map(NOTIFIABLE_READERS.map((reader) => [reader.eventType.type, reader]));
  const notifying = SUBSCRIBABLE_EVENT_TYPES.map((eventType): EventHandler<unknown> => ({
    eventType,
    handle: async ({ attributes, payload }: ReceivedEvent<unknown>, manager: EntityManager) => {
      const event = notifiableEventOf(
        eventType,
        attributes,
        payload,
        readers.get(eventType.type)?.read,
      );
      await notify.handle(event, new SqlNotificationStore(manager, outbox));
    },
  }));
  const directory: EventHandler<unknown> = {
    eventType: UserChanged as EventType<unknown>,
    handle: async ({ payload }: ReceivedEvent<unknown>, manager: EntityManager) => {
      const { user } = payload as contracts.UserChangedEvent;
      if (!user) return;
      await new SqlRecipientDirectory(manager).save(recipientOfDirectoryUser(user));
      await notify.recipientArrived(user.id, new SqlNotificationStore(manager, outbox));
    },
  };
  return [...notifying, directory];
}
