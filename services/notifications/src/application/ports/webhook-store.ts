export interface WebhookSubscriptionRecord {
  id: string;
  name: string;
  url: string;
  eventTypes: string[];
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewWebhookSubscription {
  id: string;
  name: string;
  url: string;
  eventTypes: string[];
  secret: string;
  idempotencyKey: string | null;
}

export interface WebhookStore {
  /** The existing subscription when the idempotency key was used before. */
  create(
    subscription: NewWebhookSubscription,
  ): Promise<{ record: WebhookSubscriptionRecord; created: boolean }>;
  list(): Promise<WebhookSubscriptionRecord[]>;
  get(id: string): Promise<WebhookSubscriptionRecord | null>;
  update(
    record: Pick<WebhookSubscriptionRecord, 'id' | 'name' | 'url' | 'eventTypes' | 'active'>,
    expectedVersion: number,
  ): Promise<{ saved: WebhookSubscriptionRecord } | { conflict: number }>;
  /** False when there was none. */
  delete(id: string): Promise<boolean>;
}
