import type { Principal } from '@itsm/auth';
import { fromTimestamp, NotificationCreated, type NotificationCreatedEvent } from '@itsm/contracts';

/** What the web app is told of a new notification: what its bell shows, nothing more. */
export interface LiveNotification {
  id: string;
  title: string;
  body: string;
  ticketId: string | null;
  ticketNumber: string | null;
  createdAt: string;
}

/** A new notification with the one person it is for. */
export interface AddressedNotification {
  userId: string;
  notification: LiveNotification;
}

/**
 * Reads a notifications event into a notification the live feed can address; undefined for
 * the topic's other events (dead deliveries are the operators', not the web app's) and for
 * payloads that fail to decode.
 */
export function addressedNotificationOf(
  attributes: { type: string },
  json: unknown,
): AddressedNotification | undefined {
  if (attributes.type !== NotificationCreated.type) return undefined;
  let payload: NotificationCreatedEvent;
  try {
    payload = NotificationCreated.fromJson(json);
  } catch {
    return undefined;
  }
  const { notification } = payload;
  if (!notification?.createdAt) return undefined;
  return {
    userId: notification.userId,
    notification: {
      id: notification.id,
      title: notification.title,
      body: notification.body,
      ticketId: notification.ticketId || null,
      ticketNumber: notification.ticketNumber || null,
      createdAt: fromTimestamp(notification.createdAt).toISOString(),
    },
  };
}

/**
 * Whether the caller is the person the notification is for. A service account never is,
 * whatever its id: notifications are people's.
 */
export function isAddressedTo(principal: Principal, addressed: AddressedNotification): boolean {
  return principal.kind === 'user' && principal.id === addressed.userId;
}
