import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { KnowledgeCategory, KnowledgeSearchHit } from '../api/types';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import type { Language } from '../i18n/language';
import { portalArticlePath } from '../lib/article-link';
import { bilingual } from '../lib/bilingual';
import { formatDate } from '../lib/format';
import {
  categoryTree,
  hasNextPage,
  KNOWLEDGE_PAGE_SIZE,
  KNOWLEDGE_QUERY_MAX_LENGTH,
  type KnowledgeQuery,
  knowledgeSearchParams,
  pageCount,
  readKnowledgeQuery,
  reportProblemLink,
} from '../lib/knowledge';
import { EmptyState, ErrorState, SkeletonRows } from '../ui/feedback';
import { AlertIcon, BookIcon, SearchIcon } from '../ui/icons';
import { PageHeader } from '../ui/layout';
import { useAsync } from '../ui/use-async';
import { Highlighted } from './report-problem-page';

/** The URL of the knowledge base page for a query. */
function pageUrl(query: KnowledgeQuery): string {
  const search = knowledgeSearchParams(query).toString();
  return search ? `/portal/knowledge?${search}` : '/portal/knowledge';
}

export function KnowledgePage() {
  const { t, language } = useI18n();
  const { call } = useMe();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readKnowledgeQuery(params), [params]);
  const [draft, setDraft] = useState(query.q);
  // Back and forward move through searches: the field follows the URL.
  useEffect(() => setDraft(query.q), [query.q]);

  const categories = useAsync(() => call.knowledgeCategories(), [call]);
  const results = useAsync(
    (signal) => call.searchKnowledge({ ...query, pageSize: KNOWLEDGE_PAGE_SIZE }, signal),
    [call, query.q, query.category, query.page],
  );
  const categoryNames = useMemo(
    () =>
      new Map(
        (categories.data?.items ?? []).map((category) => [
          category.id,
          bilingual(category.name, language),
        ]),
      ),
    [categories.data, language],
  );

  function search(event: FormEvent) {
    event.preventDefault();
    setParams(knowledgeSearchParams({ ...query, q: draft, page: 1 }));
  }

  const data = results.data;
  const pages = data ? pageCount(data) : 1;

  return (
    <div className="page">
      <PageHeader title={t('kb.title')} subtitle={t('kb.subtitle')} />
      <form className="toolbar" role="search" onSubmit={search}>
        <div className="search">
          <SearchIcon className="search__icon" />
          <label className="visually-hidden" htmlFor="kb-search">
            {t('kb.search')}
          </label>
          <input
            id="kb-search"
            className="input search__input"
            type="search"
            maxLength={KNOWLEDGE_QUERY_MAX_LENGTH}
            placeholder={t('kb.searchPlaceholder')}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--primary">
          {t('kb.searchSubmit')}
        </button>
        {data && (
          <span className="toolbar__meta" aria-live="polite">
            {data.totalExact
              ? t('kb.count', { count: data.total })
              : t('kb.countAtLeast', { count: data.total })}
          </span>
        )}
      </form>

      <div className="kb-layout">
        {categories.data && categories.data.items.length > 0 && (
          <CategoryNav
            categories={categories.data.items}
            query={query}
            language={language}
            allLabel={t('kb.allCategories')}
            label={t('kb.categories')}
          />
        )}
        <div className="kb-results" aria-busy={results.status === 'loading'}>
          {results.status === 'error' && !data ? (
            <ErrorState error={results.error} onRetry={results.reload} />
          ) : !data ? (
            <SkeletonRows rows={4} />
          ) : data.items.length === 0 ? (
            <EmptyState
              icon={<SearchIcon width={28} height={28} />}
              title={query.q ? t('kb.empty', { query: query.q }) : t('kb.emptyCategory')}
              text={query.q ? t('kb.emptyText') : t('kb.emptyCategoryText')}
              action={
                <Link className="button button--primary" to={reportProblemLink({ title: query.q })}>
                  {t('kb.reportProblem')}
                </Link>
              }
            />
          ) : (
            <>
              <ul className="kb-hits" role="list" aria-label={t('kb.title')}>
                {data.items.map((hit) => (
                  <SearchHitCard
                    key={hit.id}
                    hit={hit}
                    categoryName={hit.categoryId ? categoryNames.get(hit.categoryId) : undefined}
                    from={params.toString()}
                  />
                ))}
              </ul>
              {(data.page > 1 || hasNextPage({ ...data, shown: data.items.length })) && (
                <nav className="pager" aria-label={t('kb.pages')}>
                  {data.page > 1 ? (
                    <Link
                      className="button button--secondary button--small"
                      to={pageUrl({ ...query, page: data.page - 1 })}
                    >
                      ← {t('kb.previous')}
                    </Link>
                  ) : (
                    <span />
                  )}
                  <span className="pager__text" aria-current="page">
                    {data.totalExact
                      ? t('kb.pageOf', { page: data.page, pages })
                      : t('kb.page', { page: data.page })}
                  </span>
                  {hasNextPage({ ...data, shown: data.items.length }) ? (
                    <Link
                      className="button button--secondary button--small"
                      to={pageUrl({ ...query, page: data.page + 1 })}
                    >
                      {t('kb.next')} →
                    </Link>
                  ) : (
                    <span />
                  )}
                </nav>
              )}
              <Link
                className="card card--link card--callout"
                to={reportProblemLink({ title: query.q })}
              >
                <span className="catalog-card__icon catalog-card__icon--warn">
                  <AlertIcon />
                </span>
                <span className="catalog-card__body">
                  <span className="catalog-card__title">{t('kb.stillNeedHelp')}</span>
                  <span className="catalog-card__text">{t('catalog.somethingBrokenText')}</span>
                </span>
                <span className="catalog-card__cta">{t('kb.reportProblem')} →</span>
              </Link>
            </>
          )}
        </div>
      </div>
    </div>
  );
}

