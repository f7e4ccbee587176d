import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { CatalogItem } from '../api/types';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { bilingual } from '../lib/bilingual';
import {
  formFieldsOf,
  type FormValue,
  type FormValues,
  initialValuesOf,
} from '../lib/json-schema-form';
import { EmptyState, ErrorState, SkeletonRows, Spinner } from '../ui/feedback';
import { ArrowLeftIcon } from '../ui/icons';
import { PageHeader } from '../ui/layout';
import { SchemaFields } from '../ui/schema-form';
import { useAsync } from '../ui/use-async';
import { CatalogItemEditor } from './catalog-item-editor';

function fieldCount(item: CatalogItem): number {
  return Object.keys(item.formSchema.properties ?? {}).length;
}

export function CatalogAdminPage() {
  const { t, language } = useI18n();
  const { call } = useMe();
  const catalog = useAsync(async () => {
    const [services, items] = await Promise.all([call.catalogServices(), call.catalogItems()]);
    return { services: services.items, items: items.items };
  }, [call]);
  const [creating, setCreating] = useState(false);
  const serviceName = (id: string) => {
    const service = catalog.data?.services.find((candidate) => candidate.id === id);
    return service ? bilingual(service.name, language) : '—';
  };

  return (
    <>
      <PageHeader
        title={t('admin.catalog.title')}
        subtitle={t('admin.catalog.subtitle')}
        actions={
          !creating &&
          catalog.data && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => setCreating(true)}
            >
              {t('admin.catalog.newItem')}
            </button>
          )
        }
      />
      <div className="stack stack--large">
        {creating && catalog.data && (
          <CatalogItemEditor services={catalog.data.services} onCancel={() => setCreating(false)} />
        )}
        {catalog.status === 'error' && !catalog.data ? (
          <ErrorState error={catalog.error} onRetry={catalog.reload} />
        ) : !catalog.data ? (
          <SkeletonRows rows={6} />
        ) : catalog.data.items.length === 0 ? (
          <EmptyState title={t('catalog.emptyCatalog')} />
        ) : (
          <div
            className="table-wrap"
            role="region"
            aria-labelledby="catalog-table-caption"
            tabIndex={0}
          >
            <table className="data-table">
              <caption id="catalog-table-caption" className="visually-hidden">
                {t('admin.catalog.title')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.name')}</th>
                  <th scope="col">{t('admin.catalog.service')}</th>
                  <th scope="col">{t('admin.catalog.fields')}</th>
                  <th scope="col">{t('admin.catalog.state')}</th>
                </tr>
              </thead>
              <tbody>
                {catalog.data.items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">
                      <Link to={encodeURIComponent(item.id)}>{bilingual(item.name, language)}</Link>
                    </th>
                    <td>{serviceName(item.serviceId)}</td>
                    <td className="numeric">
                      {t('admin.catalog.fieldCount', { count: fieldCount(item) })}
                    </td>
                    <td>{item.active ? t('admin.active') : t('admin.inactive')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  );
}

/** A catalog item's form as requesters see it, to try without ordering anything. */
export function CatalogItemPreviewPage() {
  const { itemId = '' } = useParams();
  const { t, language } = useI18n();
  const { call } = useMe();
  const item = useAsync(() => call.catalogItem(itemId), [call, itemId]);
  return (
    <>
      <Link className="back-link" to="/admin/catalog">
        <ArrowLeftIcon width={16} height={16} />
        {t('admin.catalog.title')}
      </Link>
      {item.status === 'error' && !item.data ? (
        <ErrorState error={item.error} onRetry={item.reload} />
      ) : !item.data ? (
        <Spinner />
      ) : (
        <>
          <PageHeader
            title={bilingual(item.data.name, language)}
            subtitle={bilingual(item.data.description, language)}
          />
          <div className="editor-split">
            <section className="card form-card" aria-labelledby="form-preview-title">
              <h2 className="section-title" id="form-preview-title">
                {t('admin.catalog.formPreview')}
              </h2>
              <FormPreview item={item.data} />
            </section>
            <section className="card" aria-labelledby="schema-title">
              <h2 className="section-title" id="schema-title">
                {t('admin.catalog.schema')}
              </h2>
              <pre className="preview__text">{JSON.stringify(item.data.formSchema, null, 2)}</pre>
            </section>
          </div>
        </>
      )}
    </>
  );
}

function FormPreview({ item }: { item: CatalogItem }) {
  const { t, language } = useI18n();
  const fields = useMemo(() => formFieldsOf(item.formSchema, language), [item, language]);
  const [values, setValues] = useState<FormValues>(() => initialValuesOf(fields, item.formSchema));
  if (fields.length === 0) return <p className="muted">{t('admin.catalog.noFields')}</p>;
  return (
    <>
      {fieldCount(item) > fields.length && (
        <div className="alert alert--info">{t('form.unsupported')}</div>
      )}
      <SchemaFields
        fields={fields}
        values={values}
        errors={{}}
        onChange={(name: string, value: FormValue) =>
          setValues((current) => ({ ...current, [name]: value }))
        }
        idPrefix="preview"
      />
    </>
  );
}
