import type { Delivery, DeliveryAttempt, InboundEmail } from '@itsm/contracts';
import type { KeysetPosition } from './page-token';

export interface DeliveryFilter {
  channel: string | null;
  status: string | null;
  ticketId: string | null;
  recipientId: string | null;
  eventId: string | null;
}

export interface InboundEmailFilter {
  outcome: string | null;
  ticketId: string | null;
}

/** Rows carry their keyset position for the next page. */
export type Positioned<T> = T & { position: KeysetPosition };

export interface DeliveryLog {
  deliveries(
    filter: DeliveryFilter,
    limit: number,
    after: KeysetPosition | null,
  ): Promise<Positioned<Delivery>[]>;
  delivery(id: string): Promise<{ delivery: Delivery; attempts: DeliveryAttempt[] } | null>;
  /** Back to pending with fresh tries; null when the delivery is not failed or dead. */
  redeliver(id: string): Promise<Delivery | null>;
  inboundEmails(
    filter: InboundEmailFilter,
    limit: number,
    after: KeysetPosition | null,
  ): Promise<Positioned<InboundEmail>[]>;
}
