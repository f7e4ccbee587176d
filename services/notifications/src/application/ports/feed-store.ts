export interface InAppNotificationRecord {
  id: string;
  userId: string;
  triggerKey: string;
  eventType: string;
  ticketId: string | null;
  ticketNumber: string | null;
  title: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}

/** Where the next page starts: after this notification in newest-first order. */
export interface FeedCursor {
  createdAt: Date;
  id: string;
}

export interface FeedStore {
  page(
    userId: string,
    unreadOnly: boolean,
    limit: number,
    after: FeedCursor | null,
  ): Promise<InAppNotificationRecord[]>;
  unreadCount(userId: string): Promise<number>;
  /** Empty ids: every unread notification of the person. */
  markRead(userId: string, ids: string[], at: Date): Promise<number>;
}
