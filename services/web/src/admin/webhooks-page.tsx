import { type FormEvent, type ReactElement, useEffect, useRef, useState } from 'react';
import type { CreatedWebhook, WebhookSubscription } from '../api/admin-types';
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
  useErrorMessage,
  useToasts,
} from '../ui/feedback';
import { PageHeader } from '../ui/layout';
import { useAsync } from '../ui/use-async';

/** Subscriptions that post events to outside systems, signed with a secret shown once. */
export function WebhooksPage() {
  const { t, zone } = useI18n();
  const { call } = useMe();
  const { notify } = useToasts();
  const errorMessage = useErrorMessage();
  const hooks = useAsync(() => call.webhooks(), [call]);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function deactivate(hook: WebhookSubscription) {
    setBusy(hook.id);
    try {
      const saved = await call.updateWebhook(hook, { active: false });
      if (hooks.data)
        hooks.set({ items: hooks.data.items.map((item) => (item.id === saved.id ? saved : item)) });
      notify(t('admin.webhooks.deactivated', { name: hook.name }));
    } catch (error) {
      notify(
        error instanceof ApiError && error.status === 412
          ? t('admin.conflictReloaded')
          : errorMessage(error),
        'error',
      );
      hooks.reload();
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <PageHeader title={t('admin.webhooks.title')} subtitle={t('admin.webhooks.subtitle')} />
      <div className="stack stack--large">
        <NewWebhook
          onCreated={(hook) => {
            setCreated(hook);
            hooks.reload();
          }}
        />
        {created?.secret && (
          <SecretOnce hook={created} secret={created.secret} onDone={() => setCreated(null)} />
        )}
        {hooks.status === 'error' && !hooks.data ? (
          <ErrorState error={hooks.error} onRetry={hooks.reload} />
        ) : !hooks.data ? (
          <SkeletonRows rows={3} />
        ) : hooks.data.items.length === 0 ? (
          <EmptyState title={t('admin.webhooks.empty')} text={t('admin.webhooks.emptyText')} />
        ) : (
          <div
            className="table-wrap"
            role="region"
            aria-labelledby="webhooks-table-caption"
            tabIndex={0}
          >
            <table className="data-table">
              <caption id="webhooks-table-caption" className="visually-hidden">
                {t('admin.webhooks.title')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.name')}</th>
                  <th scope="col">{t('admin.webhooks.url')}</th>
                  <th scope="col">{t('admin.webhooks.events')}</th>
                  <th scope="col">{t('admin.catalog.state')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('agent.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {hooks.data.items.map((hook) => (
                  <tr key={hook.id}>
                    <th scope="row">
                      {hook.name}
                      <span className="muted small data-table__sub">
                        {formatDateTime(hook.createdAt, zone)}
                      </span>
                    </th>
                    <td className="break">
                      <code>{hook.url}</code>
                    </td>
                    <td>
                      {hook.eventTypes.length === 0
                        ? t('admin.webhooks.allEvents')
                        : hook.eventTypes.join(', ')}
                    </td>
                    <td>
                      <span className={`badge ${hook.active ? 'badge--success' : 'badge--muted'}`}>
                        <span className="badge__dot" aria-hidden="true" />
                        {hook.active ? t('admin.active') : t('admin.paused')}
                      </span>
                    </td>
                    <td>
                      {hook.active && (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          disabled={busy === hook.id}
                          aria-label={t('admin.webhooks.deactivateOne', { name: hook.name })}
                          onClick={() => void deactivate(hook)}
                        >
                          {t('admin.webhooks.deactivate')}
                        </button>
                      )}
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

function NewWebhook({ onCreated }: { onCreated(hook: CreatedWebhook): void }) {
  const { t } = useI18n();
  const { call } = useMe();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found['name'] = t('form.problem.required');
    if (!/^https?:\/\/\S+$/i.test(url.trim())) found['url'] = t('admin.webhooks.urlProblem');
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const hook = await call.createWebhook({
        name: name.trim(),
        url: url.trim(),
        eventTypes: events
          .split(/[\s,]+/)
          .map((type) => type.trim())
          .filter(Boolean),
      });
      setName('');
      setUrl('');
      setEvents('');
      onCreated(hook);
    } catch (error) {
      // `eventTypes[2]` is shown under the event types field as a whole.
      if (error instanceof ApiError)
        setErrors(
          Object.fromEntries(
            Object.entries(fieldErrorsOf(error.problem)).map(([name, message]) => [
              name.replace(/\[\d+\]$/, ''),
              message,
            ]),
          ),
        );
      setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  const field = (
    id: 'name' | 'url' | 'eventTypes',
    label: string,
    control: ReactElement,
    help?: string,
  ) => (
    <div className={`field${errors[id] ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={`webhook-${id}`}>
        {label}
      </label>
      {control}
      {help && (
        <p className="field__help" id={`webhook-${id}-help`}>
          {help}
        </p>
      )}
      {errors[id] && (
        <p className="field__error" id={`webhook-${id}-error`}>
          {errors[id]}
        </p>
      )}
    </div>
  );
  const describedBy = (id: string, help = false) =>
    [help ? `webhook-${id}-help` : '', errors[id] ? `webhook-${id}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;

  return (
    <form
      className="card form-card"
      aria-labelledby="new-webhook-title"
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <h2 className="section-title" id="new-webhook-title">
        {t('admin.webhooks.new')}
      </h2>
      {failure !== null && <FormAlert error={failure} />}
      <div className="form-grid">
        {field(
          'name',
          t('admin.name'),
          <input
            id="webhook-name"
            className="input"
            value={name}
            maxLength={200}
            aria-invalid={errors['name'] ? true : undefined}
            aria-describedby={describedBy('name')}
            onChange={(event) => setName(event.target.value)}
          />,
        )}
        {field(
          'url',
          t('admin.webhooks.url'),
          <input
            id="webhook-url"
            className="input"
            type="url"
            inputMode="url"
            placeholder="https://hooks.example.com/itsm"
            value={url}
            aria-invalid={errors['url'] ? true : undefined}
            aria-describedby={describedBy('url')}
            onChange={(event) => setUrl(event.target.value)}
          />,
        )}
      </div>
      {field(
        'eventTypes',
        t('admin.webhooks.events'),
        <input
          id="webhook-eventTypes"
          className="input"
          placeholder="itsm.tickets.v1.ticket.created"
          value={events}
          aria-invalid={errors['eventTypes'] ? true : undefined}
          aria-describedby={describedBy('eventTypes', true)}
          onChange={(event) => setEvents(event.target.value)}
        />,
        t('admin.webhooks.eventsHelp'),
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('admin.saving') : t('admin.webhooks.create')}
        </button>
      </div>
    </form>
  );
}

function SecretOnce({
  hook,
  secret,
  onDone,
}: {
  hook: WebhookSubscription;
  secret: string;
  onDone(): void;
}) {
  const { t } = useI18n();
  const { notify } = useToasts();
  const sectionRef = useRef<HTMLElement>(null);
  // Focus moves to the secret so that it is read out, and it is the next thing to act on.
  useEffect(() => {
    sectionRef.current?.focus();
  }, [secret]);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      notify(t('admin.webhooks.copied'));
    } catch {
      notify(t('admin.webhooks.copyFailed'), 'error');
    }
  }
  return (
    <section
      ref={sectionRef}
      className="card card--success stack"
      aria-labelledby="secret-title"
      tabIndex={-1}
    >
      <h2 className="section-title" id="secret-title">
        {t('admin.webhooks.secretTitle', { name: hook.name })}
      </h2>
      <p className="muted small">{t('admin.webhooks.secretText')}</p>
      <div className="secret">
        <code className="secret__value" aria-label={t('admin.webhooks.secret')}>
          {secret}
        </code>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => void copy()}
        >
          {t('admin.webhooks.copy')}
        </button>
      </div>
      <div>
        <button type="button" className="button button--ghost button--small" onClick={onDone}>
          {t('admin.webhooks.secretDone')}
        </button>
      </div>
    </section>
  );
}
