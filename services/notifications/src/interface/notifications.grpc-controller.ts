import { Controller, Inject, UseFilters } from '@nestjs/common';
import {
  type CreateWebhookSubscriptionRequest,
  type CreateWebhookSubscriptionResponse,
  type DeleteWebhookSubscriptionRequest,
  type DeleteWebhookSubscriptionResponse,
  type GetDeliveryRequest,
  type GetDeliveryResponse,
  type GetPreferencesRequest,
  type GetPreferencesResponse,
  type GetTemplateRequest,
  type GetTemplateResponse,
  type ListDeliveriesRequest,
  type ListDeliveriesResponse,
  type ListInboundEmailsRequest,
  type ListInboundEmailsResponse,
  type ListNotificationsRequest,
  type ListNotificationsResponse,
  type ListTemplatesResponse,
  type ListTriggersResponse,
  type ListWebhookSubscriptionsResponse,
  type MarkNotificationsReadRequest,
  type MarkNotificationsReadResponse,
  type NotificationsServiceController,
  NotificationsServiceControllerMethods,
  type PreviewTemplateRequest,
  type PreviewTemplateResponse,
  type RedeliverDeliveryRequest,
  type RedeliverDeliveryResponse,
  type UpdatePreferencesRequest,
  type UpdatePreferencesResponse,
  type UpdateTemplateRequest,
  type UpdateTemplateResponse,
  type UpdateTriggerRequest,
  type UpdateTriggerResponse,
  type UpdateWebhookSubscriptionRequest,
  type UpdateWebhookSubscriptionResponse,
} from '@itsm/contracts';
import { type Locale, LOCALES } from '../domain/locale';
import { NotificationError, NotificationErrorCode } from '../domain/notification-error';
import { DeliveryLogUseCase } from '../application/delivery-log/delivery-log.use-case';
import { InAppFeedUseCase } from '../application/in-app-feed/in-app-feed.use-case';
import { ManageSettingsUseCase } from '../application/manage-settings/manage-settings.use-case';
import { WebhookSubscriptionsUseCase } from '../application/webhook-subscriptions/webhook-subscriptions.use-case';
import { NotificationErrorRpcFilter } from './notification-error.grpc-mapper';
import {
  toInAppMessage,
  toPreferences,
  toPreferencesMessage,
  toSubscriptionMessage,
  toTemplateMessage,
  toTriggerMessage,
} from './notification-message.mapper';

function localeOf(value: string): Locale {
  if ((LOCALES as readonly string[]).includes(value)) return value as Locale;
  throw new NotificationError(
    NotificationErrorCode.ValidationFailed,
    `locale ${value} is not ru or en`,
    [{ field: 'locale', message: 'must be ru or en' }],
  );
}

function missing(field: string): NotificationError {
  return new NotificationError(NotificationErrorCode.ValidationFailed, `${field} is required`, [
    { field, message: 'is required' },
  ]);
}

function required(value: string, field: string): string {
  if (value) return value;
  throw missing(field);
}

const orNull = (value: string): string | null => value || null;

/** Settings, feeds, webhooks and logs over gRPC; thin: request → use case → message. */
@Controller()
@NotificationsServiceControllerMethods()
@UseFilters(NotificationErrorRpcFilter)
export class NotificationsGrpcController implements NotificationsServiceController {
  constructor(
    @Inject(ManageSettingsUseCase) private readonly settings: ManageSettingsUseCase,
    @Inject(InAppFeedUseCase) private readonly feed: InAppFeedUseCase,
    @Inject(WebhookSubscriptionsUseCase) private readonly webhooks: WebhookSubscriptionsUseCase,
    @Inject(DeliveryLogUseCase) private readonly log: DeliveryLogUseCase,
  ) {}

  async listTriggers(): Promise<ListTriggersResponse> {
    return { triggers: (await this.settings.listTriggers()).map(toTriggerMessage) };
  }

  async updateTrigger(request: UpdateTriggerRequest): Promise<UpdateTriggerResponse> {
    const trigger = await this.settings.updateTrigger({
      key: required(request.key, 'key'),
      audiences: request.audiences,
      channels: request.channels,
      templateKey: request.templateKey,
      importance: request.importance,
      enabled: request.enabled,
      expectedVersion: request.expectedVersion,
    });
    return { trigger: toTriggerMessage(trigger) };
  }

  async listTemplates(): Promise<ListTemplatesResponse> {
    return { templates: (await this.settings.listTemplates()).map(toTemplateMessage) };
  }

  async getTemplate(request: GetTemplateRequest): Promise<GetTemplateResponse> {
    const template = await this.settings.template(
      required(request.key, 'key'),
      localeOf(request.locale),
    );
    return { template: toTemplateMessage(template) };
  }

