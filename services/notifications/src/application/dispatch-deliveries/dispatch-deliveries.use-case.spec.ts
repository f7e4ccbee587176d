import { verifyWebhookSignature } from '../../domain/webhook-signature';
import type { AttemptResult, ClaimedDelivery, DeliveryQueue } from '../ports/delivery-queue';
import { type OutgoingEmail, type OutgoingWebhook, SendFailedError } from '../ports/senders';
import { DispatchDeliveriesUseCase } from './dispatch-deliveries.use-case';

const NOW = new Date('2026-11-27T10:00:00Z');

function webhook(
  overrides: Partial<Extract<ClaimedDelivery, { channel: 'webhook' }>> = {},
): ClaimedDelivery {
  return {
    id: 'delivery-1',
    channel: 'webhook',
    recipientId: 'hook-1',
    address: 'https://crm.example.com/hook',
    subject: 'INC-000001',
    eventId: 'event-1',
    eventType: 'itsm.tickets.v1.ticket.created',
    attempt: 1,
    maxAttempts: 3,
    content: {
      kind: 'webhook',
      body: '{"id":"event-1"}',
      eventType: 'itsm.tickets.v1.ticket.created',
    },
    webhookSecret: 'whsec_test',
    traceHeaders: {},
    ...overrides,
  };
}

function email(): ClaimedDelivery {
  return {
    id: 'delivery-2',
    channel: 'email',
    recipientId: 'emp-1',
    address: 'emp-1@example.com',
    subject: '[INC-000001] Обращение зарегистрировано',
    eventId: 'event-1',
    eventType: 'itsm.tickets.v1.ticket.created',
    attempt: 1,
    maxAttempts: 3,
    traceHeaders: {},
    content: {
      kind: 'email',
      text: 'text',
      html: '<p>html</p>',
      messageId: '<delivery-2@example.com>',
      references: ['<ticket-1@example.com>'],
      replyTo: 'support+t@example.com',
      headers: { 'Auto-Submitted': 'auto-generated' },
    },
  };
}

function setUp(
  claimed: ClaimedDelivery[],
  fail: (url: string) => SendFailedError | null = () => null,
) {
  const recorded: AttemptResult[] = [];
  const posted: OutgoingWebhook[] = [];
  const mailed: OutgoingEmail[] = [];
  const queue: DeliveryQueue = {
    claimDue: async () => claimed,
    record: async (result) => {
      recorded.push(result);
    },
  };
  const useCase = new DispatchDeliveriesUseCase(
    queue,
    {
      send: async (message) => {
        mailed.push(message);
        return { responseCode: 250 };
      },
    },
    {
      post: async (message) => {
        const failure = fail(message.url);
        if (failure) throw failure;
        posted.push(message);
        return { responseCode: 204 };
      },
    },
    { now: () => NOW },
    { batchSize: 10, leaseMs: 60_000, retry: { baseDelayMs: 1_000, maxDelayMs: 60_000 } },
  );
  return { useCase, recorded, posted, mailed };
}

describe('DispatchDeliveriesUseCase', () => {
  it('signs each webhook post so the receiver can verify it, and records the delivery', async () => {
    const { useCase, recorded, posted } = setUp([webhook()]);
    expect(await useCase.dispatchBatch()).toBe(1);
    const [post] = posted;
    const timestamp = Number(post?.headers['X-ITSM-Timestamp']);
    expect(
      verifyWebhookSignature(
        'whsec_test',
        timestamp,
        post?.body ?? '',
        post?.headers['X-ITSM-Signature'] ?? '',
        NOW,
      ),
    ).toBe(true);
    expect(post?.headers['X-ITSM-Delivery']).toBe('delivery-1');
    expect(recorded).toEqual([
      expect.objectContaining({ outcome: 'delivered', responseCode: 204, attempt: 1 }),
    ]);
  });

  it('retries a failed post later, doubling the wait, and gives up after the last try', async () => {
    const failing = () => new SendFailedError('answered 500', 500, false);
    const second = setUp([webhook({ attempt: 2 })], failing);
    await second.useCase.dispatchBatch();
    expect(second.recorded[0]).toMatchObject({
      outcome: 'failed',
      responseCode: 500,
      next: { kind: 'retry', at: new Date(NOW.getTime() + 2_000) },
    });

    const last = setUp([webhook({ attempt: 3 })], failing);
    await last.useCase.dispatchBatch();
    expect(last.recorded[0]).toMatchObject({ outcome: 'failed', next: { kind: 'dead' } });
  });

  it('stops at once when the receiver says the endpoint is gone', async () => {
    const { useCase, recorded } = setUp([webhook()], () => new SendFailedError('410', 410, true));
    await useCase.dispatchBatch();
    expect(recorded[0]).toMatchObject({ outcome: 'failed', next: { kind: 'dead' } });
  });

  it('does not post to a subscription deleted since the event', async () => {
    const { useCase, recorded, posted } = setUp([webhook({ webhookSecret: null })]);
    await useCase.dispatchBatch();
    expect(posted).toEqual([]);
    expect(recorded[0]).toMatchObject({ outcome: 'suppressed', reason: 'subscription_inactive' });
  });

  it('mails with the threading headers of the notification', async () => {
    const { useCase, mailed, recorded } = setUp([email()]);
    await useCase.dispatchBatch();
    expect(mailed).toEqual([
      expect.objectContaining({
        to: 'emp-1@example.com',
        messageId: '<delivery-2@example.com>',
        references: ['<ticket-1@example.com>'],
        replyTo: 'support+t@example.com',
      }),
    ]);
    expect(recorded[0]).toMatchObject({ outcome: 'delivered', responseCode: 250 });
  });
});
