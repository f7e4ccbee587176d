import { type ReactNode, useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import type { ListedSlaClock, Priority, SlaClockList } from '../api/types';
import { useMe } from '../auth/session';
import { useDirectory } from '../console/directory';
import { useI18n } from '../i18n/i18n';
import { formatCountdown, formatDateTime, formatDuration } from '../lib/format';
import { useSlaClockChanges, useTicketChanges } from '../live/live-events';
import { PriorityBadge } from '../ui/badges';
import { ErrorState, SkeletonRows } from '../ui/feedback';
import { CheckIcon, ClockIcon } from '../ui/icons';
import { useAsync, useNow } from '../ui/use-async';
import { notShown, readRisk, type RiskLevel, ticketsToName } from './sla-risk';

/** Clocks shown per list; the heading counts them all. */
const PAGE_SIZE = 10;
const REFRESH_MS = 60_000;
/** Changes come in bursts (a bulk update, clocks of one policy): one reload a little after the first. */
const LIVE_RELOAD_DELAY_MS = 2_000;

interface TicketSummary {
  title: string;
  priority: Priority;
}

/**
 * The clocks a supervisor acts on next: targets at risk (a warning was sent) counting down, and
 * the ones breached since midnight in the supervisor's time zone. Refreshed every minute, and
 * soon after any ticket changes or a clock warns, breaches or is met.
 */
export function SlaRiskPanel() {
  const { t, zone } = useI18n();
  const { call } = useMe();
  const directory = useDirectory();
  const now = useNow(1000);
  // The list API gives ticket numbers; titles are read once per ticket and kept.
  const tickets = useRef(new Map<string, TicketSummary | null>());

  const data = useAsync(
    async (signal) => {
      const query = { timeZone: zone.timeZone, pageSize: PAGE_SIZE };
      const [atRisk, breached] = await Promise.all([
        call.slaClocks({ ...query, condition: 'at_risk' }, signal),
        call.slaClocks({ ...query, condition: 'breached' }, signal),
      ]);
      const unnamed = ticketsToName([...atRisk.items, ...breached.items], tickets.current);
      if (unnamed.length > 0) {
        // One call for every title; if it fails the numbers show, and the next reload asks again.
        const found = await call.ticketsById(unnamed, signal).catch(() => undefined);
        if (found) {
          const byId = new Map(found.items.map((ticket) => [ticket.id, ticket]));
          for (const id of unnamed) {
            const ticket = byId.get(id);
            // A ticket the supervisor cannot read still shows by its number.
            tickets.current.set(
              id,
              ticket ? { title: ticket.title, priority: ticket.priority } : null,
            );
          }
        }
      }
      return { atRisk, breached };
    },
    [call, zone.timeZone],
  );

  const { reload } = data;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const pendingReload = useRef<ReturnType<typeof setTimeout> | null>(null);
  const reloadSoon = () => {
    if (pendingReload.current !== null) return;
    pendingReload.current = setTimeout(() => {
      pendingReload.current = null;
      reload();
    }, LIVE_RELOAD_DELAY_MS);
  };
  useTicketChanges(reloadSoon);
  // A warning or a breach shows within seconds, not at the next minute's refresh.
  useSlaClockChanges(reloadSoon);
  useEffect(
    () => () => {
      if (pendingReload.current !== null) clearTimeout(pendingReload.current);
    },
    [],
  );

  const lists = data.data;
  const renderRow = (clock: ListedSlaClock) => (
    <RiskRow
      clock={clock}
      ticket={tickets.current.get(clock.ticketId) ?? null}
      groupName={directory.groupName(clock.groupId)}
      now={now}
    />
  );
  return (
    <section className="card sla-risk dashboard__wide" aria-labelledby="sla-risk-title">
      <h2 className="section-title" id="sla-risk-title">
        {t('slaRisk.title')}
      </h2>
      {!lists ? (
        data.status === 'error' ? (
          <ErrorState error={data.error} onRetry={reload} />
        ) : (
          <SkeletonRows rows={4} />
        )
      ) : (
        <div className="sla-risk__lists">
          <RiskList
            id="sla-risk-at-risk"
            tone="warning"
            title={t('slaRisk.atRisk')}
            empty={t('slaRisk.emptyAtRisk')}
            list={lists.atRisk}
            total={lists.atRisk.counts.atRisk}
            render={renderRow}
          />
          <RiskList
            id="sla-risk-breached"
            tone="breached"
            title={t('slaRisk.breachedToday')}
            empty={t('slaRisk.emptyBreached')}
            list={lists.breached}
            total={lists.breached.counts.breached}
            render={renderRow}
          />
        </div>
      )}
    </section>
  );
}

function RiskList({
  id,
  tone,
  title,
  empty,
  list,
  total,
  render,
}: {
  id: string;
  tone: RiskLevel;
  title: string;
  empty: string;
  list: SlaClockList;
  total: number;
  render: (clock: ListedSlaClock) => ReactNode;
}) {
  const { t } = useI18n();
  const hidden = notShown(total, list.items.length);
  return (
    <section className={`sla-risk__list sla-risk__list--${tone}`} aria-labelledby={id}>
      <h3 className="sla-risk__heading" id={id}>
        {title}
        <span className={`sla-risk__count sla-risk__count--${tone}`}>{total}</span>
      </h3>
      {list.items.length === 0 ? (
        <p className="sla-risk__empty">
          <CheckIcon width={18} height={18} />
          {empty}
        </p>
      ) : (
        <ul className="sla-risk__rows">
          {list.items.map((clock) => (
            <li key={`${clock.ticketId}-${clock.target}`} className="sla-risk__row">
              {render(clock)}
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 && <p className="sla-risk__more">{t('slaRisk.more', { count: hidden })}</p>}
    </section>
  );
}

function RiskRow({
  clock,
  ticket,
  groupName,
  now,
}: {
  clock: ListedSlaClock;
  ticket: TicketSummary | null;
  groupName: string | null;
  now: Date;
}) {
  const { t, zone } = useI18n();
  const reading = readRisk(clock, now);
  const when =
    reading.level === 'breached'
      ? t('slaRisk.breachedAt', { when: formatDateTime(clock.breachedAt ?? clock.dueAt, zone) })
      : t('sla.dueAt', { when: formatDateTime(clock.dueAt, zone) });
  const details = [t(`sla.target.${clock.target}`), clock.policyName, groupName, when].filter(
    (part): part is string => Boolean(part),
  );
  return (
    <Link className="sla-risk__link" to={`/console/tickets/${clock.ticketId}`}>
      <span className="sla-risk__line">
        <span className="sla-risk__number">{clock.ticketNumber}</span>
        <span className="sla-risk__title">{ticket?.title}</span>
        <span className={`sla sla--${reading.level}`}>
          <ClockIcon width={14} height={14} />
          {reading.level === 'breached'
            ? t('sla.overdue', { duration: formatDuration(reading.remainingMs, zone.language) })
            : t('sla.dueIn', { duration: formatCountdown(reading.remainingMs) })}
        </span>
      </span>
      <span className="sla-risk__details">
        {ticket && <PriorityBadge priority={ticket.priority} />}
        <span>{details.join(' · ')}</span>
      </span>
    </Link>
  );
}
