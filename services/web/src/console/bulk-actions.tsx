import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client';
import { PRIORITIES, type Priority, type Ticket } from '../api/types';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { type BulkRow, refusedRows } from '../lib/bulk-outcome';
import { useErrorMessage, useToasts } from '../ui/feedback';
import { AlertIcon, CheckIcon, XIcon } from '../ui/icons';

/** How a bulk change went for each ticket it was asked for. */
export interface BulkOutcome {
  ok: boolean;
  action: string;
  rows: BulkRow[];
}

/**
 * The bar over the list while tickets are ticked: one action for all of them. The API changes
 * all or none, and when one ticket is refused it names that ticket; the others stay as they were.
 */
export function BulkBar({
  tickets,
  onDone,
  onClear,
}: {
  tickets: Ticket[];
  onDone(outcome: BulkOutcome): void;
  onClear(): void;
}) {
  const { t } = useI18n();
  const { call, me } = useMe();
  const { notify } = useToasts();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [priority, setPriority] = useState<Priority | ''>('');
  const [reason, setReason] = useState('');

  async function run(action: string, change: () => Promise<{ items: Ticket[] }>) {
    setBusy(true);
    try {
      const { items } = await change();
      notify(t('bulk.done', { count: items.length }));
      onDone({
        ok: true,
        action,
        rows: items.map((ticket) => ({ number: ticket.number, state: 'done' })),
      });
      setPriority('');
      setReason('');
    } catch (error) {
      const refused =
        error instanceof ApiError && typeof error.problem['ticketNumber'] === 'string'
          ? error.problem['ticketNumber']
          : null;
      onDone({
        ok: false,
        action,
        rows: refusedRows(
          tickets.map((ticket) => ticket.number),
          refused,
          errorMessage(error),
        ),
      });
    } finally {
      setBusy(false);
    }
  }

  const ids = tickets.map((ticket) => ticket.id);
  function setPriorityOfAll(event: FormEvent) {
    event.preventDefault();
    if (!priority || !reason.trim()) return;
    void run(t('bulk.setPriority'), () => call.bulkSetPriority(ids, priority, reason.trim()));
  }

  return (
    <div className="bulk-bar" role="region" aria-label={t('bulk.region')}>
      <strong className="bulk-bar__count" aria-live="polite">
        {t('bulk.selected', { count: tickets.length })}
      </strong>
      <button
        type="button"
        className="button button--primary button--small"
        disabled={busy}
        onClick={() => void run(t('agent.assignToMe'), () => call.bulkAssignToMe(ids, me.id))}
      >
        {t('agent.assignToMe')}
      </button>
      <form className="bulk-bar__form" onSubmit={setPriorityOfAll}>
        <label className="visually-hidden" htmlFor="bulk-priority">
          {t('bulk.priority')}
        </label>
        <select
          id="bulk-priority"
          className="input input--compact"
          value={priority}
          disabled={busy}
          onChange={(event) => setPriority(event.target.value as Priority | '')}
        >
          <option value="">{t('bulk.priority')}</option>
          {PRIORITIES.map((option) => (
            <option key={option} value={option}>
              {t(`priority.${option}`)}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor="bulk-reason">
          {t('bulk.reason')}
        </label>
        <input
          id="bulk-reason"
          className="input input--compact"
          placeholder={t('bulk.reason')}
          value={reason}
          maxLength={500}
          disabled={busy}
          onChange={(event) => setReason(event.target.value)}
        />
        <button
          type="submit"
          className="button button--secondary button--small"
          disabled={busy || !priority || !reason.trim()}
        >
          {t('bulk.setPriority')}
        </button>
      </form>
      <button type="button" className="button button--ghost button--small" onClick={onClear}>
        {t('bulk.clear')}
      </button>
    </div>
  );
}

export function BulkOutcomePanel({ outcome, onClose }: { outcome: BulkOutcome; onClose(): void }) {
  const { t } = useI18n();
  return (
    <section
      className={`bulk-outcome ${outcome.ok ? 'bulk-outcome--ok' : 'bulk-outcome--failed'}`}
      role={outcome.ok ? 'status' : 'alert'}
      aria-labelledby="bulk-outcome-title"
    >
      <div className="bulk-outcome__head">
        <h3 className="bulk-outcome__title" id="bulk-outcome-title">
          {outcome.ok
            ? t('bulk.outcomeOk', { action: outcome.action })
            : t('bulk.outcomeFailed', { action: outcome.action })}
        </h3>
        <button
          type="button"
          className="icon-button"
          aria-label={t('toast.dismiss')}
          onClick={onClose}
        >
          <XIcon width={16} height={16} />
        </button>
      </div>
      <ul className="bulk-outcome__list" role="list">
        {outcome.rows.map((row) => (
          <li key={row.number} className={`bulk-outcome__row bulk-outcome__row--${row.state}`}>
            {row.state === 'done' ? (
              <CheckIcon width={14} height={14} />
            ) : (
              <AlertIcon width={14} height={14} />
            )}
            <span className="ticket-row__number">{row.number}</span>
            <span>
              {t(`bulk.state.${row.state}`)}
              {row.reason ? `: ${row.reason}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
