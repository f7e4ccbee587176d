import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import {
  LEVELS,
  type Comment,
  type HistoryEntry,
  type Level,
  type Ticket,
  type TicketRouting,
  type TicketSla,
} from '../api/types';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { withArticleLink } from '../lib/article-link';
import { formatDateTime } from '../lib/format';
import { allowedActions, type TicketAction } from '../lib/ticket-actions';
import { useSlaClockChanges, useTicketChanges } from '../live/live-events';
import { Conversation } from '../portal/conversation';
import { PriorityBadge, SlaBadge, StatusBadge } from '../ui/badges';
import { ErrorState, FormAlert, Spinner, useErrorMessage, useToasts } from '../ui/feedback';
import { ArrowLeftIcon, LockIcon } from '../ui/icons';
import { useAsync, useNow } from '../ui/use-async';
import { ConfigurationItemsPanel } from './configuration-items-panel';
import { type Directory, useDirectory } from './directory';
import { type ArticleReference, SuggestedArticlesPanel } from './suggested-articles-panel';

const RESOLUTION_CODES = [
  'fixed',
  'workaround',
  'fulfilled',
  'no_fault_found',
  'user_instructed',
] as const;
const PENDING_REASONS = ['awaiting_customer', 'awaiting_vendor', 'awaiting_change'] as const;

interface TicketBundle {
  ticket: Ticket;
  comments: Comment[];
  sla: TicketSla | undefined;
  history: HistoryEntry[];
  routing: TicketRouting | undefined;
}

export function ConsoleTicketPage() {
  const { ticketId = '' } = useParams();
  const { t } = useI18n();
  const { call, access } = useMe();
  const { notify } = useToasts();
  const bundle = useAsync<TicketBundle>(async () => {
    const [ticket, comments, sla, history, routing] = await Promise.all([
      call.ticket(ticketId),
      call.comments(ticketId),
      access.sla ? call.sla(ticketId).catch(() => undefined) : Promise.resolve(undefined),
      call.history(ticketId).then(
        (page) => page.items,
        () => [],
      ),
      call.routing(ticketId).catch(() => undefined),
    ]);
    return { ticket, comments: comments.items, sla, history, routing };
  }, [call, ticketId, access.sla]);

  useTicketChanges((change) => {
    if (change.ticketId !== ticketId && change.type !== 'reconnected') return;
    if (bundle.data && change.version > bundle.data.ticket.version)
      notify(t('agent.changedLive'), 'info');
    bundle.reload();
  });
  // Supervisors hear of this ticket's clocks warning or breaching: the SLA panel follows at once.
  useSlaClockChanges((change) => {
    if (change.ticketId === ticketId) bundle.reload();
  });

  return (
    <div className="page page--wide">
      <Link className="back-link" to="/console">
        <ArrowLeftIcon width={16} height={16} />
        {t('console.title')}
      </Link>
      {bundle.status === 'error' && !bundle.data ? (
        <ErrorState error={bundle.error} onRetry={bundle.reload} />
      ) : !bundle.data ? (
        <Spinner />
      ) : (
        <AgentTicket
          {...bundle.data}
          onChanged={(ticket) => {
            if (ticket && bundle.data) bundle.set({ ...bundle.data, ticket });
            bundle.reload();
          }}
        />
      )}
    </div>
  );
}

type Dialog = { action: 'resolve' } | { action: 'pend' } | null;

/** An article link on its way into the public reply; `seq` tells one insertion from the next. */
interface ReplyInsertion {
  article: ArticleReference;
  seq: number;
}

/** Who sees the configuration items of tickets. */
const CMDB_READ_PERMISSION = 'cmdb.read';

