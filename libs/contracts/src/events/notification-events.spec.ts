import * as notificationEvents from './notification-events';
import { DeliveryDead, NotificationCreated } from './notification-events';
import { Topics } from './topics';

const notification = {
  id: '0194a000-0000-7000-8000-0000000000n1',
  userId: 'emp-1001',
  triggerKey: 'ticket-created',
  eventType: 'itsm.tickets.v1.ticket.created',
  ticketId: '0194a000-0000-7000-8000-000000000001',
  ticketNumber: 'INC-000001',
  title: 'Обращение INC-000001 зарегистрировано',
  body: 'Принтер не печатает',
  createdAt: { seconds: 1795000000, nanos: 0 },
  readAt: undefined,
};

describe('notification events', () => {
  it('travel on itsm.notifications.v1', () => {
    expect(new Set(Object.values(notificationEvents).map(({ topic }) => topic))).toEqual(
      new Set([Topics.notifications]),
    );
  });

  it('round-trip an in-app notification through proto3 JSON', () => {
    const json = NotificationCreated.toJson({ notification });
    expect(NotificationCreated.fromJson(json).notification).toEqual(notification);
  });

  it('refuse a notification without a recipient', () => {
    const json = NotificationCreated.toJson({ notification: { ...notification, userId: '' } });
    expect(() => NotificationCreated.fromJson(json)).toThrow('notification.userId is empty');
  });

  it('refuse a dead delivery without its id', () => {
    expect(() => DeliveryDead.fromJson({ delivery: { channel: 'webhook' } })).toThrow(
      'delivery.id is empty',
    );
  });
});
