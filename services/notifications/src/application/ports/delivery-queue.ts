import type { EmailContent, WebhookContent } from './notification-store';

interface ClaimedCommon {
  id: string;
  recipientId: string;
  address: string;
  subject: string;
  eventId: string;
  eventType: string;
  /** The number of this attempt (1 for the first). */
  attempt: number;
  maxAttempts: number;
  /** W3C trace context of the event the delivery came from. */
  traceHeaders: Record<string, string>;
}

export type ClaimedDelivery =
  | (ClaimedCommon & { channel: 'email'; content: EmailContent })
  | (ClaimedCommon & {
      channel: 'webhook';
      content: WebhookContent;
      /** Null when the subscription was deleted or switched off since the event. */
      webhookSecret: string | null;
    });

export type AttemptOutcome =
  | { outcome: 'delivered' }
  | { outcome: 'failed'; error: string; next: { kind: 'retry'; at: Date } | { kind: 'dead' } }
  | { outcome: 'suppressed'; reason: string };

export type AttemptResult = AttemptOutcome & {
  deliveryId: string;
  attempt: number;
  startedAt: Date;
  finishedAt: Date;
  /** The receiver's HTTP status or the mail server's reply code; 0 when none came. */
  responseCode: number;
};

/**
 * Deliveries due to be sent, shared by every replica: a claim leases rows (SKIP LOCKED), so
 * two replicas never send the same message; a lease that runs out (a replica died mid-send)
 * makes the row claimable again.
 */
export interface DeliveryQueue {
  claimDue(limit: number, leaseMs: number): Promise<ClaimedDelivery[]>;
  /** Records the attempt and the delivery's new state; a dead one is announced. */
  record(result: AttemptResult): Promise<void>;
}
