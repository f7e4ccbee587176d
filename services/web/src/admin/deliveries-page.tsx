import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type Delivery, DELIVERY_STATUSES, type DeliveryStatus } from '../api/admin-types';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/format';
import { EmptyState, ErrorState, SkeletonRows, useErrorMessage, useToasts } from '../ui/feedback';
import { PageHeader } from '../ui/layout';
import { useAsync } from '../ui/use-async';

const REDELIVERABLE: readonly DeliveryStatus[] = ['failed', 'dead'];

function statusTone(status: DeliveryStatus): string {
  switch (status) {
    case 'delivered':
    case 'digested':
      return 'success';
    case 'failed':
    case 'held_for_digest':
    case 'pending':
    case 'sending':
      return 'waiting';
    case 'dead':
      return 'danger';
    case 'suppressed':
      return 'muted';
    default:
      return status satisfies never;
  }
}

/** What was sent to whom and how it went; failed and dead ones can be sent again. */
export function DeliveriesPage() {
  const { t, zone } = useI18n();
  const { call, access } = useMe();
  const { notify } = useToasts();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') ?? '';
  const status = (DELIVERY_STATUSES as readonly string[]).includes(raw)
    ? (raw as DeliveryStatus)
    : '';
  const [pages, setPages] = useState<Delivery[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const list = useAsync(async () => {
    const page = await call.deliveries({ status });
    setPages([]);
    setCursor(page.nextCursor);
    return page.items;
  }, [call, status]);
  const items = [...(list.data ?? []), ...pages];

  async function more() {
    if (!cursor) return;
    try {
      const page = await call.deliveries({ status, cursor });
      setPages((current) => [...current, ...page.items]);
      setCursor(page.nextCursor);
    } catch (error) {
      notify(errorMessage(error), 'error');
    }
  }

  async function redeliver(delivery: Delivery) {
    setBusy(delivery.id);
    try {
      await call.redeliver(delivery.id);
      notify(t('admin.deliveries.redelivered'));
      list.reload();
    } catch (error) {
      notify(errorMessage(error), 'error');
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <PageHeader title={t('admin.deliveries.title')} subtitle={t('admin.deliveries.subtitle')} />
      <div className="filters admin-filters">
        <label className="filter">
          <span className="filter__label">{t('admin.deliveries.status')}</span>
          <select
            className="input input--compact"
            value={status}
            onChange={(event) =>
              setParams(event.target.value ? { status: event.target.value } : {}, { replace: true })
            }
          >
            <option value="">{t('console.any')}</option>
            {DELIVERY_STATUSES.map((option) => (
              <option key={option} value={option}>
                {t(`admin.delivery.${option}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {list.status === 'error' && !list.data ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <SkeletonRows rows={6} />
      ) : items.length === 0 ? (
        <EmptyState title={t('admin.deliveries.empty')} />
      ) : (
        <>
          <div
            className="table-wrap"
            role="region"
            aria-labelledby="deliveries-table-caption"
            tabIndex={0}
          >
            <table className="data-table">
              <caption id="deliveries-table-caption" className="visually-hidden">
                {t('admin.deliveries.title')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.deliveries.when')}</th>
                  <th scope="col">{t('admin.deliveries.channel')}</th>
                  <th scope="col">{t('admin.deliveries.to')}</th>
                  <th scope="col">{t('admin.deliveries.what')}</th>
                  <th scope="col">{t('admin.deliveries.status')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('agent.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((delivery) => (
                  <tr key={delivery.id}>
                    <td className="nowrap">{formatDateTime(delivery.createdAt, zone)}</td>
                    <td>{t(`admin.channel.${delivery.channel}`)}</td>
                    <td className="break">{delivery.address}</td>
                    <td className="break">
                      {delivery.subject ?? delivery.triggerKey ?? delivery.eventType}
                      {(delivery.lastError ?? delivery.reason) && (
                        <span className="muted small data-table__sub">
                          {delivery.lastError ?? delivery.reason}
                        </span>
                      )}
                    </td>
                    <td>
                      <span className={`badge badge--${statusTone(delivery.status)}`}>
                        <span className="badge__dot" aria-hidden="true" />
                        {t(`admin.delivery.${delivery.status}`)}
                      </span>
                      {delivery.channel !== 'in_app' && (
                        <span className="muted small data-table__sub">
                          {t('admin.deliveries.attempts', { count: delivery.attemptCount })}
                        </span>
                      )}
                    </td>
                    <td>
                      {access.webhooks && REDELIVERABLE.includes(delivery.status) && (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          disabled={busy === delivery.id}
                          onClick={() => void redeliver(delivery)}
                        >
                          {t('admin.deliveries.redeliver')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {cursor && (
            <div className="center">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void more()}
              >
                {t('tickets.loadMore')}
              </button>
            </div>
          )}
        </>
      )}
    </>
  );
}
