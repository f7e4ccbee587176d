import { isUuid } from '../../domain/identifiers';
import { NotificationError, NotificationErrorCode } from '../../domain/notification-error';
import type { FieldViolation } from '../../domain/notification-error';
import { generateWebhookSecret } from '../../domain/webhook-signature';
import type { WebhookStore, WebhookSubscriptionRecord } from '../ports/webhook-store';

export interface WebhookDraft {
  name: string;
  url: string;
  eventTypes: string[];
}

/** Subscriptions of outside systems to platform events, delivered as signed webhooks. */
export class WebhookSubscriptionsUseCase {
  constructor(
    private readonly store: WebhookStore,
    /** The event types a subscription may name. */
    private readonly knownEventTypes: ReadonlySet<string>,
    private readonly newId: () => string,
    private readonly randomBytes: (size: number) => Uint8Array,
  ) {}

  async create(
    draft: WebhookDraft,
    idempotencyKey: string,
  ): Promise<{ subscription: WebhookSubscriptionRecord; secret: string; created: boolean }> {
    this.validate(draft);
    const secret = generateWebhookSecret(this.randomBytes);
    const { record, created } = await this.store.create({
      id: this.newId(),
      ...draft,
      eventTypes: [...new Set(draft.eventTypes)].sort(),
      secret,
      idempotencyKey: idempotencyKey || null,
    });
    // A retried create answers with the first subscription; its secret was shown then only.
    return { subscription: record, secret: created ? secret : '', created };
  }

  list(): Promise<WebhookSubscriptionRecord[]> {
    return this.store.list();
  }

  async update(
    id: string,
    draft: WebhookDraft & { active: boolean },
    expectedVersion: number,
  ): Promise<WebhookSubscriptionRecord> {
    await this.existing(id);
    this.validate(draft);
    const result = await this.store.update(
      { id, ...draft, eventTypes: [...new Set(draft.eventTypes)].sort() },
      expectedVersion,
    );
    if ('saved' in result) return result.saved;
    throw new NotificationError(
      NotificationErrorCode.VersionConflict,
      `webhook subscription ${id} was changed meanwhile: it is at version ${result.conflict}`,
      [],
      { currentVersion: result.conflict },
    );
  }

  async delete(id: string): Promise<void> {
    if (!isUuid(id) || !(await this.store.delete(id))) {
      throw new NotificationError(NotificationErrorCode.NotFound, `no webhook subscription ${id}`);
    }
  }

  private async existing(id: string): Promise<WebhookSubscriptionRecord> {
    const record = isUuid(id) ? await this.store.get(id) : null;
    if (!record) {
      throw new NotificationError(NotificationErrorCode.NotFound, `no webhook subscription ${id}`);
    }
    return record;
  }

  private validate(draft: WebhookDraft): void {
    const violations: FieldViolation[] = [];
    const name = draft.name.trim();
    if (name.length < 1 || name.length > 200) {
      violations.push({ field: 'name', message: 'must be 1 to 200 characters' });
    }
    let url: URL | null = null;
    try {
      url = new URL(draft.url);
    } catch {
      violations.push({ field: 'url', message: 'must be an absolute http or https URL' });
    }
    if (url && url.protocol !== 'http:' && url.protocol !== 'https:') {
      violations.push({ field: 'url', message: 'must be an http or https URL' });
    }
    if (url && (url.username || url.password)) {
      violations.push({
        field: 'url',
        message: 'must not carry credentials; verify the signature instead',
      });
    }
    if (draft.url.length > 2000)
      violations.push({ field: 'url', message: 'must be at most 2000 characters' });
    for (const type of draft.eventTypes) {
      if (!this.knownEventTypes.has(type)) {
        violations.push({
          field: 'eventTypes',
          message: `${type} is not an event type of the platform`,
        });
      }
    }
    if (violations.length > 0) {
      throw new NotificationError(
        NotificationErrorCode.ValidationFailed,
        'the webhook subscription is invalid',
        violations,
      );
    }
  }
}
