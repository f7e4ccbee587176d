import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import type { KnowledgeArticle } from '../api/types';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { bilingual } from '../lib/bilingual';
import { formatDateTime } from '../lib/format';
import { reportProblemLink } from '../lib/knowledge';
import { EmptyState, ErrorState, FormAlert, Spinner } from '../ui/feedback';
import { AlertIcon, ArrowLeftIcon, BookIcon, CheckIcon } from '../ui/icons';
import { useAsync } from '../ui/use-async';
import { MarkdownView } from './markdown-view';

export function KnowledgeArticlePage() {
  const { articleId = '' } = useParams();
  const { t } = useI18n();
  const { call } = useMe();
  const location = useLocation();
  // Set when the reader came from the knowledge base's list (a search, or a category).
  const from = (location.state as { from?: string } | null)?.from;
  const article = useAsync(() => call.article(articleId), [call, articleId]);
  const counted = useRef<string | null>(null);

  useEffect(() => {
    if (article.status !== 'ready' || counted.current === articleId) return;
    counted.current = articleId;
    call.recordArticleView(articleId, from === undefined ? 'direct' : 'search').catch(() => {
      // Views are counted for authors' reports; the reader reads the article either way.
    });
  }, [article.status, articleId, call, from]);

  const back = from ? `/portal/knowledge?${from}` : '/portal/knowledge';
  const missing =
    article.status === 'error' && article.error instanceof ApiError && article.error.status === 404;

  return (
    <div className="page page--narrow">
      <Link className="back-link" to={back}>
        <ArrowLeftIcon width={16} height={16} />
        {t('kb.back')}
      </Link>
      {missing ? (
        <EmptyState
          icon={<BookIcon width={28} height={28} />}
          title={t('kb.missing')}
          text={t('kb.missingText')}
          action={
            <Link className="button button--primary" to={reportProblemLink({})}>
              {t('kb.reportProblem')}
            </Link>
          }
        />
      ) : article.status === 'error' && !article.data ? (
        <ErrorState error={article.error} onRetry={article.reload} />
      ) : !article.data ? (
        <Spinner />
      ) : (
        <ArticleView article={article.data} />
      )}
    </div>
  );
}

function ArticleView({ article }: { article: KnowledgeArticle }) {
  const { t, zone, language } = useI18n();
  const { call } = useMe();
  const content = article.publishedContent ?? article.content;
  const categories = useAsync(
    () => call.knowledgeCategories().catch(() => ({ items: [] })),
    [call],
  );
  const category = categories.data?.items.find((item) => item.id === content.categoryId);
  const updated = article.publishedAt ?? article.updatedAt;

  return (
    <article className="stack stack--large" lang={article.language}>
      <header className="article-header">
        <h1 className="page-title">{content.title}</h1>
        <p className="article-meta">
          <time dateTime={updated}>{t('kb.updated', { date: formatDateTime(updated, zone) })}</time>
          {category && (
            <span>
              {t('kb.category')}: {bilingual(category.name, language)}
            </span>
          )}
        </p>
        {content.tags.length > 0 && (
          <ul className="tag-list" role="list">
            {content.tags.map((tag) => (
              <li key={tag} className="tag">
                {tag}
              </li>
            ))}
          </ul>
        )}
      </header>
      {article.outdated && (
        <div className="alert alert--info" role="note">
          <AlertIcon />
          <span>{t('kb.outdatedNotice')}</span>
        </div>
      )}
      <section className="card">
        <MarkdownView markdown={content.body} />
      </section>
      <HelpfulVote articleId={article.id} />
      <section className="card card--callout kb-help" aria-labelledby="still-need-help">
        <span className="catalog-card__icon catalog-card__icon--warn">
          <AlertIcon />
        </span>
        <span className="catalog-card__body">
          <h2 className="catalog-card__title" id="still-need-help">
            {t('kb.stillNeedHelp')}
          </h2>
          <span className="catalog-card__text">{t('kb.stillNeedHelpText')}</span>
        </span>
        <Link className="button button--primary" to={reportProblemLink({ articleId: article.id })}>
          {t('kb.reportProblem')}
        </Link>
      </section>
    </article>
  );
}

/** "Was this helpful?": one vote per reader; voting again replaces the vote. */
function HelpfulVote({ articleId }: { articleId: string }) {
  const { t } = useI18n();
  const { call } = useMe();
  const [vote, setVote] = useState<boolean | null>(null);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function send(helpful: boolean) {
    setSending(true);
    setFailure(null);
    try {
      await call.voteArticle(articleId, helpful);
      setVote(helpful);
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  }

  return (
    <section className="card kb-vote" aria-labelledby="helpful-title">
      <h2 className="section-title" id="helpful-title">
        {t('kb.helpful')}
      </h2>
      <div className="button-row" role="group" aria-labelledby="helpful-title">
        {([true, false] as const).map((helpful) => (
          <button
            key={String(helpful)}
            type="button"
            className={`button button--small ${vote === helpful ? 'button--primary' : 'button--secondary'}`}
            aria-pressed={vote === helpful}
            disabled={sending}
            onClick={() => void send(helpful)}
          >
            {helpful ? t('kb.helpfulYes') : t('kb.helpfulNo')}
          </button>
        ))}
      </div>
      <div aria-live="polite">
        {vote !== null && (
          <p className="kb-vote__thanks">
            <CheckIcon width={16} height={16} /> {vote ? t('kb.votedYes') : t('kb.votedNo')}
          </p>
        )}
      </div>
      {failure !== null && <FormAlert error={failure} />}
    </section>
  );
}
