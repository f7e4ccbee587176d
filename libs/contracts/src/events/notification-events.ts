import {
  DeliveryDeadEvent,
  NotificationCreatedEvent,
} from '../generated/itsm/notifications/v1/events';
import { defineEventType } from './event-type';
import { Topics } from './topics';

/** A person has a new in-app notification; the gateway pushes it to their open streams. */
export const NotificationCreated = defineEventType<NotificationCreatedEvent>({
  topic: Topics.notifications,
  type: 'itsm.notifications.v1.notification.created',
  codec: NotificationCreatedEvent,
  validate: ({ notification }) => {
    if (!notification) return ['notification is missing'];
    const problems: string[] = [];
    if (!notification.id) problems.push('notification.id is empty');
    if (!notification.userId) problems.push('notification.userId is empty');
    if (!notification.title) problems.push('notification.title is empty');
    if (!notification.createdAt) problems.push('notification.createdAt is missing');
    return problems;
  },
});

/** A delivery used up its tries: operators redeliver it once the receiver is fixed. */
export const DeliveryDead = defineEventType<DeliveryDeadEvent>({
  topic: Topics.notifications,
  type: 'itsm.notifications.v1.delivery.dead',
  codec: DeliveryDeadEvent,
  validate: ({ delivery }) => {
    if (!delivery) return ['delivery is missing'];
    const problems: string[] = [];
    if (!delivery.id) problems.push('delivery.id is empty');
    if (!delivery.channel) problems.push('delivery.channel is empty');
    return problems;
  },
});