function CategoryNav({
  categories,
  query,
  language,
  allLabel,
  label,
}: {
  categories: KnowledgeCategory[];
  query: KnowledgeQuery;
  language: Language;
  allLabel: string;
  label: string;
}) {
  const tree = categoryTree(categories);
  return (
    <nav className="kb-categories" aria-label={label}>
      <h2 className="section-title">{label}</h2>
      <ul className="kb-categories__list" role="list">
        <li>
          <Link
            className="kb-category"
            to={pageUrl({ ...query, category: '', page: 1 })}
            aria-current={query.category === '' ? 'page' : undefined}
          >
            {allLabel}
          </Link>
        </li>
        {tree.map(({ category, depth }) => (
          <li
            key={category.id}
            className={`kb-categories__item kb-categories__item--depth-${Math.min(depth, 3)}`}
          >
            <Link
              className="kb-category"
              to={pageUrl({ ...query, category: category.id, page: 1 })}
              aria-current={query.category === category.id ? 'page' : undefined}
            >
              {bilingual(category.name, language)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SearchHitCard({
  hit,
  categoryName,
  from,
}: {
  hit: KnowledgeSearchHit;
  categoryName: string | undefined;
  /** The search the reader came from, so the article page leads back to it. */
  from: string;
}) {
  const { t, zone } = useI18n();
  const snippets = hit.highlights.slice(0, 2);
  return (
    <li className="card kb-hit">
      <h2 className="kb-hit__title">
        <BookIcon width={16} height={16} />{' '}
        <Link to={portalArticlePath(hit.id)} state={{ from }} lang={hit.language}>
          {hit.titleHighlight ? <Highlighted html={hit.titleHighlight} /> : hit.title}
        </Link>
      </h2>
      <p className="kb-hit__snippet" lang={hit.language}>
        {snippets.length > 0
          ? snippets.map((snippet, index) => (
              <span key={index}>
                {index > 0 && ' … '}
                <Highlighted html={snippet} />
              </span>
            ))
          : hit.excerpt}
      </p>
      <p className="kb-hit__meta">
        {categoryName && <span>{categoryName}</span>}
        {hit.publishedAt && (
          <span>{t('kb.updated', { date: formatDate(hit.publishedAt, zone) })}</span>
        )}
        {hit.outdated && <span className="badge badge--waiting">{t('kb.outdated')}</span>}
      </p>
    </li>
  );
}
