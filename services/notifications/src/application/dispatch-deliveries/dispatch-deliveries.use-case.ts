import { assertUnreachable } from '@itsm/lang';
import { nextAttempt, type RetryPolicy } from '../../domain/retry-schedule';
import { signWebhook } from '../../domain/webhook-signature';
import type { AttemptOutcome, ClaimedDelivery, DeliveryQueue } from '../ports/delivery-queue';
import { type DeliveryObserver, unobserved } from '../ports/delivery-observer';
import { type EmailSender, SendFailedError, type WebhookSender } from '../ports/senders';
import type { TimeSource } from '../ports/time-source';

export interface DispatchSettings {
  batchSize: number;
  leaseMs: number;
  retry: Omit<RetryPolicy, 'maxAttempts'>;
}

/** Sends one batch of due email and webhook deliveries; returns how many it claimed. */
export class DispatchDeliveriesUseCase {
  constructor(
    private readonly queue: DeliveryQueue,
    private readonly email: EmailSender,
    private readonly webhooks: WebhookSender,
    private readonly time: TimeSource,
    private readonly settings: DispatchSettings,
    private readonly observer: DeliveryObserver = unobserved,
  ) {}

  async dispatchBatch(): Promise<number> {
    const claimed = await this.queue.claimDue(this.settings.batchSize, this.settings.leaseMs);
    await Promise.all(claimed.map((delivery) => this.send(delivery)));
    return claimed.length;
  }

  private async send(delivery: ClaimedDelivery): Promise<void> {
    const startedAt = this.time.now();
    let responseCode = 0;
    let outcome: AttemptOutcome;
    try {
      const sent = await this.observer.observe(delivery, () => this.attempt(delivery, startedAt));
      if (sent === 'suppressed') {
        outcome = { outcome: 'suppressed', reason: 'subscription_inactive' };
      } else {
        responseCode = sent.responseCode;
        outcome = { outcome: 'delivered' };
      }
    } catch (error) {
      const failure =
        error instanceof SendFailedError
          ? error
          : new SendFailedError(error instanceof Error ? error.message : String(error), 0, false);
      responseCode = failure.responseCode;
      const next = failure.permanent
        ? ({ kind: 'dead' } as const)
        : nextAttempt(
            { ...this.settings.retry, maxAttempts: delivery.maxAttempts },
            delivery.attempt,
            this.time.now(),
          );
      outcome = { outcome: 'failed', error: failure.message, next };
    }
    const finishedAt = this.time.now();
    await this.queue.record({
      ...outcome,
      deliveryId: delivery.id,
      attempt: delivery.attempt,
      startedAt,
      finishedAt,
      responseCode,
    });
    this.observer.recorded(
      delivery,
      outcome.outcome === 'failed' && outcome.next.kind === 'dead' ? 'dead' : outcome.outcome,
      finishedAt.getTime() - startedAt.getTime(),
    );
  }

  private async attempt(
    delivery: ClaimedDelivery,
    now: Date,
  ): Promise<{ responseCode: number } | 'suppressed'> {
    switch (delivery.channel) {
      case 'email':
        return this.email.send({
          to: delivery.address,
          subject: delivery.subject,
          text: delivery.content.text,
          html: delivery.content.html,
          messageId: delivery.content.messageId,
          references: delivery.content.references,
          replyTo: delivery.content.replyTo,
          headers: delivery.content.headers,
        });
      case 'webhook': {
        if (delivery.webhookSecret === null) return 'suppressed';
        const timestamp = Math.floor(now.getTime() / 1000);
        return this.webhooks.post({
          url: delivery.address,
          body: delivery.content.body,
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            'User-Agent': 'itsm-notifications/1',
            'X-ITSM-Event-Id': delivery.eventId,
            'X-ITSM-Event-Type': delivery.eventType,
            // The same on every retry: receivers drop a delivery they have already applied.
            'X-ITSM-Delivery': delivery.id,
            'X-ITSM-Attempt': String(delivery.attempt),
            'X-ITSM-Timestamp': String(timestamp),
            'X-ITSM-Signature': signWebhook(
              delivery.webhookSecret,
              timestamp,
              delivery.content.body,
            ),
          },
        });
      }
      default:
        return assertUnreachable(delivery, 'delivery channel');
    }
  }
}
