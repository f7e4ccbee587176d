import { type FormEvent, type ReactElement, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client';
import type { CatalogCategory as Category } from '../api/admin-types';
import type { CatalogItem, CatalogService } from '../api/types';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { bilingual } from '../lib/bilingual';
import {
  itemDraftOf,
  itemUpdateOf,
  newItemDraft,
  newItemOf,
  parseSchemaDraft,
  type SchemaDraft,
  starterSchemaText,
} from '../lib/catalog-form-draft';
import {
  type FormValue,
  type FormValues,
  formFieldsOf,
  initialValuesOf,
  type JsonSchema,
} from '../lib/json-schema-form';
import { fieldErrorsOf } from '../lib/problem';
import { FormAlert, StaleVersionAlert, useToasts } from '../ui/feedback';
import { SchemaFields } from '../ui/schema-form';
import { useAsync } from '../ui/use-async';

const NEW_SERVICE = 'new';

type FieldId =
  'serviceId' | 'serviceName' | 'defaultCategoryId' | 'name' | 'description' | 'formSchema';

/** The editor's field a problem+json error is about: a new service's name is under its own. */
function fieldOfProblem(field: string, creatingService: boolean): FieldId | undefined {
  const root = field.split(/[./[]/)[0] ?? '';
  if (creatingService) return root === 'name' ? 'serviceName' : undefined;
  if (root === 'serviceId' || root === 'defaultCategoryId') return root;
  if (root === 'name' || root === 'description' || root === 'formSchema') return root;
  return undefined;
}

/**
 * A catalog item with its request form, written as JSON Schema and previewed with the
 * portal's own renderer: a new one, or `item` as loaded. A change is saved under the version
 * that was loaded; when someone else saved in between, `onReload` brings their version in.
 */
export function CatalogItemEditor({
  services,
  item,
  onCancel,
  onSaved,
  onReload,
}: {
  services: readonly CatalogService[];
  item?: CatalogItem;
  onCancel(): void;
  onSaved?(item: CatalogItem): void;
  onReload?(): void;
}) {
  const { t, language } = useI18n();
  const { call } = useMe();
  const { notify } = useToasts();
  const navigate = useNavigate();
  const categories = useAsync(() => call.catalogCategories(), [call]);
  const [initial] = useState(() =>
    item ? itemDraftOf(item) : newItemDraft(services[0]?.id ?? NEW_SERVICE),
  );
  const [serviceId, setServiceId] = useState(initial.serviceId);
  const [serviceName, setServiceName] = useState('');
  const [categoryId, setCategoryId] = useState(initial.categoryId);
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [schemaText, setSchemaText] = useState(initial.schemaText);
  const [errors, setErrors] = useState<Partial<Record<FieldId, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const [saving, setSaving] = useState(false);
  // A service made here stays made when the item is then refused: the retry uses it.
  const [createdService, setCreatedService] = useState<CatalogService | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const draft = useMemo(() => parseSchemaDraft(schemaText), [schemaText]);
  // The preview keeps the last valid form while the text is being fixed.
  const [previewSchema, setPreviewSchema] = useState<JsonSchema | null>(null);
  useEffect(() => {
    if (draft.kind === 'ok') setPreviewSchema(draft.schema);
  }, [draft]);
  const schemaProblem = draftProblem(draft, t);
  const creatingService = serviceId === NEW_SERVICE && !createdService;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Partial<Record<FieldId, string>> = {};
    if (creatingService && !serviceName.trim()) found.serviceName = t('form.problem.required');
    if (!name.trim()) found.name = t('form.problem.required');
    if (schemaProblem) found.formSchema = schemaProblem;
    setErrors(found);
    setFailure(null);
    setStale(false);
    if (Object.keys(found).length > 0 || draft.kind !== 'ok') return;
    setSaving(true);
    let step: 'service' | 'item' = 'item';
    try {
      let service = serviceId === NEW_SERVICE ? createdService : null;
      if (serviceId === NEW_SERVICE && !service) {
        step = 'service';
        service = await call.createCatalogService(serviceName.trim());
        setCreatedService(service);
        step = 'item';
      }
      const body = newItemOf(
        { serviceId: service?.id ?? serviceId, categoryId, name, description },
        draft.schema,
      );
      if (item) {
        const saved = await call.updateCatalogItem(item, itemUpdateOf(item, body));
        notify(t('admin.catalog.saved', { name: bilingual(saved.name, language) }));
        onSaved?.(saved);
        return;
      }
      const created = await call.createCatalogItem(body);
      notify(t('admin.catalog.created', { name: bilingual(created.name, language) }));
      void navigate(`/admin/catalog/${encodeURIComponent(created.id)}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setStale(true);
        return;
      }
      if (error instanceof ApiError) {
        const mapped: Partial<Record<FieldId, string>> = {};
        for (const [field, message] of Object.entries(fieldErrorsOf(error.problem))) {
          const id = fieldOfProblem(field, step === 'service');
          if (id) mapped[id] ??= message;
        }
        setErrors(mapped);
      }
      setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  const describedBy = (id: FieldId, help = false) =>
    [help ? `item-${id}-help` : '', errors[id] ? `item-${id}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  const field = (id: FieldId, label: string, control: ReactElement, help?: string) => (
    <div className={`field${errors[id] ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={`item-${id}`}>
        {label}
      </label>
      {control}
      {help && (
        <p className="field__help" id={`item-${id}-help`}>
          {help}
        </p>
      )}
      {errors[id] && (
        <p className="field__error" id={`item-${id}-error`}>
          {errors[id]}
        </p>
      )}
    </div>
  );

  return (
    <form
      className="card form-card stack"
      aria-labelledby="new-item-title"
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <h2 className="section-title" id="new-item-title" ref={headingRef} tabIndex={-1}>
        {item
          ? t('admin.catalog.editItem', { name: bilingual(item.name, language) })
          : t('admin.catalog.newItem')}
      </h2>
      <p className="muted small">
        {item ? t('admin.catalog.editHelp') : t('admin.catalog.newHelp')}
      </p>
      {stale && (
        <StaleVersionAlert
          message={t('admin.catalog.stale')}
          reloadLabel={t('admin.catalog.reload')}
          onReload={() => {
            setStale(false);
            onReload?.();
          }}
        />
      )}
      {failure !== null && <FormAlert error={failure} />}
      <div className="form-grid">
        {field(
          'serviceId',
          t('admin.catalog.service'),
          <select
            id="item-serviceId"
            className="input"
            value={createdService ? NEW_SERVICE : serviceId}
            disabled={createdService !== null}
            aria-invalid={errors.serviceId ? true : undefined}
            aria-describedby={describedBy('serviceId')}
            onChange={(event) => setServiceId(event.target.value)}
          >
            {services.map((service) => (
              <option key={service.id} value={service.id}>
                {bilingual(service.name, language)}
              </option>
            ))}
            <option value={NEW_SERVICE}>
              {createdService
                ? bilingual(createdService.name, language)
                : t('admin.catalog.newService')}
            </option>
          </select>,
        )}
        {creatingService &&
          field(
            'serviceName',
            t('admin.catalog.newServiceName'),
            <input
              id="item-serviceName"
              className="input"
              value={serviceName}
              maxLength={200}
              aria-invalid={errors.serviceName ? true : undefined}
              aria-describedby={describedBy('serviceName')}
              onChange={(event) => setServiceName(event.target.value)}
            />,
          )}
        {field(
          'defaultCategoryId',
          t('admin.catalog.category'),
          <select
            id="item-defaultCategoryId"
            className="input"
            value={categoryId}
            disabled={!categories.data}
            aria-invalid={errors.defaultCategoryId ? true : undefined}
            aria-describedby={describedBy('defaultCategoryId')}
            onChange={(event) => setCategoryId(event.target.value)}
          >
            <option value="">{t('admin.catalog.noCategory')}</option>
            {(categories.data?.items ?? []).map((category) => (
              <option key={category.id} value={category.id}>
                {categoryPath(category, categories.data?.items ?? [], language)}
              </option>
            ))}
          </select>,
        )}
      </div>
      {field(
        'name',
        t('admin.catalog.itemName'),
        <input
          id="item-name"
          className="input"
          value={name}
          maxLength={200}
          placeholder="Новый ноутбук / New laptop"
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describedBy('name', true)}
          onChange={(event) => setName(event.target.value)}
        />,
        t('admin.catalog.bilingualHelp'),
      )}
      {field(
        'description',
        t('admin.catalog.description'),
        <textarea
          id="item-description"
          className="textarea"
          rows={3}
          value={description}
          maxLength={20000}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={describedBy('description')}
          onChange={(event) => setDescription(event.target.value)}
        />,
      )}
      <div className="editor-split">
        <div className="stack">
          <div className={`field${errors.formSchema || schemaProblem ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor="item-formSchema">
              {t('admin.catalog.schema')}
            </label>
            <textarea
              id="item-formSchema"
              className="textarea textarea--code"
              rows={18}
              spellCheck={false}
              autoCapitalize="off"
              autoCorrect="off"
              value={schemaText}
              aria-invalid={schemaProblem || errors.formSchema ? true : undefined}
              aria-describedby={[
                'item-formSchema-help',
                schemaProblem || errors.formSchema ? 'item-formSchema-error' : '',
              ]
                .filter(Boolean)
                .join(' ')}
              onChange={(event) => {
                setSchemaText(event.target.value);
                setErrors(({ formSchema: _stale, ...rest }) => rest);
                setFailure(null);
              }}
            />
            <p className="field__help" id="item-formSchema-help">
              {t('admin.catalog.schemaHelp')}
            </p>
            {(schemaProblem ?? errors.formSchema) && (
              <p className="field__error" id="item-formSchema-error">
                {schemaProblem ?? errors.formSchema}
              </p>
            )}
          </div>
          <div>
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => setSchemaText(starterSchemaText())}
            >
              {t('admin.catalog.starter')}
            </button>
          </div>
        </div>
        <section className="card" aria-labelledby="new-item-preview-title">
          <h3 className="section-title" id="new-item-preview-title">
            {t('admin.catalog.formPreview')}
          </h3>
          {draft.kind !== 'ok' && previewSchema && (
            <div className="alert alert--info">{t('admin.catalog.previewStale')}</div>
          )}
          {previewSchema && <DraftPreview schema={previewSchema} />}
        </section>
      </div>
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('admin.catalog.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('admin.saving') : item ? t('admin.catalog.save') : t('admin.catalog.create')}
        </button>
      </div>
    </form>
  );
}

function draftProblem(draft: SchemaDraft, t: ReturnType<typeof useI18n>['t']): string | undefined {
  switch (draft.kind) {
    case 'ok':
      return undefined;
    case 'empty':
      return t('admin.catalog.emptySchema');
    case 'not-object':
      return t('admin.catalog.notObject');
    case 'syntax':
      return t('admin.catalog.syntaxError', {
        line: draft.position.line,
        column: draft.position.column,
      });
  }
}

/** A category with its parents, "Hardware › Printers", for a flat list to tell apart. */
function categoryPath(
  category: Category,
  all: readonly Category[],
  language: ReturnType<typeof useI18n>['language'],
): string {
  const names: string[] = [];
  let current: Category | undefined = category;
  for (let depth = 0; current && depth < 10; depth++) {
    names.unshift(bilingual(current.name, language));
    const parentId: string | null = current.parentId;
    current = parentId ? all.find((candidate) => candidate.id === parentId) : undefined;
  }
  return names.join(' › ');
}

/** The draft form as requesters will see it; values typed here are not kept anywhere. */
function DraftPreview({ schema }: { schema: JsonSchema }) {
  const { t, language } = useI18n();
  const fields = useMemo(() => formFieldsOf(schema, language), [schema, language]);
  const [values, setValues] = useState<FormValues>({});
  useEffect(() => {
    // What was typed stays while its field keeps its kind; a changed field starts afresh.
    setValues((current) => {
      const next = initialValuesOf(fields, schema);
      for (const [fieldName, value] of Object.entries(current)) {
        const initial = next[fieldName];
        if (
          initial !== undefined &&
          Array.isArray(initial) === Array.isArray(value) &&
          typeof initial === typeof value
        ) {
          next[fieldName] = value;
        }
      }
      return next;
    });
  }, [fields, schema]);
  if (fields.length === 0) return <p className="muted">{t('admin.catalog.noFields')}</p>;
  return (
    <>
      {Object.keys(schema.properties ?? {}).length > fields.length && (
        <div className="alert alert--info">{t('form.unsupported')}</div>
      )}
      <SchemaFields
        fields={fields}
        values={values}
        errors={{}}
        onChange={(fieldName: string, value: FormValue) =>
          setValues((current) => ({ ...current, [fieldName]: value }))
        }
        idPrefix="draft"
      />
    </>
  );
}
