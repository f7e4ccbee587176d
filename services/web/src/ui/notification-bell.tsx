import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import type { InAppNotification } from '../api/admin-types';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { formatDateTime, formatRelative } from '../lib/format';
import { useLiveNotifications, useTicketChanges } from '../live/live-events';
import { useErrorMessage } from './feedback';
import { BellIcon } from './icons';

const SHOWN = 10;

/**
 * The header's bell: how many in-app notifications are unread, and the latest ones in a panel.
 * The count follows the live stream; the list is fetched again each time the panel opens.
 */
export function NotificationBell() {
  const { t, zone, language } = useI18n();
  const { call, access } = useMe();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [unread, setUnread] = useState(0);
  const [items, setItems] = useState<InAppNotification[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    try {
      const page = await call.notifications(SHOWN);
      setItems(page.items);
      setUnread(page.unreadCount);
      setFailure(null);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }, [call, errorMessage]);

  useEffect(() => {
    void load();
  }, [load]);

  useLiveNotifications(() => {
    setUnread((count) => count + 1);
    if (open) void load();
  });
  // After a reconnect the stream does not replay what was missed: the count is read again.
  useTicketChanges((change) => {
    if (change.type === 'reconnected') void load();
  });

  useEffect(() => {
    if (!open) return;
    function onKey(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    function onPointer(event: PointerEvent) {
      if (!wrapperRef.current?.contains(event.target as Node)) setOpen(false);
    }
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  async function markAllRead() {
    try {
      await call.markNotificationsRead();
      const now = new Date().toISOString();
      setItems(
        (current) => current?.map((item) => ({ ...item, readAt: item.readAt ?? now })) ?? null,
      );
      setUnread(0);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }

  const ticketLink = (ticketId: string) =>
    access.console ? `/console/tickets/${ticketId}` : `/portal/tickets/${ticketId}`;
  const now = new Date();

  return (
    <div className="bell" ref={wrapperRef}>
      <button
        ref={buttonRef}
        type="button"
        className="icon-button bell__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? t('bell.labelUnread', { count: unread }) : t('bell.label')}
        onClick={() => {
          setOpen((current) => !current);
          if (!open) void load();
        }}
      >
        <BellIcon width={20} height={20} />
        {unread > 0 && (
          <span className="bell__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div className="bell__panel" id={panelId} role="region" aria-label={t('bell.title')}>
          <div className="bell__head">
            <h2 className="bell__title">{t('bell.title')}</h2>
            <button
              type="button"
              className="button button--ghost button--small"
              disabled={unread === 0}
              onClick={() => void markAllRead()}
            >
              {t('bell.markAllRead')}
            </button>
          </div>
          {failure && (
            <p className="alert alert--error" role="alert">
              {failure}
            </p>
          )}
          {items === null ? (
            <p className="muted small bell__empty">{t('app.loading')}</p>
          ) : items.length === 0 ? (
            <p className="muted small bell__empty">{t('bell.empty')}</p>
          ) : (
            <ul className="bell__list" role="list">
              {items.map((item) => {
                const content = (
                  <>
                    <span className="bell__item-title">{item.title}</span>
                    <time
                      className="muted small"
                      dateTime={item.createdAt}
                      title={formatDateTime(item.createdAt, zone)}
                    >
                      {formatRelative(item.createdAt, now, language)}
                    </time>
                  </>
                );
                return (
                  <li
                    key={item.id}
                    className={`bell__item${item.readAt ? '' : ' bell__item--unread'}`}
                  >
                    {!item.readAt && <span className="visually-hidden">{t('bell.unread')}: </span>}
                    {item.ticketId ? (
                      <Link
                        className="bell__link"
                        to={ticketLink(item.ticketId)}
                        onClick={() => setOpen(false)}
                      >
                        {content}
                      </Link>
                    ) : (
                      <div className="bell__link">{content}</div>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
