import type { Comment } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { formatDateTime, formatRelative } from '../lib/format';
import { Avatar } from '../ui/badges';
import { EmptyState } from '../ui/feedback';
import { LockIcon } from '../ui/icons';

/** A ticket's messages, oldest first, each with who wrote it and when. */
export function Conversation({
  comments,
  authorName,
  now,
}: {
  comments: readonly Comment[];
  authorName: (authorId: string) => string;
  now: Date;
}) {
  const { t, zone, language } = useI18n();
  if (comments.length === 0) {
    return <EmptyState title={t('ticket.noComments')} text={t('ticket.noCommentsText')} />;
  }
  return (
    <ol className="conversation" aria-label={t('ticket.conversation')}>
      {comments.map((comment) => {
        const name = authorName(comment.authorId);
        return (
          <li
            key={comment.id}
            className={`message${comment.visibility === 'internal' ? ' message--internal' : ''}`}
          >
            <Avatar name={name} />
            <div className="message__body">
              <div className="message__meta">
                <strong>{name}</strong>
                {comment.visibility === 'internal' && (
                  <span className="tag tag--internal">
                    <LockIcon width={12} height={12} /> {t('agent.internal')}
                  </span>
                )}
                <time dateTime={comment.createdAt} title={formatDateTime(comment.createdAt, zone)}>
                  {formatRelative(comment.createdAt, now, language)}
                </time>
              </div>
              <p className="message__text">{comment.body}</p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
