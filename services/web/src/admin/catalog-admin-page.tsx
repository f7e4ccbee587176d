import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import type { CatalogItem } from '../api/types';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { bilingual } from '../lib/bilingual';
import { itemUpdateOf } from '../lib/catalog-form-draft';
import {
  formFieldsOf,
  type FormValue,
  type FormValues,
  initialValuesOf,
} from '../lib/json-schema-form';
import {
  EmptyState,
  ErrorState,
  FormAlert,
  SkeletonRows,
  Spinner,
  StaleVersionAlert,
  useToasts,
} from '../ui/feedback';
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
    const [services, items] = await Promise.all([call.catalogServices(), call.allCatalogItems()]);
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
                    <td>
                      <span className={`badge ${item.active ? 'badge--success' : 'badge--muted'}`}>
                        <span className="badge__dot" aria-hidden="true" />
                        {item.active ? t('admin.catalog.offered') : t('admin.catalog.retired')}
                      </span>
                    </td>
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

type ItemMode = 'view' | 'edit' | 'retire';

/**
 * A catalog item's form as requesters see it, to try without ordering anything; from here it
 * is edited, retired from the portal and offered again.
 */
export function CatalogItemPreviewPage() {
  const { itemId = '' } = useParams();
  const { t, language } = useI18n();
  const { call } = useMe();
  const { notify } = useToasts();
  const item = useAsync(() => call.catalogItem(itemId), [call, itemId]);
  const services = useAsync(() => call.catalogServices(), [call]);
  const [mode, setMode] = useState<ItemMode>('view');
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // Where focus goes when an editor or a confirmation closes: back to the page's actions.
  const editRef = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);
  useEffect(() => {
    if (!returnFocus || mode !== 'view') return;
    editRef.current?.focus();
    setReturnFocus(false);
  }, [returnFocus, mode]);

  function close() {
    setMode('view');
    setReturnFocus(true);
  }

  async function offer(current: CatalogItem, active: boolean) {
    setBusy(true);
    setFailure(null);
    setStale(false);
    try {
      const saved = await call.updateCatalogItem(current, itemUpdateOf(current, undefined, active));
      item.set(saved);
      const name = bilingual(saved.name, language);
      notify(t(active ? 'admin.catalog.offeredAgain' : 'admin.catalog.retiredDone', { name }));
      close();
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) setStale(true);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const data = item.data;
  return (
    <>
      <Link className="back-link" to="/admin/catalog">
        <ArrowLeftIcon width={16} height={16} />
        {t('admin.catalog.title')}
      </Link>
      {item.status === 'error' && !data ? (
        <ErrorState error={item.error} onRetry={item.reload} />
      ) : !data ? (
        <Spinner />
      ) : (
        <>
          <PageHeader
            title={bilingual(data.name, language)}
            subtitle={bilingual(data.description, language)}
            actions={
              mode === 'view' && (
                <>
                  <button
                    ref={editRef}
                    type="button"
                    className="button button--primary"
                    disabled={!services.data}
                    onClick={() => {
                      setStale(false);
                      setFailure(null);
                      setMode('edit');
                    }}
                  >
                    {t('admin.catalog.edit')}
                  </button>
                  {data.active ? (
                    <button
                      type="button"
                      className="button button--danger"
                      onClick={() => {
                        setStale(false);
                        setFailure(null);
                        setMode('retire');
                      }}
                    >
                      {t('admin.catalog.retire')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={busy}
                      onClick={() => void offer(data, true)}
                    >
                      {t('admin.catalog.offerAgain')}
                    </button>
                  )}
                </>
              )
            }
          />
          <div className="stack stack--large">
            {!data.active && (
              <div className="alert alert--info" data-testid="catalog-item-state">
                <div>
                  <span className="badge badge--muted">
                    <span className="badge__dot" aria-hidden="true" />
                    {t('admin.catalog.retired')}
                  </span>{' '}
                  {t('admin.catalog.retiredText')}
                </div>
              </div>
            )}
            {stale && (
              <StaleVersionAlert
                message={t('admin.catalog.stale')}
                reloadLabel={t('admin.catalog.reload')}
                onReload={() => {
                  setStale(false);
                  item.reload();
                }}
              />
            )}
            {failure !== null && <FormAlert error={failure} />}
            {mode === 'retire' && (
              <RetireConfirmation
                name={bilingual(data.name, language)}
                busy={busy}
                onConfirm={() => void offer(data, false)}
                onCancel={close}
              />
            )}
            {mode === 'edit' && services.data ? (
              <CatalogItemEditor
                // A reloaded version starts the editor afresh from what is now stored.
                key={`${data.id}/${data.version}`}
                services={services.data.items}
                item={data}
                onCancel={close}
                onSaved={(saved) => {
                  item.set(saved);
                  close();
                }}
                onReload={item.reload}
              />
            ) : (
              <div className="editor-split">
                <section className="card form-card" aria-labelledby="form-preview-title">
                  <h2 className="section-title" id="form-preview-title">
                    {t('admin.catalog.formPreview')}
                  </h2>
                  <FormPreview key={data.version} item={data} />
                </section>
                <section className="card" aria-labelledby="schema-title">
                  <h2 className="section-title" id="schema-title">
                    {t('admin.catalog.schema')}
                  </h2>
                  <pre className="preview__text">{JSON.stringify(data.formSchema, null, 2)}</pre>
                </section>
              </div>
            )}
          </div>
        </>
      )}
    </>
  );
}

/** Asks before an item leaves the portal; focus starts on "Cancel", the harmless choice. */
function RetireConfirmation({
  name,
  busy,
  onConfirm,
  onCancel,
}: {
  name: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancelRef.current?.focus();
  }, []);
  return (
    <div
      className="panel"
      role="alertdialog"
      aria-labelledby="retire-item-title"
      aria-describedby="retire-item-text"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2 className="section-title" id="retire-item-title">
        {t('admin.catalog.retireTitle', { name })}
      </h2>
      <p id="retire-item-text" className="muted">
        {t('admin.catalog.retireText')}
      </p>
      <div className="form-actions">
        <button type="button" className="button button--danger" disabled={busy} onClick={onConfirm}>
          {busy ? t('admin.saving') : t('admin.catalog.retireConfirm')}
        </button>
        <button ref={cancelRef} type="button" className="button button--ghost" onClick={onCancel}>
          {t('admin.catalog.cancel')}
        </button>
      </div>
    </div>
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
