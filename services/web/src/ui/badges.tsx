import type { Priority, Status } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { formatCountdown, formatDuration } from '../lib/format';
import { readClock, type SlaClock, type SlaLevel } from '../lib/sla';
import { ClockIcon } from './icons';

/** Colour families of states: what the reader must do about the ticket. */
function statusTone(status: Status): string {
  switch (status) {
    case 'new':
    case 'draft':
      return 'info';
    case 'assigned':
    case 'in_progress':
    case 'investigating':
    case 'assessment':
    case 'implementing':
    case 'review':
    case 'scheduled':
      return 'active';
    case 'pending':
    case 'approval':
    case 'known_error':
      return 'waiting';
    case 'resolved':
      return 'success';
    case 'closed':
    case 'cancelled':
    case 'rejected':
      return 'muted';
    default:
      return status satisfies never;
  }
}

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge--${statusTone(status)}`}>
      <span className="badge__dot" aria-hidden="true" />
      {t(`status.${status}`)}
    </span>
  );
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useI18n();
  return (
    <span className={`priority priority--${priority}`}>
      <span className="priority__bars" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      {t(`priority.${priority}`)}
    </span>
  );
}

/** An SLA clock in words ("Due in 2 h 15 min") or as a live countdown, coloured by its level. */
export function SlaBadge({
  clock,
  now,
  countdown = false,
}: {
  clock: SlaClock;
  now: Date;
  countdown?: boolean;
}) {
  const { t, language } = useI18n();
  const reading = readClock(clock, now);
  const text = slaText(reading.level, reading.remainingMs, countdown, (ms) =>
    formatDuration(ms, language),
  );
  return (
    <span className={`sla sla--${reading.level}`}>
      <ClockIcon width={14} height={14} />
      {t(text.key, text.params)}
    </span>
  );

  function slaText(
    level: SlaLevel,
    remainingMs: number | null,
    asCountdown: boolean,
    duration: (ms: number) => string,
  ): {
    key: 'sla.dueIn' | 'sla.overdue' | 'sla.met' | 'sla.paused' | 'sla.cancelled';
    params?: Record<string, string>;
  } {
    const say = (ms: number) => (asCountdown ? formatCountdown(ms) : duration(ms));
    switch (level) {
      case 'met':
        return { key: 'sla.met' };
      case 'cancelled':
        return { key: 'sla.cancelled' };
      case 'paused':
        return { key: 'sla.paused', params: { duration: say(remainingMs ?? 0) } };
      case 'breached':
        return { key: 'sla.overdue', params: { duration: say(remainingMs ?? 0) } };
      case 'ok':
      case 'warning':
        return { key: 'sla.dueIn', params: { duration: say(remainingMs ?? 0) } };
      default:
        return level satisfies never;
    }
  }
}

export function Avatar({ name }: { name: string }) {
  const initials = name
    .split(/[\s.@_-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
  return (
    <span className="avatar" aria-hidden="true">
      {initials || '?'}
    </span>
  );
}
