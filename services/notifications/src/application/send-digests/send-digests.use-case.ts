import { deliveryMessageId } from '../../domain/email-threading';
import { renderTemplate } from '../../domain/template';
import type { DigestStore } from '../ports/digest-store';
import type { TimeSource } from '../ports/time-source';

export interface DigestSettings {
  intervalMs: number;
  /** People composed per run. */
  batchSize: number;
  mailbox: string;
  maxAttempts: number;
}

/**
 * Gathers each person's held low-importance email into one digest once the oldest of it has
 * waited the digest interval: one message a period instead of one per minor change.
 */
export class SendDigestsUseCase {
  constructor(
    private readonly store: DigestStore,
    private readonly time: TimeSource,
    private readonly newId: () => string,
    private readonly settings: DigestSettings,
  ) {}

  async composeDue(): Promise<number> {
    let composed = 0;
    await this.store.inDigestTransaction(
      this.settings.intervalMs,
      this.settings.batchSize,
      async (due, writer) => {
        for (const { recipient, held } of due) {
          const template = await this.store.template('digest', recipient.language);
          if (!template) continue;
          const message = renderTemplate(template, {
            recipient: { name: recipient.displayName },
            digest: {
              count: String(held.length),
              items: held.map(({ subject }) => `• ${subject}`).join('\n'),
            },
          });
          const id = this.newId();
          const domain = this.settings.mailbox.split('@')[1] ?? 'localhost';
          await writer.write(
            {
              id,
              dedupeKey: `digest:${recipient.userId}:${held[0]?.id ?? id}`,
              channel: 'email',
              status: 'pending',
              recipientId: recipient.userId,
              address: recipient.email,
              eventId: `digest:${id}`,
              eventType: 'itsm.notifications.v1.digest',
              ticketId: null,
              triggerKey: 'digest',
              importance: 'normal',
              subject: message.subject,
              content: {
                kind: 'email',
                text: message.text,
                html: message.html,
                messageId: deliveryMessageId(id, domain),
                references: [],
                replyTo: this.settings.mailbox,
                headers: { 'Auto-Submitted': 'auto-generated', 'X-ITSM-Loop': domain },
              },
              maxAttempts: this.settings.maxAttempts,
              nextAttemptAt: this.time.now(),
              reason: null,
            },
            held.map(({ id: heldId }) => heldId),
          );
          composed += 1;
        }
      },
    );
    return composed;
  }
}