  async updateTemplate(request: UpdateTemplateRequest): Promise<UpdateTemplateResponse> {
    const template = await this.settings.updateTemplate(
      {
        key: required(request.key, 'key'),
        locale: localeOf(request.locale),
        subject: request.subject,
        bodyText: request.bodyText,
        bodyHtml: request.bodyHtml,
      },
      request.expectedVersion,
    );
    return { template: toTemplateMessage(template) };
  }

  async previewTemplate(request: PreviewTemplateRequest): Promise<PreviewTemplateResponse> {
    const hasDraft = Boolean(request.subject || request.bodyText || request.bodyHtml);
    const rendered = await this.settings.preview({
      key: required(request.key, 'key'),
      locale: localeOf(request.locale),
      ticketId: orNull(request.ticketId),
      draft: hasDraft
        ? { subject: request.subject, bodyText: request.bodyText, bodyHtml: request.bodyHtml }
        : null,
    });
    return { subject: rendered.subject, text: rendered.text, html: rendered.html };
  }

  async getPreferences(request: GetPreferencesRequest): Promise<GetPreferencesResponse> {
    const preferences = await this.settings.preferences(required(request.userId, 'userId'));
    return { preferences: toPreferencesMessage(preferences) };
  }

  async updatePreferences(request: UpdatePreferencesRequest): Promise<UpdatePreferencesResponse> {
    if (!request.preferences) throw missing('preferences');
    const preferences = toPreferences(request.preferences);
    required(preferences.userId, 'preferences.userId');
    const saved = await this.settings.updatePreferences(preferences, request.expectedVersion);
    return { preferences: toPreferencesMessage(saved) };
  }

  async listNotifications(request: ListNotificationsRequest): Promise<ListNotificationsResponse> {
    const page = await this.feed.list(
      required(request.userId, 'userId'),
      request.unreadOnly,
      request.pageSize,
      request.pageToken,
    );
    return {
      notifications: page.notifications.map(toInAppMessage),
      nextPageToken: page.nextPageToken,
      unreadCount: page.unreadCount,
    };
  }

  async markNotificationsRead(
    request: MarkNotificationsReadRequest,
  ): Promise<MarkNotificationsReadResponse> {
    return { marked: await this.feed.markRead(required(request.userId, 'userId'), request.ids) };
  }

  async createWebhookSubscription(
    request: CreateWebhookSubscriptionRequest,
  ): Promise<CreateWebhookSubscriptionResponse> {
    const { subscription, secret, created } = await this.webhooks.create(
      { name: request.name, url: request.url, eventTypes: request.eventTypes },
      request.idempotencyKey,
    );
    return { subscription: toSubscriptionMessage(subscription), secret, created };
  }

  async listWebhookSubscriptions(): Promise<ListWebhookSubscriptionsResponse> {
    return { subscriptions: (await this.webhooks.list()).map(toSubscriptionMessage) };
  }

  async updateWebhookSubscription(
    request: UpdateWebhookSubscriptionRequest,
  ): Promise<UpdateWebhookSubscriptionResponse> {
    const subscription = await this.webhooks.update(
      required(request.id, 'id'),
      {
        name: request.name,
        url: request.url,
        eventTypes: request.eventTypes,
        active: request.active,
      },
      request.expectedVersion,
    );
    return { subscription: toSubscriptionMessage(subscription) };
  }

  async deleteWebhookSubscription(
    request: DeleteWebhookSubscriptionRequest,
  ): Promise<DeleteWebhookSubscriptionResponse> {
    await this.webhooks.delete(required(request.id, 'id'));
    return {};
  }

  async listDeliveries(request: ListDeliveriesRequest): Promise<ListDeliveriesResponse> {
    const page = await this.log.deliveries(
      {
        channel: orNull(request.channel),
        status: orNull(request.status),
        ticketId: orNull(request.ticketId),
        recipientId: orNull(request.recipientId),
        eventId: orNull(request.eventId),
      },
      request.pageSize,
      request.pageToken,
    );
    return { deliveries: page.items, nextPageToken: page.nextPageToken };
  }

  async getDelivery(request: GetDeliveryRequest): Promise<GetDeliveryResponse> {
    return this.log.delivery(required(request.id, 'id'));
  }

  async redeliverDelivery(request: RedeliverDeliveryRequest): Promise<RedeliverDeliveryResponse> {
    return { delivery: await this.log.redeliver(required(request.id, 'id')) };
  }

  async listInboundEmails(request: ListInboundEmailsRequest): Promise<ListInboundEmailsResponse> {
    const page = await this.log.inboundEmails(
      { outcome: orNull(request.outcome), ticketId: orNull(request.ticketId) },
      request.pageSize,
      request.pageToken,
    );
    return { emails: page.items, nextPageToken: page.nextPageToken };
  }
}
