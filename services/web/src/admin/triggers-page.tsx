import { useState } from 'react';
import {
  AUDIENCES,
  type Audience,
  CHANNELS,
  type Channel,
  type NotificationTrigger,
} from '../api/admin-types';
import { ApiError } from '../api/client';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { EmptyState, ErrorState, SkeletonRows, useErrorMessage, useToasts } from '../ui/feedback';
import { PageHeader } from '../ui/layout';
import { useAsync } from '../ui/use-async';

/** Which events notify whom, through which channels; each change is saved at once. */
export function TriggersPage() {
  const { t } = useI18n();
  const { call } = useMe();
  const { notify } = useToasts();
  const errorMessage = useErrorMessage();
  const triggers = useAsync(() => call.triggers(), [call]);
  const [busy, setBusy] = useState<string | null>(null);

  async function update(
    trigger: NotificationTrigger,
    changes: Partial<Pick<NotificationTrigger, 'enabled' | 'audiences' | 'channels'>>,
  ) {
    setBusy(trigger.key);
    try {
      const saved = await call.updateTrigger(trigger, changes);
      if (triggers.data)
        triggers.set({
          items: triggers.data.items.map((item) => (item.key === saved.key ? saved : item)),
        });
      notify(t('admin.triggers.saved', { key: trigger.key }));
    } catch (error) {
      notify(
        error instanceof ApiError && error.status === 412
          ? t('admin.conflictReloaded')
          : errorMessage(error),
        'error',
      );
      triggers.reload();
    } finally {
      setBusy(null);
    }
  }

  function toggle<T extends string>(list: readonly T[], value: T, on: boolean): T[] {
    return on ? [...list, value] : list.filter((item) => item !== value);
  }

  return (
    <>
      <PageHeader title={t('admin.triggers.title')} subtitle={t('admin.triggers.subtitle')} />
      {triggers.status === 'error' && !triggers.data ? (
        <ErrorState error={triggers.error} onRetry={triggers.reload} />
      ) : !triggers.data ? (
        <SkeletonRows rows={6} />
      ) : triggers.data.items.length === 0 ? (
        <EmptyState title={t('admin.triggers.empty')} />
      ) : (
        <div
          className="table-wrap"
          role="region"
          aria-labelledby="triggers-table-caption"
          tabIndex={0}
        >
          <table className="data-table">
            <caption id="triggers-table-caption" className="visually-hidden">
              {t('admin.triggers.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.triggers.trigger')}</th>
                <th scope="col">{t('admin.triggers.enabled')}</th>
                <th scope="col">{t('admin.triggers.audiences')}</th>
                <th scope="col">{t('admin.triggers.channels')}</th>
              </tr>
            </thead>
            <tbody>
              {triggers.data.items.map((trigger) => {
                const disabled = busy === trigger.key;
                return (
                  <tr key={trigger.key} aria-busy={disabled}>
                    <th scope="row">
                      <code>{trigger.key}</code>
                      <span className="muted small data-table__sub">
                        {t('admin.triggers.template', { key: trigger.templateKey })}
                      </span>
                    </th>
                    <td>
                      <label className="switch">
                        <input
                          type="checkbox"
                          role="switch"
                          checked={trigger.enabled}
                          disabled={disabled}
                          aria-label={t('admin.triggers.enabledOne', { key: trigger.key })}
                          onChange={(event) =>
                            void update(trigger, { enabled: event.target.checked })
                          }
                        />
                        <span className="switch__track" aria-hidden="true" />
                      </label>
                    </td>
                    <td>
                      <fieldset className="check-group">
                        <legend className="visually-hidden">
                          {t('admin.triggers.audiencesOf', { key: trigger.key })}
                        </legend>
                        {AUDIENCES.map((audience: Audience) => (
                          <label key={audience} className="check check--small">
                            <input
                              type="checkbox"
                              checked={trigger.audiences.includes(audience)}
                              disabled={disabled}
                              onChange={(event) =>
                                void update(trigger, {
                                  audiences: toggle(
                                    trigger.audiences,
                                    audience,
                                    event.target.checked,
                                  ),
                                })
                              }
                            />
                            <span>{t(`admin.audience.${audience}`)}</span>
                          </label>
                        ))}
                      </fieldset>
                    </td>
                    <td>
                      <fieldset className="check-group">
                        <legend className="visually-hidden">
                          {t('admin.triggers.channelsOf', { key: trigger.key })}
                        </legend>
                        {CHANNELS.map((channel: Channel) => (
                          <label key={channel} className="check check--small">
                            <input
                              type="checkbox"
                              checked={trigger.channels.includes(channel)}
                              disabled={disabled}
                              onChange={(event) =>
                                void update(trigger, {
                                  channels: toggle(trigger.channels, channel, event.target.checked),
                                })
                              }
                            />
                            <span>{t(`admin.channel.${channel}`)}</span>
                          </label>
                        ))}
                      </fieldset>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
