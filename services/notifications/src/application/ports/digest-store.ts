import type { NotificationTemplate } from '../../domain/template';
import type { Locale } from '../../domain/locale';
import type { NewDelivery } from './notification-store';
import type { Recipient } from './recipient';

export interface HeldEmail {
  id: string;
  subject: string;
  ticketId: string | null;
}

export interface DueDigest {
  recipient: Recipient;
  held: HeldEmail[];
}

/** Low-importance email held back per person, composed into one digest message. */
export interface DigestStore {
  /**
   * People whose oldest held email waited at least `intervalMs`, with what is held for them;
   * the rows stay locked to this composer until `compose` commits (SKIP LOCKED elsewhere).
   */
  inDigestTransaction(
    intervalMs: number,
    limit: number,
    compose: (due: DueDigest[], writer: DigestWriter) => Promise<void>,
  ): Promise<void>;
  template(key: string, locale: Locale): Promise<NotificationTemplate | null>;
}

export interface DigestWriter {
  /** Adds the digest delivery and marks the held rows digested. */
  write(delivery: NewDelivery, heldIds: string[]): Promise<void>;
}
