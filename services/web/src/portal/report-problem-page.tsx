import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import type { Level, Suggestions, Ticket } from '../api/types';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { uploadOutcome } from '../lib/attachments';
import { highlightParts } from '../lib/highlight';
import { portalArticlePath } from '../lib/article-link';
import { fieldErrorsOf } from '../lib/problem';
import { FormAlert, useToasts } from '../ui/feedback';
import { AlertIcon, BookIcon, CheckIcon } from '../ui/icons';
import { PageHeader } from '../ui/layout';
import { useAsync, useDebounced } from '../ui/use-async';
import { AttachmentPicker, useAttachmentUploads } from './attachment-picker';

const SUGGEST_AFTER_MS = 300;
const SUGGEST_FROM_CHARACTERS = 3;
const URGENCIES: readonly Level[] = ['high', 'medium', 'low'];

/** Text from the search index with its <mark> highlights, rendered as text and <mark>. */
export function Highlighted({ html }: { html: string }) {
  return (
    <>
      {highlightParts(html).map((part, index) =>
        part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </>
  );
}

type SuggestionState =
  | { status: 'idle' }
  | { status: 'loading'; previous?: Suggestions }
  | { status: 'ready'; suggestions: Suggestions }
  | { status: 'unavailable' };

export function ReportProblemPage() {
  const { t } = useI18n();
  const { call } = useMe();
  const { notify } = useToasts();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Reached from an article that did not help, or from a search that found nothing.
  const articleId = params.get('article') ?? '';
  const [title, setTitle] = useState(() => (params.get('title') ?? '').slice(0, 200));
  const [description, setDescription] = useState('');
  const [urgency, setUrgency] = useState<Level>('medium');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [deflected, setDeflected] = useState(false);
  const [suggestions, setSuggestions] = useState<SuggestionState>({ status: 'idle' });
  const uploads = useAttachmentUploads();
  const [filed, setFiled] = useState<Ticket | null>(null);
  const article = useAsync(
    () => (articleId ? call.article(articleId).catch(() => null) : Promise.resolve(null)),
    [call, articleId],
  );
  const articleTitle = article.data
    ? (article.data.publishedContent ?? article.data.content).title
    : null;
  const query = useDebounced(`${title}\u0000${description}`, SUGGEST_AFTER_MS);

  useEffect(() => {
    const [queryTitle = '', queryDescription = ''] = query.split('\u0000');
    if (queryTitle.trim().length + queryDescription.trim().length < SUGGEST_FROM_CHARACTERS) {
      setSuggestions({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setSuggestions((current) =>
      current.status === 'ready'
        ? { status: 'loading', previous: current.suggestions }
        : { status: 'loading' },
    );
    call.suggestions(queryTitle.trim(), queryDescription.trim(), controller.signal).then(
      (found) => setSuggestions({ status: 'ready', suggestions: found }),
      () => {
        // Suggestions are a help, never a blocker: without them the form still files a ticket.
        if (!controller.signal.aborted) setSuggestions({ status: 'unavailable' });
      },
    );
    return () => controller.abort();
  }, [call, query]);

  async function solvedBy(suggestionId: string, articleId: string) {
    try {
      await call.recordDeflection(suggestionId, articleId);
    } catch {
      // Counting the deflection is for reports; the reader's problem is solved either way.
    }
    setDeflected(true);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (title.trim().length === 0) found['title'] = t('form.problem.required');
    setErrors(found);
    setFailure(null);
    if (found['title']) {
      document.getElementById('report-title')?.focus();
      return;
    }
    setSubmitting(true);
    let ticket = filed;
    try {
      if (!ticket) {
        const context =
          article.data && articleTitle
            ? t('report.articleLine', {
                title: articleTitle,
                url: `${window.location.origin}${portalArticlePath(article.data.id)}`,
              })
            : '';
        ticket = await call.reportIncident({
          title: title.trim(),
          description: [description.trim(), context].filter(Boolean).join('\n\n'),
          urgency,
        });
        setFiled(ticket);
      }
    } catch (error) {
      if (error instanceof ApiError) setErrors(fieldErrorsOf(error.problem));
      setFailure(error);
      setSubmitting(false);
      return;
    }
    // Files go once the ticket exists; a refused file is shown and the ticket stays filed.
    const { states } = await uploads.uploadTo(ticket.id);
    setSubmitting(false);
    if (uploadOutcome(states) === 'partly-failed') return;
    notify(t('report.created', { number: ticket.number }));
    void navigate(`/portal/tickets/${ticket.id}`);
  }

  const shown =
    suggestions.status === 'ready'
      ? suggestions.suggestions
      : suggestions.status === 'loading'
        ? suggestions.previous
        : undefined;

  if (deflected) {
    return (
      <div className="page page--narrow">
        <div className="state state--success" role="status">
          <div className="state__icon">
            <CheckIcon width={28} height={28} />
          </div>
          <h1 className="state__title">{t('report.solvedThanks')}</h1>
        </div>
      </div>
    );
  }

  return (
    <div className="page">
      <PageHeader title={t('report.title')} subtitle={t('report.subtitle')} />
      <div className="split">
        <form className="card form-card" noValidate onSubmit={(event) => void submit(event)}>
          {failure !== null && <FormAlert error={failure} />}
          {filed &&
            uploadOutcome(uploads.files.map((chosen) => chosen.state)) === 'partly-failed' && (
              <div className="alert alert--error" role="alert">
                <AlertIcon />
                <div>
                  {t('report.partlyAttached', { number: filed.number })}{' '}
                  <Link to={`/portal/tickets/${filed.id}`}>{t('report.openTicket')}</Link>
                </div>
              </div>
            )}
          {articleTitle && (
            <div className="alert alert--info" role="note">
              <BookIcon />
              <span>{t('report.aboutArticle', { title: articleTitle })}</span>
            </div>
          )}
          <div className={`field${errors['title'] ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor="report-title">
              {t('report.summary')}
              <span className="field__required" aria-hidden="true">
                {' '}
                *
              </span>
            </label>
            <input
              id="report-title"
              className="input"
              maxLength={200}
              placeholder={t('report.summaryPlaceholder')}
              aria-required="true"
              aria-invalid={errors['title'] ? true : undefined}
              aria-describedby={errors['title'] ? 'report-title-error' : undefined}
              value={title}
              onChange={(event) => setTitle(event.target.value)}
            />
            {errors['title'] && (
              <p className="field__error" id="report-title-error">
                {errors['title']}
              </p>
            )}
          </div>
          <div className="field">
            <label className="field__label" htmlFor="report-description">
              {t('report.description')}
            </label>
            <textarea
              id="report-description"
              className="input textarea"
              rows={6}
              placeholder={t('report.descriptionPlaceholder')}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
            />
          </div>
          <fieldset className="field">
            <legend className="field__label">{t('report.urgency')}</legend>
            <div className="choice-row">
              {URGENCIES.map((level) => (
                <label key={level} className="choice">
                  <input
                    type="radio"
                    name="urgency"
                    value={level}
                    checked={urgency === level}
                    onChange={() => setUrgency(level)}
                  />
                  <span>{t(`report.urgency.${level}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <AttachmentPicker uploads={uploads} disabled={submitting} />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={submitting}>
              {submitting ? t('order.submitting') : t('report.submit')}
            </button>
          </div>
        </form>

        <aside
          className="card suggestions"
          aria-labelledby="suggestions-title"
          aria-busy={suggestions.status === 'loading'}
        >
          <h2 className="section-title" id="suggestions-title">
            <BookIcon /> {t('report.suggestions')}
          </h2>
          <div aria-live="polite">
            {suggestions.status === 'loading' && !shown && (
              <p className="muted">{t('report.suggestionsLoading')}</p>
            )}
            {(suggestions.status === 'idle' || suggestions.status === 'unavailable') && (
              <p className="muted">{t('catalog.somethingBrokenText')}</p>
            )}
            {shown && shown.items.length === 0 && (
              <p className="muted">{t('report.noSuggestions')}</p>
            )}
            {shown && shown.items.length > 0 && (
              <ul className="suggestion-list" role="list">
                {shown.items.map((hit) => (
                  <li key={hit.id} className="suggestion">
                    <p className="suggestion__title">
                      <Highlighted html={hit.titleHighlight ?? escapeText(hit.title)} />
                    </p>
                    <p className="suggestion__text">
                      <Highlighted html={hit.highlights[0] ?? escapeText(hit.excerpt)} />
                    </p>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => void solvedBy(shown.suggestionId, hit.id)}
                    >
                      <CheckIcon width={14} height={14} /> {t('report.solved')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </aside>
      </div>
    </div>
  );
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
