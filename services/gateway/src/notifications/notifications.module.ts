import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { InAppNotificationsHttpController } from './in-app-notifications.http-controller';
import { InboundEmailsHttpController } from './inbound-emails.http-controller';
import { NotificationDeliveriesHttpController } from './notification-deliveries.http-controller';
import { NotificationPreferencesHttpController } from './notification-preferences.http-controller';
import { NotificationTemplatesHttpController } from './notification-templates.http-controller';
import { NotificationTriggersHttpController } from './notification-triggers.http-controller';
import { notificationsClientProvider } from './notifications-client.provider';
import { WebhookSubscriptionsHttpController } from './webhook-subscriptions.http-controller';

/**
 * In-app notifications and preferences of the caller; triggers, templates, webhook
 * subscriptions and the delivery and inbound email logs of the notifications service.
 */
@Module({
  // A template preview fills in a ticket only for a caller who may see it.
  imports: [TicketsModule],
  controllers: [
    InAppNotificationsHttpController,
    NotificationPreferencesHttpController,
    NotificationTriggersHttpController,
    NotificationTemplatesHttpController,
    WebhookSubscriptionsHttpController,
    NotificationDeliveriesHttpController,
    InboundEmailsHttpController,
  ],
  providers: [notificationsClientProvider],
})
export class NotificationsModule {}