function AgentTicket({
  ticket,
  comments,
  sla,
  history,
  routing,
  onChanged,
}: TicketBundle & { onChanged(ticket?: Ticket): void }) {
  const { t } = useI18n();
  const { me, call, access } = useMe();
  const { notify } = useToasts();
  const errorMessage = useErrorMessage();
  const directory = useDirectory();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [tab, setTab] = useState<'conversation' | 'history' | 'routing'>('conversation');
  const [insertion, setInsertion] = useState<ReplyInsertion | null>(null);
  const actions = allowedActions(ticket, {
    works: true,
    isRequester: ticket.requesterId === me.id,
  });
  const canAssignToMe = actions.includes('assign') && ticket.assigneeId !== me.id;

  async function run(action: TicketAction, details: Record<string, unknown> = {}) {
    setBusy(true);
    try {
      const updated = await call.transition(ticket, action, details);
      notify(
        action === 'assign'
          ? t('agent.assigned')
          : t('agent.done', { number: ticket.number, action: t(`action.${action}`) }),
      );
      setDialog(null);
      onChanged(updated);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        notify(t('agent.conflict'), 'error');
        onChanged();
      } else notify(errorMessage(error), 'error');
    } finally {
      setBusy(false);
    }
  }

  function choose(action: TicketAction) {
    if (action === 'resolve' || action === 'pend') setDialog({ action });
    else void run(action);
  }

  const authorName = (authorId: string) =>
    authorId === me.id
      ? t('ticket.you')
      : authorId === ticket.requesterId
        ? `${directory.personName(authorId)} · ${t('agent.requester')}`
        : (directory.personName(authorId) ?? authorId);

  return (
    <div className="ticket-layout ticket-layout--console">
      <div className="ticket-main">
        <header className="ticket-header">
          <div className="ticket-header__top">
            <span className="ticket-number">{ticket.number}</span>
            <span className="tag">{t(`type.${ticket.type}`)}</span>
            <StatusBadge status={ticket.status} />
            <PriorityBadge priority={ticket.priority} />
          </div>
          <h1 className="page-title">{ticket.title}</h1>
          <div className="button-row" role="toolbar" aria-label={t('agent.actions')}>
            {canAssignToMe && (
              <button
                type="button"
                className="button button--primary button--small"
                disabled={busy}
                onClick={() => void run('assign', { assigneeId: me.id })}
              >
                {t('agent.assignToMe')}
              </button>
            )}
            {actions
              .filter((action) => action !== 'assign')
              .map((action) => (
                <button
                  key={action}
                  type="button"
                  className={`button button--small ${action === 'cancel' ? 'button--ghost' : 'button--secondary'}`}
                  disabled={busy}
                  onClick={() => choose(action)}
                >
                  {t(`action.${action}`)}
                </button>
              ))}
            {actions.length === 0 && <span className="muted small">{t('agent.noActions')}</span>}
          </div>
          {dialog && (
            <TransitionPanel
              ticket={ticket}
              action={dialog.action}
              busy={busy}
              onCancel={() => setDialog(null)}
              onConfirm={(details) => void run(dialog.action, details)}
            />
          )}
        </header>

        {ticket.description && (
          <section className="card">
            <p className="prose">{ticket.description}</p>
          </section>
        )}

        <section className="card">
          <div className="tabs" role="tablist" aria-label={ticket.number}>
            {(['conversation', 'history', 'routing'] as const).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                id={`tab-${name}`}
                aria-selected={tab === name}
                aria-controls={`panel-${name}`}
                className="tab"
                onClick={() => setTab(name)}
              >
                {t(`agent.tab.${name}`)}
                {name === 'conversation' && <span className="tab__count">{comments.length}</span>}
              </button>
            ))}
          </div>
          <div
            role="tabpanel"
            id={`panel-${tab}`}
            aria-labelledby={`tab-${tab}`}
            className="tab-panel"
          >
            {tab === 'conversation' && (
              <>
                <Conversation comments={comments} authorName={authorName} now={new Date()} />
                <Composer
                  ticketId={ticket.id}
                  notes={access.internalNotes}
                  insertion={insertion}
                  onSent={() => onChanged()}
                />
              </>
            )}
            {tab === 'history' && <History entries={history} directory={directory} />}
            {tab === 'routing' && <RoutingExplanation routing={routing} directory={directory} />}
          </div>
        </section>
      </div>

      <aside className="ticket-side">
        {sla && sla.clocks.length > 0 && <SlaPanel sla={sla} />}
        <PriorityPanel ticket={ticket} onChanged={onChanged} />
        {me.permissions.includes(CMDB_READ_PERMISSION) && (
          <ConfigurationItemsPanel ticket={ticket} onChanged={onChanged} />
        )}
        <SuggestedArticlesPanel
          ticket={ticket}
          onInsertLink={(article) => {
            setTab('conversation');
            setInsertion((current) => ({ article, seq: (current?.seq ?? 0) + 1 }));
            notify(t('agentKb.inserted', { title: article.title }));
          }}
        />
        <section className="card" aria-labelledby="details-title">
          <h2 className="section-title" id="details-title">
            {t('ticket.details')}
          </h2>
          <Details ticket={ticket} directory={directory} />
          <Link className="small" to={`/portal/tickets/${ticket.id}`}>
            {t('agent.openInPortal')} →
          </Link>
        </section>
      </aside>
    </div>
  );
}

