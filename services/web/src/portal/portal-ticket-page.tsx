import { type FormEvent, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Attachment, CatalogItem, Comment, Ticket, TicketSla } from '../api/types';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { uploadOutcome } from '../lib/attachments';
import { formatDate, formatDateTime, formatFileSize } from '../lib/format';
import { formFieldsOf } from '../lib/json-schema-form';
import { headlineClock } from '../lib/sla';
import { allowedActions } from '../lib/ticket-actions';
import { useTicketChanges } from '../live/live-events';
import { PriorityBadge, SlaBadge, StatusBadge } from '../ui/badges';
import { ErrorState, FormAlert, Spinner, useErrorMessage, useToasts } from '../ui/feedback';
import { ArrowLeftIcon, PaperclipIcon, StarIcon } from '../ui/icons';
import { useAsync, useNow } from '../ui/use-async';
import { AttachmentPicker, useAttachmentUploads } from './attachment-picker';
import { Conversation } from './conversation';

export function PortalTicketPage() {
  const { ticketId = '' } = useParams();
  const { t } = useI18n();
  const { call, access } = useMe();
  const now = useNow(15_000);
  const view = useAsync(async () => {
    const ticket = await call.ticket(ticketId);
    const [comments, attachments, sla, item] = await Promise.all([
      call.comments(ticketId, 'public'),
      call.attachments(ticketId).catch(() => ({ items: [] })),
      access.sla ? call.sla(ticketId).catch(() => undefined) : Promise.resolve(undefined),
      ticket.catalogItemId
        ? call.catalogItem(ticket.catalogItemId).catch(() => undefined)
        : Promise.resolve(undefined),
    ]);
    return { ticket, comments: comments.items, attachments: attachments.items, sla, item };
  }, [call, ticketId, access.sla]);

  useTicketChanges((change) => {
    if (change.ticketId === ticketId || change.type === 'reconnected') view.reload();
  });

  return (
    <div className="page">
      <Link className="back-link" to="/portal/tickets">
        <ArrowLeftIcon width={16} height={16} />
        {t('ticket.back')}
      </Link>
      {view.status === 'error' && !view.data ? (
        <ErrorState error={view.error} onRetry={view.reload} />
      ) : !view.data ? (
        <Spinner />
      ) : (
        <TicketView {...view.data} now={now} onChanged={view.reload} />
      )}
    </div>
  );
}

