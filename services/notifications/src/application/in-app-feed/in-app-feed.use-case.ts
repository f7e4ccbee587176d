import { NotificationError, NotificationErrorCode } from '../../domain/notification-error';
import type { FeedStore, InAppNotificationRecord } from '../ports/feed-store';
import { isUuid } from '../../domain/identifiers';
import { encodePageToken, pageSizeOf, pageStartOf } from '../ports/page-token';
import type { TimeSource } from '../ports/time-source';

export interface FeedPage {
  notifications: InAppNotificationRecord[];
  nextPageToken: string;
  unreadCount: number;
}

/** A person's in-app notifications: newest first, unread count, marking read. */
export class InAppFeedUseCase {
  constructor(
    private readonly store: FeedStore,
    private readonly time: TimeSource,
  ) {}

  async list(
    userId: string,
    unreadOnly: boolean,
    pageSize: number,
    pageToken: string,
  ): Promise<FeedPage> {
    const limit = pageSizeOf(pageSize, 20, 100);
    const after = pageStartOf(pageToken);
    const rows = await this.store.page(
      userId,
      unreadOnly,
      limit + 1,
      after ? { createdAt: after.at, id: after.id } : null,
    );
    const notifications = rows.slice(0, limit);
    const last = notifications.at(-1);
    return {
      notifications,
      nextPageToken:
        rows.length > limit && last ? encodePageToken({ at: last.createdAt, id: last.id }) : '',
      unreadCount: await this.store.unreadCount(userId),
    };
  }

  async markRead(userId: string, ids: string[]): Promise<number> {
    const invalid = ids.filter((id) => !isUuid(id));
    if (invalid.length > 0) {
      throw new NotificationError(
        NotificationErrorCode.ValidationFailed,
        'notification ids are UUIDs',
        invalid.map((id) => ({ field: 'ids', message: `${id} is not a UUID` })),
      );
    }
    return this.store.markRead(userId, ids, this.time.now());
  }
}
