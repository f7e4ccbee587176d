import type { Delivery, DeliveryAttempt, InboundEmail } from '@itsm/contracts';
import { NotificationError, NotificationErrorCode } from '../../domain/notification-error';
import { isUuid } from '../../domain/identifiers';
import type {
  DeliveryFilter,
  DeliveryLog,
  InboundEmailFilter,
  Positioned,
} from '../ports/delivery-log';
import { encodePageToken, pageSizeOf, pageStartOf } from '../ports/page-token';

const CHANNELS = new Set(['email', 'webhook', 'in_app']);
const STATUSES = new Set([
  'pending',
  'sending',
  'delivered',
  'failed',
  'dead',
  'suppressed',
  'held_for_digest',
  'digested',
]);
const OUTCOMES = new Set(['ticket_created', 'comment_added', 'dropped', 'rejected']);

function page<T>(rows: Positioned<T>[], limit: number): { items: T[]; nextPageToken: string } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(({ position: _position, ...item }) => item as T),
    nextPageToken: rows.length > limit && last ? encodePageToken(last.position) : '',
  };
}

function invalid(field: string, message: string): never {
  throw new NotificationError(NotificationErrorCode.ValidationFailed, `${field} ${message}`, [
    { field, message },
  ]);
}

/** The log of every delivery and its attempts, redelivery, and the inbound email log. */
export class DeliveryLogUseCase {
  constructor(private readonly log: DeliveryLog) {}

  async deliveries(filter: DeliveryFilter, pageSize: number, pageToken: string) {
    if (filter.channel && !CHANNELS.has(filter.channel))
      invalid('channel', 'is not email, webhook or in_app');
    if (filter.status && !STATUSES.has(filter.status))
      invalid('status', `is not one of ${[...STATUSES].join(', ')}`);
    if (filter.ticketId && !isUuid(filter.ticketId)) invalid('ticketId', 'is not a UUID');
    const limit = pageSizeOf(pageSize, 50, 200);
    const rows = await this.log.deliveries(filter, limit + 1, pageStartOf(pageToken));
    return page<Delivery>(rows, limit);
  }

  async delivery(id: string): Promise<{ delivery: Delivery; attempts: DeliveryAttempt[] }> {
    const found = isUuid(id) ? await this.log.delivery(id) : null;
    if (!found) throw new NotificationError(NotificationErrorCode.NotFound, `no delivery ${id}`);
    return found;
  }

  async redeliver(id: string): Promise<Delivery> {
    const { delivery } = await this.delivery(id);
    if (delivery.channel === 'in_app') {
      throw new NotificationError(
        NotificationErrorCode.InvalidState,
        'in-app notifications are stored, not sent: there is nothing to redeliver',
        [],
        { status: delivery.status, channel: delivery.channel },
      );
    }
    const redelivered = await this.log.redeliver(id);
    if (!redelivered) {
      throw new NotificationError(
        NotificationErrorCode.InvalidState,
        `delivery ${id} is ${delivery.status}: only failed and dead deliveries are sent again`,
        [],
        { status: delivery.status, allowedStatuses: ['failed', 'dead'] },
      );
    }
    return redelivered;
  }

  async inboundEmails(filter: InboundEmailFilter, pageSize: number, pageToken: string) {
    if (filter.outcome && !OUTCOMES.has(filter.outcome))
      invalid('outcome', `is not one of ${[...OUTCOMES].join(', ')}`);
    if (filter.ticketId && !isUuid(filter.ticketId)) invalid('ticketId', 'is not a UUID');
    const limit = pageSizeOf(pageSize, 50, 200);
    const rows = await this.log.inboundEmails(filter, limit + 1, pageStartOf(pageToken));
    return page<InboundEmail>(rows, limit);
  }
}