function TicketView({
  ticket,
  comments,
  attachments,
  sla,
  item,
  now,
  onChanged,
}: {
  ticket: Ticket;
  comments: Comment[];
  attachments: Attachment[];
  sla: TicketSla | undefined;
  item: CatalogItem | undefined;
  now: Date;
  onChanged(): void;
}) {
  const { t, zone, language } = useI18n();
  const { me, call } = useMe();
  const { notify } = useToasts();
  const errorMessage = useErrorMessage();
  const clock = headlineClock(sla?.clocks ?? []);
  const isRequester = ticket.requesterId === me.id;
  const actions = allowedActions(ticket, { works: false, isRequester });
  const formFields = useMemo(
    () => (item ? formFieldsOf(item.formSchema, language) : []),
    [item, language],
  );
  const open = !['closed', 'cancelled'].includes(ticket.status);

  async function act(action: 'close' | 'reopen' | 'cancel') {
    try {
      await call.transition(ticket, action);
      notify(t('agent.done', { number: ticket.number, action: t(`action.${action}`) }));
      onChanged();
    } catch (error) {
      notify(errorMessage(error), 'error');
    }
  }

  return (
    <div className="ticket-layout">
      <div className="ticket-main">
        <header className="ticket-header">
          <div className="ticket-header__top">
            <span className="ticket-number">{ticket.number}</span>
            <StatusBadge status={ticket.status} />
          </div>
          <h1 className="page-title">{ticket.title}</h1>
          {actions.length > 0 && (
            <div className="button-row">
              {actions.map((action) => (
                <button
                  key={action}
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => void act(action as 'close' | 'reopen' | 'cancel')}
                >
                  {t(`action.${action}`)}
                </button>
              ))}
            </div>
          )}
        </header>

        {ticket.description && (
          <section className="card">
            <p className="prose">{ticket.description}</p>
          </section>
        )}

        {formFields.length > 0 && Object.keys(ticket.customFields).length > 0 && (
          <section className="card" aria-labelledby="form-values">
            <h2 className="section-title" id="form-values">
              {t('ticket.form')}
            </h2>
            <dl className="details">
              {formFields
                .filter((field) => ticket.customFields[field.name] !== undefined)
                .map((field) => {
                  const raw = ticket.customFields[field.name];
                  const options = 'options' in field ? field.options : [];
                  const label = (value: unknown) =>
                    options.find((option) => option.value === String(value))?.label ??
                    String(value);
                  const shown =
                    field.kind === 'date' && typeof raw === 'string'
                      ? formatDate(`${raw}T00:00:00Z`, { language, timeZone: 'UTC' })
                      : Array.isArray(raw)
                        ? raw.map(label).join(', ')
                        : typeof raw === 'boolean'
                          ? raw
                            ? '✓'
                            : '—'
                          : label(raw);
                  return (
                    <div key={field.name} className="details__row">
                      <dt>{field.label}</dt>
                      <dd>{shown}</dd>
                    </div>
                  );
                })}
            </dl>
          </section>
        )}

        {(ticket.status === 'resolved' || ticket.status === 'closed') && (
          <ResolutionCard ticket={ticket} isRequester={isRequester} onRated={onChanged} />
        )}

        <section className="card" aria-labelledby="conversation-title">
          <h2 className="section-title" id="conversation-title">
            {t('ticket.conversation')}
          </h2>
          <Conversation
            comments={comments}
            now={now}
            authorName={(authorId) =>
              authorId === me.id ? t('ticket.you') : t('ticket.serviceDesk')
            }
          />
          {open ? (
            <ReplyForm ticketId={ticket.id} onSent={onChanged} />
          ) : (
            <p className="muted">{t('ticket.closedReplyHint')}</p>
          )}
        </section>
      </div>

      <aside className="ticket-side">
        <section className="card" aria-labelledby="details-title">
          <h2 className="section-title" id="details-title">
            {t('ticket.details')}
          </h2>
          <dl className="details">
            <div className="details__row">
              <dt>{t('ticket.requested')}</dt>
              <dd>{formatDateTime(ticket.createdAt, zone)}</dd>
            </div>
            <div className="details__row">
              <dt>{t('tickets.column.updated')}</dt>
              <dd>{formatDateTime(ticket.updatedAt, zone)}</dd>
            </div>
            <div className="details__row">
              <dt>{t('tickets.column.priority')}</dt>
              <dd>
                <PriorityBadge priority={ticket.priority} />
              </dd>
            </div>
            {clock && (
              <div className="details__row">
                <dt>{t(`sla.target.${clock.target}`)}</dt>
                <dd>
                  <SlaBadge clock={clock} now={now} />
                </dd>
              </div>
            )}
          </dl>
        </section>
        <section className="card" aria-labelledby="attachments-title">
          <h2 className="section-title" id="attachments-title">
            <PaperclipIcon /> {t('ticket.attachments')}
          </h2>
          {attachments.length === 0 ? (
            <p className="muted">{t('ticket.noAttachments')}</p>
          ) : (
            <ul className="attachment-list" role="list">
              {attachments.map((attachment) => (
                <li key={attachment.id}>
                  <AttachmentLink
                    ticketId={ticket.id}
                    attachmentId={attachment.id}
                    fileName={attachment.fileName}
                  />
                  <span className="muted">{formatFileSize(attachment.sizeBytes, language)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </aside>
    </div>
  );
}

/** Downloads go through the API with the bearer token, so a plain link would be refused. */
export function AttachmentLink({
  ticketId,
  attachmentId,
  fileName,
}: {
  ticketId: string;
  attachmentId: string;
  fileName: string;
}) {
  const { api } = useMe();
  const { notify } = useToasts();
  const errorMessage = useErrorMessage();
  async function download() {
    try {
      const response = await api.fetch(
        `/api/v1/tickets/${encodeURIComponent(ticketId)}/attachments/${encodeURIComponent(attachmentId)}`,
      );
      if (!response.ok) throw new Error(response.statusText);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      notify(errorMessage(error), 'error');
    }
  }
  return (
    <button type="button" className="link-button" onClick={() => void download()}>
      {fileName}
    </button>
  );
}

function ReplyForm({ ticketId, onSent }: { ticketId: string; onSent(): void }) {
  const { t } = useI18n();
  const { call } = useMe();
  const { notify } = useToasts();
  const [body, setBody] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const uploads = useAttachmentUploads();
  const hasFiles = uploads.files.some((chosen) => chosen.state !== 'attached');

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!body.trim() && !hasFiles) return;
    setSending(true);
    setFailure(null);
    try {
      if (body.trim()) {
        await call.comment(ticketId, body.trim(), 'public');
        setBody('');
        notify(t('ticket.sent'));
      }
    } catch (error) {
      setFailure(error);
      setSending(false);
      return;
    }
    // The files follow the reply; a refused one stays listed with the reason.
    const { states, attached } = await uploads.uploadTo(ticketId);
    setSending(false);
    if (attached.length > 0) notify(t('attach.sent', { count: attached.length }));
    if (uploadOutcome(states) !== 'partly-failed') uploads.clear();
    onSent();
  }

  return (
    <form className="reply" onSubmit={(event) => void send(event)}>
      {failure !== null && <FormAlert error={failure} />}
      <label className="field__label" htmlFor="reply-body">
        {t('ticket.reply')}
      </label>
      <textarea
        id="reply-body"
        className="input textarea"
        rows={3}
        placeholder={t('ticket.replyPlaceholder')}
        value={body}
        onChange={(event) => setBody(event.target.value)}
      />
      <AttachmentPicker uploads={uploads} disabled={sending} />
      <div className="form-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={sending || (!body.trim() && !hasFiles)}
        >
          {t('ticket.send')}
        </button>
      </div>
    </form>
  );
}

function ResolutionCard({
  ticket,
  isRequester,
  onRated,
}: {
  ticket: Ticket;
  isRequester: boolean;
  onRated(): void;
}) {
  const { t } = useI18n();
  const { call } = useMe();
  const { notify } = useToasts();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);

  async function rate(event: FormEvent) {
    event.preventDefault();
    if (rating < 1) return;
    setSending(true);
    setFailure(null);
    try {
      await call.rate(ticket.id, rating, comment);
      notify(t('ticket.rated'));
      onRated();
    } catch (error) {
      setFailure(error);
      setSending(false);
    }
  }

  return (
    <section className="card card--success" aria-labelledby="resolution-title">
      <h2 className="section-title" id="resolution-title">
        {t('ticket.resolution')}
      </h2>
      {ticket.resolutionNotes && <p className="prose">{ticket.resolutionNotes}</p>}
      {ticket.satisfaction ? (
        <p className="rating-done">
          <StarIcon /> {t('ticket.yourRating', { rating: ticket.satisfaction.rating })}
        </p>
      ) : (
        isRequester && (
          <form className="stack" onSubmit={(event) => void rate(event)}>
            <div>
              <p className="rate-title">{t('ticket.rate')}</p>
              <p className="muted">{t('ticket.rateText')}</p>
            </div>
            {failure !== null && <FormAlert error={failure} />}
            <fieldset className="stars">
              <legend className="visually-hidden">{t('ticket.rating')}</legend>
              {[1, 2, 3, 4, 5].map((value) => (
                <label key={value} className={`star${value <= rating ? ' star--on' : ''}`}>
                  <input
                    type="radio"
                    name="rating"
                    value={value}
                    checked={rating === value}
                    onChange={() => setRating(value)}
                  />
                  <StarIcon width={28} height={28} />
                  <span className="visually-hidden">
                    {t('ticket.ratingStar', { count: value })}
                  </span>
                </label>
              ))}
            </fieldset>
            <div className="field">
              <label className="field__label" htmlFor="rating-comment">
                {t('ticket.ratingComment')}
              </label>
              <textarea
                id="rating-comment"
                className="input textarea"
                rows={2}
                value={comment}
                onChange={(event) => setComment(event.target.value)}
              />
            </div>
            <div className="form-actions">
              <button
                type="submit"
                className="button button--primary"
                disabled={sending || rating < 1}
              >
                {t('ticket.rateSubmit')}
              </button>
            </div>
          </form>
        )
      )}
    </section>
  );
}
