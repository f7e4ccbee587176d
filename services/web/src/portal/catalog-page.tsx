import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { CatalogItem, CatalogService } from '../api/types';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { bilingual } from '../lib/bilingual';
import { EmptyState, ErrorState, SkeletonRows } from '../ui/feedback';
import { AlertIcon, BoxIcon, SearchIcon } from '../ui/icons';
import { PageHeader } from '../ui/layout';
import { useAsync } from '../ui/use-async';

interface ServiceGroup {
  service: CatalogService | undefined;
  items: CatalogItem[];
}

function matches(item: CatalogItem, words: string[]): boolean {
  const text = `${item.name} ${item.description}`.toLowerCase();
  return words.every((word) => text.includes(word));
}

export function CatalogPage() {
  const { t, language } = useI18n();
  const { call } = useMe();
  const [query, setQuery] = useState('');
  const catalog = useAsync(async () => {
    const [services, items] = await Promise.all([call.catalogServices(), call.catalogItems()]);
    return { services: services.items, items: items.items.filter((item) => item.active) };
  }, [call]);

  const groups = useMemo<ServiceGroup[]>(() => {
    if (!catalog.data) return [];
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const byService = new Map<string, CatalogItem[]>();
    for (const item of catalog.data.items) {
      if (!matches(item, words)) continue;
      byService.set(item.serviceId, [...(byService.get(item.serviceId) ?? []), item]);
    }
    return [...byService.entries()]
      .map(([serviceId, items]) => ({
        service: catalog.data?.services.find((service) => service.id === serviceId),
        items,
      }))
      .sort((a, b) =>
        bilingual(a.service?.name ?? '', language).localeCompare(
          bilingual(b.service?.name ?? '', language),
          language,
        ),
      );
  }, [catalog.data, query, language]);

  const shown = groups.reduce((sum, group) => sum + group.items.length, 0);

  return (
    <div className="page">
      <PageHeader title={t('catalog.title')} subtitle={t('catalog.subtitle')} />
      <div className="toolbar">
        <div className="search">
          <SearchIcon className="search__icon" />
          <label className="visually-hidden" htmlFor="catalog-search">
            {t('catalog.search')}
          </label>
          <input
            id="catalog-search"
            className="input search__input"
            type="search"
            placeholder={t('catalog.searchPlaceholder')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
        {catalog.data && (
          <span className="toolbar__meta" aria-live="polite">
            {t('catalog.count', { count: shown })}
          </span>
        )}
      </div>

      {catalog.status === 'error' && !catalog.data ? (
        <ErrorState error={catalog.error} onRetry={catalog.reload} />
      ) : !catalog.data ? (
        <SkeletonRows rows={4} />
      ) : catalog.data.items.length === 0 ? (
        <EmptyState
          title={t('catalog.emptyCatalog')}
          text={t('catalog.emptyCatalogText')}
          action={
            <Link className="button button--primary" to="/portal/report">
              {t('catalog.reportInstead')}
            </Link>
          }
        />
      ) : shown === 0 ? (
        <EmptyState
          icon={<SearchIcon width={28} height={28} />}
          title={t('catalog.empty', { query })}
          text={t('catalog.emptyText')}
          action={
            <Link className="button button--secondary" to="/portal/report">
              {t('catalog.reportInstead')}
            </Link>
          }
        />
      ) : (
        <div className="stack stack--large">
          {groups.map((group) => (
            <section key={group.service?.id ?? 'other'} className="catalog-group">
              <h2 className="section-title">
                {group.service
                  ? bilingual(group.service.name, language)
                  : t('catalog.otherService')}
              </h2>
              <ul className="card-grid" role="list">
                {group.items.map((item) => (
                  <li key={item.id}>
                    <Link
                      className="card card--link catalog-card"
                      to={`/portal/catalog/${item.id}`}
                    >
                      <span className="catalog-card__icon">
                        <BoxIcon />
                      </span>
                      <span className="catalog-card__body">
                        <span className="catalog-card__title">
                          {bilingual(item.name, language)}
                        </span>
                        <span className="catalog-card__text">
                          {bilingual(item.description, language)}
                        </span>
                      </span>
                      <span className="catalog-card__cta">{t('catalog.order')} →</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <Link className="card card--link card--callout" to="/portal/report">
            <span className="catalog-card__icon catalog-card__icon--warn">
              <AlertIcon />
            </span>
            <span className="catalog-card__body">
              <span className="catalog-card__title">{t('catalog.somethingBroken')}</span>
              <span className="catalog-card__text">{t('catalog.somethingBrokenText')}</span>
            </span>
            <span className="catalog-card__cta">{t('nav.report')} →</span>
          </Link>
        </div>
      )}
    </div>
  );
}
