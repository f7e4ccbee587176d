import type { DataSource } from 'typeorm';
import type {
  FeedCursor,
  FeedStore,
  InAppNotificationRecord,
} from '../application/ports/feed-store';

interface FeedRow {
  id: string;
  user_id: string;
  trigger_key: string;
  event_type: string;
  ticket_id: string | null;
  ticket_number: string | null;
  title: string;
  body: string;
  created_at: Date;
  read_at: Date | null;
}

function recordOf(row: FeedRow): InAppNotificationRecord {
  return {
    id: row.id,
    userId: row.user_id,
    triggerKey: row.trigger_key,
    eventType: row.event_type,
    ticketId: row.ticket_id,
    ticketNumber: row.ticket_number,
    title: row.title,
    body: row.body,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

export class SqlFeedStore implements FeedStore {
  constructor(private readonly dataSource: DataSource) {}

  async page(
    userId: string,
    unreadOnly: boolean,
    limit: number,
    after: FeedCursor | null,
  ): Promise<InAppNotificationRecord[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM in_app_notifications
        WHERE user_id = $1
          AND (NOT $2 OR read_at IS NULL)
          AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
        ORDER BY created_at DESC, id DESC
        LIMIT $5`,
      [userId, unreadOnly, after?.createdAt ?? null, after?.id ?? null, limit],
    )) as FeedRow[];
    return rows.map(recordOf);
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS unread FROM in_app_notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    )) as { unread: number }[];
    return row?.unread ?? 0;
  }

  async markRead(userId: string, ids: string[], at: Date): Promise<number> {
    const [, count] = (await this.dataSource.query(
      `UPDATE in_app_notifications SET read_at = $3
        WHERE user_id = $1 AND read_at IS NULL AND (cardinality($2::uuid[]) = 0 OR id = ANY($2::uuid[]))`,
      [userId, ids, at],
    )) as [unknown[], number];
    return count;
  }
}