function Details({ ticket, directory }: { ticket: Ticket; directory: Directory }) {
  const { t, zone } = useI18n();
  const { me } = useMe();
  const person = (id: string | null) =>
    id === null ? null : id === me.id ? t('ticket.you') : directory.personName(id);
  const rows: [string, string | null][] = [
    [t('agent.requester'), person(ticket.requesterId)],
    [t('agent.assignee'), person(ticket.assigneeId) ?? t('console.unassignedShort')],
    [t('agent.group'), directory.groupName(ticket.assignmentGroupId) ?? '—'],
    [t('agent.channel'), ticket.channel],
    [t('ticket.requested'), formatDateTime(ticket.createdAt, zone)],
    [t('tickets.column.updated'), formatDateTime(ticket.updatedAt, zone)],
  ];
  return (
    <dl className="details">
      {rows.map(([label, value]) => (
        <div key={label} className="details__row">
          <dt>{label}</dt>
          <dd>{value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** SLA clocks counting down each second, coloured as they near and pass their targets. */
function SlaPanel({ sla }: { sla: TicketSla }) {
  const { t, zone } = useI18n();
  const now = useNow(1000);
  return (
    <section className="card" aria-labelledby="sla-title">
      <h2 className="section-title" id="sla-title">
        {t('sla.title')}
      </h2>
      <ul className="clock-list" role="list">
        {sla.clocks.map((clock) => (
          <li key={clock.target} className="clock">
            <span className="clock__target">{t(`sla.target.${clock.target}`)}</span>
            <SlaBadge clock={clock} now={now} countdown={clock.state === 'running'} />
            {clock.dueAt && (
              <span className="clock__due muted small">
                {t('sla.dueAt', { when: formatDateTime(clock.dueAt, zone) })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Impact × urgency: the priority follows the matrix unless someone set it by hand. */
function PriorityPanel({
  ticket,
  onChanged,
}: {
  ticket: Ticket;
  onChanged(ticket?: Ticket): void;
}) {
  const { t } = useI18n();
  const { call } = useMe();
  const { notify } = useToasts();
  const errorMessage = useErrorMessage();
  const [saving, setSaving] = useState(false);

  async function change(field: 'impact' | 'urgency', value: Level) {
    setSaving(true);
    try {
      const updated = await call.update(ticket, { [field]: value });
      notify(t('agent.priorityUpdated', { priority: t(`priority.${updated.priority}`) }));
      onChanged(updated);
    } catch (error) {
      notify(errorMessage(error), 'error');
      onChanged();
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="card" aria-labelledby="priority-title">
      <h2 className="section-title" id="priority-title">
        {t('tickets.column.priority')}: <PriorityBadge priority={ticket.priority} />
      </h2>
      <div className="priority-matrix">
        {(['impact', 'urgency'] as const).map((field) => (
          <label key={field} className="filter">
            <span className="filter__label">{t(`agent.${field}`)}</span>
            <select
              className="input input--compact"
              value={ticket[field]}
              disabled={saving}
              onChange={(event) => void change(field, event.target.value as Level)}
            >
              {LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`level.${level}`)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {ticket.priorityReason && (
        <p className="muted small">
          {t('agent.priorityByHand', { reason: ticket.priorityReason })}
        </p>
      )}
    </section>
  );
}

function TransitionPanel({
  ticket,
  action,
  busy,
  onCancel,
  onConfirm,
}: {
  ticket: Ticket;
  action: 'resolve' | 'pend';
  busy: boolean;
  onCancel(): void;
  onConfirm(details: Record<string, unknown>): void;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState<string>(
    ticket.type === 'service_request' ? 'fulfilled' : 'fixed',
  );
  const [notes, setNotes] = useState('');
  const [reason, setReason] = useState<string>('awaiting_customer');

  function submit(event: FormEvent) {
    event.preventDefault();
    onConfirm(
      action === 'resolve'
        ? { resolutionCode: code, ...(notes.trim() ? { resolutionNotes: notes.trim() } : {}) }
        : { pendingReason: reason },
    );
  }

  return (
    <form className="panel" aria-labelledby="transition-title" onSubmit={submit}>
      <h2 className="section-title" id="transition-title">
        {action === 'resolve'
          ? t('agent.resolveTitle', { number: ticket.number })
          : t('agent.pendTitle', { number: ticket.number })}
      </h2>
      {action === 'resolve' ? (
        <>
          <label className="field">
            <span className="field__label">{t('agent.resolutionCode')}</span>
            <select
              className="input"
              value={code}
              onChange={(event) => setCode(event.target.value)}
            >
              {RESOLUTION_CODES.map((value) => (
                <option key={value} value={value}>
                  {t(`resolution.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('agent.resolutionNotes')}</span>
            <textarea
              className="input textarea"
              rows={3}
              value={notes}
              onChange={(event) => setNotes(event.target.value)}
            />
          </label>
        </>
      ) : (
        <label className="field">
          <span className="field__label">{t('agent.pendingReason')}</span>
          <select
            className="input"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          >
            {PENDING_REASONS.map((value) => (
              <option key={value} value={value}>
                {t(`pending.${value}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('agent.confirm')}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('agent.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Public reply or internal note: the switch is explicit, and the box says who will read it. */
function Composer({
  ticketId,
  notes,
  insertion,
  onSent,
}: {
  ticketId: string;
  notes: boolean;
  insertion: ReplyInsertion | null;
  onSent(): void;
}) {
  const { t } = useI18n();
  const { call } = useMe();
  const { notify } = useToasts();
  const [mode, setMode] = useState<'public' | 'internal'>('public');
  const [body, setBody] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  // An article link is for the requester: it goes into the public reply, which takes the focus.
  useEffect(() => {
    if (!insertion) return;
    setMode('public');
    setBody((current) => withArticleLink(current, insertion.article, window.location.origin));
    bodyRef.current?.focus();
  }, [insertion]);

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return;
    setSending(true);
    setFailure(null);
    try {
      await call.comment(ticketId, body.trim(), mode);
      setBody('');
      notify(mode === 'public' ? t('ticket.sent') : t('agent.noteAdded'));
      onSent();
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  }

  return (
    <form className={`composer composer--${mode}`} onSubmit={(event) => void send(event)}>
      <div className="segmented" role="radiogroup" aria-label={t('ticket.reply')}>
        <button
          type="button"
          role="radio"
          aria-checked={mode === 'public'}
          className="segmented__option"
          onClick={() => setMode('public')}
        >
          {t('agent.reply')}
        </button>
        {notes && (
          <button
            type="button"
            role="radio"
            aria-checked={mode === 'internal'}
            className="segmented__option"
            onClick={() => setMode('internal')}
          >
            <LockIcon width={14} height={14} /> {t('agent.note')}
          </button>
        )}
      </div>
      {failure !== null && <FormAlert error={failure} />}
      <label className="visually-hidden" htmlFor="composer-body">
        {mode === 'public' ? t('agent.reply') : t('agent.note')}
      </label>
      <textarea
        id="composer-body"
        ref={bodyRef}
        className="input textarea"
        rows={4}
        placeholder={mode === 'public' ? t('agent.replyPlaceholder') : t('agent.notePlaceholder')}
        aria-describedby="composer-hint"
        value={body}
        onChange={(event) => setBody(event.target.value)}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={sending || !body.trim()}>
          {mode === 'public' ? t('agent.sendReply') : t('agent.addNote')}
        </button>
        <span id="composer-hint" className="muted small">
          {mode === 'public' ? t('agent.replyHint') : t('agent.noteHint')}
        </span>
      </div>
    </form>
  );
}

function History({ entries, directory }: { entries: HistoryEntry[]; directory: Directory }) {
  const { t, zone } = useI18n();
  if (entries.length === 0) return <p className="muted">{t('agent.noHistory')}</p>;
  return (
    <ol className="timeline">
      {entries.map((entry, index) => (
        <li key={index} className="timeline__item">
          <div className="timeline__head">
            <strong>{entry.action}</strong>
            <span className="muted small">
              {directory.personName(entry.actorId)} · {formatDateTime(entry.occurredAt, zone)}
            </span>
          </div>
          {entry.changes.length > 0 && (
            <ul className="changes" role="list">
              {entry.changes.map((change) => (
                <li key={change.field}>
                  <code>{change.field}</code>: {change.from ?? '—'} → {change.to ?? '—'}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Routing's own explanation of each decision, step by step, in the reader's language. */
function RoutingExplanation({
  routing,
  directory,
}: {
  routing: TicketRouting | undefined;
  directory: Directory;
}) {
  const { t, zone, language } = useI18n();
  if (!routing || routing.decisions.length === 0)
    return <p className="muted">{t('agent.noRouting')}</p>;
  return (
    <div className="stack">
      {routing.queued && <p className="alert alert--info">{t('agent.queued')}</p>}
      <ol className="timeline">
        {routing.decisions.map((decision) => (
          <li key={decision.id} className="timeline__item">
            <div className="timeline__head">
              <strong>{directory.groupName(decision.groupId) ?? '—'}</strong>
              <span className="muted small">{formatDateTime(decision.decidedAt, zone)}</span>
            </div>
            <ol className="routing-steps">
              {decision.steps.map((step, index) => (
                <li key={index}>{step.summary[language]}</li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
      {routing.escalations.map((escalation) => (
        <p key={escalation.id} className="muted small">
          {formatDateTime(escalation.occurredAt, zone)} — {escalation.reason}
        </p>
      ))}
    </div>
  );
}
