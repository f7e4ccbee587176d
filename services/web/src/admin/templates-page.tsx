import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  LOCALES,
  type Locale,
  type NotificationTemplate,
  type RenderedTemplate,
  type TemplateDraft,
} from '../api/admin-types';
import { ApiError } from '../api/client';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/format';
import { fieldErrorsOf } from '../lib/problem';
import {
  EmptyState,
  ErrorState,
  FormAlert,
  SkeletonRows,
  Spinner,
  useToasts,
} from '../ui/feedback';
import { ArrowLeftIcon } from '../ui/icons';
import { PageHeader } from '../ui/layout';
import { useAsync, useDebounced } from '../ui/use-async';

/** Every template key with the languages it is written in. */
export function TemplatesPage() {
  const { t, zone } = useI18n();
  const { call } = useMe();
  const templates = useAsync(() => call.templates(), [call]);
  const byKey = useMemo(() => {
    const keys = new Map<string, Partial<Record<Locale, NotificationTemplate>>>();
    for (const template of templates.data?.items ?? [])
      keys.set(template.key, { ...keys.get(template.key), [template.locale]: template });
    return [...keys.entries()];
  }, [templates.data]);

  return (
    <>
      <PageHeader title={t('admin.templates.title')} subtitle={t('admin.templates.subtitle')} />
      {templates.status === 'error' && !templates.data ? (
        <ErrorState error={templates.error} onRetry={templates.reload} />
      ) : !templates.data ? (
        <SkeletonRows rows={6} />
      ) : byKey.length === 0 ? (
        <EmptyState title={t('admin.templates.empty')} />
      ) : (
        <div
          className="table-wrap"
          role="region"
          aria-labelledby="templates-table-caption"
          tabIndex={0}
        >
          <table className="data-table">
            <caption id="templates-table-caption" className="visually-hidden">
              {t('admin.templates.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.templates.key')}</th>
                {LOCALES.map((locale) => (
                  <th key={locale} scope="col">
                    {t(`admin.locale.${locale}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {byKey.map(([key, locales]) => (
                <tr key={key}>
                  <th scope="row">
                    <code>{key}</code>
                  </th>
                  {LOCALES.map((locale) => {
                    const template = locales[locale];
                    return (
                      <td key={locale}>
                        {template ? (
                          <Link
                            to={`${encodeURIComponent(key)}/${locale}`}
                            aria-label={t('admin.templates.editOne', {
                              key,
                              language: t(`admin.locale.${locale}`),
                            })}
                            className="data-table__link"
                          >
                            <span className="data-table__primary">{template.subject}</span>
                            <span className="muted small">
                              {t('admin.updated', {
                                when: formatDateTime(template.updatedAt, zone),
                              })}
                            </span>
                          </Link>
                        ) : (
                          <span className="muted">{t('admin.templates.missing')}</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

const PREVIEW_DELAY_MS = 400;
const FIELDS = ['subject', 'bodyText', 'bodyHtml'] as const;

/** One template in one language: its text beside a live rendering with sample data. */
export function TemplateEditorPage() {
  const { key = '', locale: rawLocale = '' } = useParams();
  const { t } = useI18n();
  const { call } = useMe();
  const locale: Locale = rawLocale === 'ru' ? 'ru' : 'en';
  const template = useAsync(() => call.template(key, locale), [call, key, locale]);
  return (
    <>
      <Link className="back-link" to="/admin/templates">
        <ArrowLeftIcon width={16} height={16} />
        {t('admin.templates.title')}
      </Link>
      {template.status === 'error' && !template.data ? (
        <ErrorState error={template.error} onRetry={template.reload} />
      ) : !template.data ? (
        <Spinner />
      ) : (
        <TemplateEditor
          key={`${template.data.key}/${template.data.locale}/${template.data.version}`}
          template={template.data}
          onSaved={template.set}
          onReload={template.reload}
        />
      )}
    </>
  );
}

function TemplateEditor({
  template,
  onSaved,
  onReload,
}: {
  template: NotificationTemplate;
  onSaved(template: NotificationTemplate): void;
  onReload(): void;
}) {
  const { t } = useI18n();
  const { call } = useMe();
  const { notify } = useToasts();
  const [draft, setDraft] = useState<TemplateDraft>({
    subject: template.subject,
    bodyText: template.bodyText,
    bodyHtml: template.bodyHtml,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  const [preview, setPreview] = useState<RenderedTemplate | null>(null);
  const [previewing, setPreviewing] = useState(true);
  const [view, setView] = useState<'html' | 'text'>('html');
  const settled = useDebounced(draft, PREVIEW_DELAY_MS);
  const changed = FIELDS.some((field) => draft[field] !== template[field]);

  useEffect(() => {
    const controller = new AbortController();
    setPreviewing(true);
    call.previewTemplate(template.key, template.locale, settled, controller.signal).then(
      (rendered) => {
        if (controller.signal.aborted) return;
        setPreview(rendered);
        setErrors({});
        setPreviewing(false);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        // The preview checks the draft as saving would: its problems show under their fields.
        if (error instanceof ApiError && error.status === 400)
          setErrors(fieldErrorsOf(error.problem));
        setPreviewing(false);
      },
    );
    return () => controller.abort();
  }, [call, template.key, template.locale, settled]);

  function change(field: (typeof FIELDS)[number], value: string) {
    setDraft((current) => ({ ...current, [field]: value }));
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setFailure(null);
    setConflict(false);
    try {
      const saved = await call.saveTemplate(template, draft);
      notify(t('admin.templates.saved'));
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) setConflict(true);
      else {
        if (error instanceof ApiError) setErrors(fieldErrorsOf(error.problem));
        setFailure(error);
      }
    } finally {
      setSaving(false);
    }
  }

  const language = t(`admin.locale.${template.locale}`);
  return (
    <>
      <PageHeader
        title={template.key}
        subtitle={t('admin.templates.editing', { language })}
        actions={
          <div className="segmented" role="group" aria-label={t('admin.templates.language')}>
            {LOCALES.map((locale) => (
              <Link
                key={locale}
                className="segmented__option"
                aria-current={locale === template.locale ? 'page' : undefined}
                to={`/admin/templates/${encodeURIComponent(template.key)}/${locale}`}
              >
                {t(`admin.locale.${locale}`)}
              </Link>
            ))}
          </div>
        }
      />
      <div className="editor-split">
        <form className="card form-card" noValidate onSubmit={(event) => void save(event)}>
          {conflict && (
            <div className="alert alert--error" role="alert">
              <div>
                {t('admin.conflict')}{' '}
                <button type="button" className="link-button" onClick={onReload}>
                  {t('admin.reload')}
                </button>
              </div>
            </div>
          )}
          {failure !== null && <FormAlert error={failure} />}
          <p className="muted small">{t('admin.templates.variablesHint')}</p>
          {FIELDS.map((field) => {
            const id = `template-${field}`;
            const error = errors[field];
            const common = {
              id,
              className: `input${field === 'subject' ? '' : ' textarea textarea--code'}`,
              value: draft[field],
              'aria-invalid': error ? true : undefined,
              'aria-describedby': error ? `${id}-error` : undefined,
              onChange: (event: { target: { value: string } }) => change(field, event.target.value),
            };
            return (
              <div key={field} className={`field${error ? ' field--invalid' : ''}`}>
                <label className="field__label" htmlFor={id}>
                  {t(`admin.templates.${field}`)}
                </label>
                {field === 'subject' ? (
                  <input {...common} type="text" maxLength={250} />
                ) : (
                  <textarea {...common} rows={field === 'bodyHtml' ? 12 : 8} spellCheck={false} />
                )}
                {error && (
                  <p className="field__error" id={`${id}-error`}>
                    {error}
                  </p>
                )}
              </div>
            );
          })}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={saving || !changed}>
              {saving ? t('admin.saving') : t('admin.save')}
            </button>
            <button
              type="button"
              className="button button--ghost"
              disabled={saving || !changed}
              onClick={() =>
                setDraft({
                  subject: template.subject,
                  bodyText: template.bodyText,
                  bodyHtml: template.bodyHtml,
                })
              }
            >
              {t('admin.revert')}
            </button>
            <span className="muted small">{t('admin.version', { version: template.version })}</span>
          </div>
        </form>

        <section className="card preview" aria-labelledby="preview-title" aria-busy={previewing}>
          <div className="preview__head">
            <h2 className="section-title" id="preview-title">
              {t('admin.templates.preview')}
            </h2>
            <div
              className="segmented"
              role="radiogroup"
              aria-label={t('admin.templates.previewAs')}
            >
              {(['html', 'text'] as const).map((option) => (
                <button
                  key={option}
                  type="button"
                  role="radio"
                  aria-checked={view === option}
                  className="segmented__option"
                  onClick={() => setView(option)}
                >
                  {t(`admin.templates.previewAs.${option}`)}
                </button>
              ))}
            </div>
          </div>
          <p className="muted small">{t('admin.templates.sampleData')}</p>
          {Object.keys(errors).length > 0 && (
            <p className="alert alert--info">{t('admin.templates.previewStale')}</p>
          )}
          {!preview ? (
            <Spinner />
          ) : (
            <>
              <p className="preview__subject" aria-live="polite">
                <span className="muted small">{t('admin.templates.subject')}: </span>
                <strong data-testid="preview-subject">{preview.subject}</strong>
              </p>
              {view === 'html' ? (
                // No scripts and an opaque origin: the HTML cannot reach the app or its tokens.
                <iframe
                  className="preview__frame"
                  title={t('admin.templates.previewFrame')}
                  sandbox=""
                  srcDoc={preview.html}
                />
              ) : (
                <pre className="preview__text">{preview.text}</pre>
              )}
            </>
          )}
        </section>
      </div>
    </>
  );
}
