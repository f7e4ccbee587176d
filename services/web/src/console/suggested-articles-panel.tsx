import { useEffect, useRef, useState } from 'react';
import type { ArticleSuggestions, TicketArticleLink } from '../api/console-types';
import type { Ticket } from '../api/types';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { formatDate } from '../lib/format';
import { Highlighted } from '../portal/report-problem-page';
import { ErrorState, Spinner } from '../ui/feedback';
import { BookIcon, XIcon } from '../ui/icons';
import { useAsync } from '../ui/use-async';

/** Who reads internal articles and working copies: agents with the knowledge base's agent view. */
const AGENT_VIEW_PERMISSION = 'knowledge.read_internal';

export interface ArticleReference {
  id: string;
  title: string;
}

interface SuggestionsBundle {
  suggestions: ArticleSuggestions | null;
  solvedWith: TicketArticleLink[];
}

/**
 * Knowledge articles that match the ticket's title and description, best first, and the ones
 * already linked to it as "solved with". An article opens beside the list; its link goes into
 * the public reply for the requester to follow in the portal.
 */
export function SuggestedArticlesPanel({
  ticket,
  onInsertLink,
}: {
  ticket: Ticket;
  onInsertLink(article: ArticleReference): void;
}) {
  const { t } = useI18n();
  const { me, call } = useMe();
  const agentView = me.permissions.includes(AGENT_VIEW_PERMISSION);
  const [reading, setReading] = useState<string | null>(null);
  const textKey = `${ticket.title}\n${ticket.description}`;

  const found = useAsync<SuggestionsBundle>(async () => {
    const [suggestions, solvedWith] = await Promise.all([
      call.ticketSuggestions(ticket, agentView).catch(() => null),
      call.ticketArticles(ticket.id).then(
        (page) => page.items,
        () => [],
      ),
    ]);
    return { suggestions, solvedWith };
    // Suggestions follow the words of the ticket, not each of its changes.
  }, [call, ticket.id, textKey, agentView]);

  const hits = found.data?.suggestions?.items ?? [];
  const solvedWith = (found.data?.solvedWith ?? []).filter(
    (link) => !hits.some((hit) => hit.id === link.articleId),
  );

  return (
    <section className="card kb-panel" aria-labelledby="kb-title">
      <h2 className="section-title" id="kb-title">
        <BookIcon /> {t('agentKb.suggested')}
      </h2>
      {!found.data ? (
        <Spinner />
      ) : (
        <>
          {found.data.suggestions === null && (
            <p className="muted small">{t('agentKb.unavailable')}</p>
          )}
          {found.data.suggestions && hits.length === 0 && (
            <p className="muted small">{t('agentKb.none')}</p>
          )}
          {hits.length > 0 && (
            <ul className="suggestion-list" role="list" aria-labelledby="kb-title">
              {hits.map((hit) => (
                <li key={hit.id} className="suggestion">
                  <p className="suggestion__title">
                    <Highlighted html={hit.titleHighlight ?? escapeText(hit.title)} />
                  </p>
                  <p className="suggestion__text">
                    <Highlighted html={hit.highlights[0] ?? escapeText(hit.excerpt)} />
                  </p>
                  {(hit.audience === 'internal' || hit.outdated) && (
                    <p className="kb-flags">
                      {hit.audience === 'internal' && (
                        <span className="tag tag--internal" title={t('agentKb.internalHint')}>
                          {t('agentKb.internal')}
                        </span>
                      )}
                      {hit.outdated && <span className="tag">{t('agentKb.outdated')}</span>}
                    </p>
                  )}
                  <div className="button-row">
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={t('agentKb.readTitle', { title: hit.title })}
                      aria-expanded={reading === hit.id}
                      onClick={() => setReading(reading === hit.id ? null : hit.id)}
                    >
                      {t('agentKb.read')}
                    </button>
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      aria-label={t('agentKb.insertLinkTitle', { title: hit.title })}
                      onClick={() => onInsertLink({ id: hit.id, title: hit.title })}
                    >
                      {t('agentKb.insertLink')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {solvedWith.length > 0 && (
            <>
              <h3 className="kb-panel__subtitle">{t('agentKb.solvedWith')}</h3>
              <ul className="kb-links" role="list">
                {solvedWith.map((link) => (
                  <li key={link.articleId}>
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={reading === link.articleId}
                      onClick={() => setReading(reading === link.articleId ? null : link.articleId)}
                    >
                      {link.articleTitle}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {reading && (
        <ArticleReader
          articleId={reading}
          agentView={agentView}
          onClose={() => setReading(null)}
          onInsertLink={onInsertLink}
        />
      )}
    </section>
  );
}

/** One article, read beside the ticket: the live version as the requester would see it. */
function ArticleReader({
  articleId,
  agentView,
  onClose,
  onInsertLink,
}: {
  articleId: string;
  agentView: boolean;
  onClose(): void;
  onInsertLink(article: ArticleReference): void;
}) {
  const { t, zone } = useI18n();
  const { call } = useMe();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const article = useAsync(() => call.article(articleId, agentView), [call, articleId, agentView]);
  const content = article.data ? (article.data.publishedContent ?? article.data.content) : null;

  useEffect(() => {
    if (content) headingRef.current?.focus();
  }, [content]);

  return (
    <section
      className="panel kb-reader"
      aria-labelledby="kb-reader-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      {article.status === 'error' && !article.data ? (
        <ErrorState error={article.error} onRetry={article.reload} />
      ) : !article.data || !content ? (
        <Spinner />
      ) : (
        <>
          <div className="kb-reader__head">
            <h3 className="kb-reader__title" id="kb-reader-title" tabIndex={-1} ref={headingRef}>
              {content.title}
            </h3>
            <button
              type="button"
              className="icon-button"
              aria-label={t('agentKb.close')}
              title={t('agentKb.close')}
              onClick={onClose}
            >
              <XIcon width={16} height={16} />
            </button>
          </div>
          {article.data.publishedAt && (
            <p className="muted small">
              {t('agentKb.published', { when: formatDate(article.data.publishedAt, zone) })}
            </p>
          )}
          <div className="kb-reader__body prose">{content.body}</div>
          <div className="button-row">
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => onInsertLink({ id: articleId, title: content.title })}
            >
              {t('agentKb.insertLink')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
