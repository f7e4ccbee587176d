import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Ticket, TicketSla } from '../api/types';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { formatDateTime, formatRelative } from '../lib/format';
import { headlineClock } from '../lib/sla';
import { isFinished } from '../lib/ticket-actions';
import { useTicketChanges } from '../live/live-events';
import { SlaBadge, StatusBadge } from '../ui/badges';
import { EmptyState, ErrorState, SkeletonRows } from '../ui/feedback';
import { PageHeader } from '../ui/layout';
import { useAsync, useNow } from '../ui/use-async';

const PAGE_SIZE = 25;

export function MyTicketsPage() {
  const { t, zone, language } = useI18n();
  const { me, access, call } = useMe();
  const now = useNow(30_000);
  const [pages, setPages] = useState(1);
  const list = useAsync(async () => {
    const page = await call.tickets({
      requesterId: me.id,
      sort: '-updatedAt',
      limit: PAGE_SIZE * pages,
    });
    // SLA clocks are read only by those allowed to (agents using the portal); requesters see states.
    const slas = access.sla
      ? await Promise.all(
          page.items
            .filter((ticket) => !isFinished(ticket.status))
            .map((ticket) => call.sla(ticket.id).catch(() => undefined)),
        )
      : [];
    const slaByTicket = new Map(
      slas.filter((sla): sla is TicketSla => sla !== undefined).map((sla) => [sla.ticketId, sla]),
    );
    return { ...page, slaByTicket };
  }, [call, me.id, pages, access.sla]);

  useTicketChanges((change) => {
    if (
      change.type === 'reconnected' ||
      list.data?.items.some((ticket) => ticket.id === change.ticketId)
    )
      list.reload();
    else if (change.type === 'created') list.reload();
  });

  return (
    <div className="page">
      <PageHeader
        title={t('tickets.title')}
        subtitle={t('tickets.subtitle')}
        actions={
          <Link className="button button--primary" to="/portal">
            {t('tickets.new')}
          </Link>
        }
      />
      {list.status === 'error' && !list.data ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <SkeletonRows />
      ) : list.data.items.length === 0 ? (
        <EmptyState
          title={t('tickets.empty')}
          text={t('tickets.emptyText')}
          action={
            <Link className="button button--primary" to="/portal">
              {t('tickets.new')}
            </Link>
          }
        />
      ) : (
        <>
          <ul className="ticket-cards" role="list" aria-label={t('tickets.title')}>
            {list.data.items.map((ticket: Ticket) => {
              const clock = headlineClock(list.data?.slaByTicket.get(ticket.id)?.clocks ?? []);
              return (
                <li key={ticket.id}>
                  <Link className="ticket-card" to={`/portal/tickets/${ticket.id}`}>
                    <span className="ticket-card__number">{ticket.number}</span>
                    <span className="ticket-card__title">{ticket.title}</span>
                    <span className="ticket-card__meta">
                      <StatusBadge status={ticket.status} />
                      <time
                        dateTime={ticket.updatedAt}
                        title={formatDateTime(ticket.updatedAt, zone)}
                        className="muted"
                      >
                        {t('tickets.updated', {
                          when: formatRelative(ticket.updatedAt, now, language),
                        })}
                      </time>
                      {clock && <SlaBadge clock={clock} now={now} />}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
          {list.data.nextCursor && (
            <div className="center">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setPages((count) => count + 1)}
              >
                {t('tickets.loadMore')}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
