import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import type { SlaPolicy } from '../api/admin-types';
import { ApiError } from '../api/client';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { formatDuration } from '../lib/format';
import { workingHoursSummary } from '../lib/working-hours';
import { EmptyState, ErrorState, FormAlert, SkeletonRows, useToasts } from '../ui/feedback';
import { PageHeader } from '../ui/layout';
import { useAsync } from '../ui/use-async';

const HOUR_MS = 3_600_000;

export function SlaPage() {
  const { t, language } = useI18n();
  const { call, me } = useMe();
  const canEdit = me.permissions.includes('sla.manage');
  const data = useAsync(async () => {
    const [policies, calendars] = await Promise.all([call.slaPolicies(), call.slaCalendars()]);
    return { policies: policies.items, calendars: calendars.items };
  }, [call]);
  const [editing, setEditing] = useState<string | null>(null);

  const calendarName = (id: string) =>
    data.data?.calendars.find((calendar) => calendar.id === id)?.name ?? id;

  return (
    <>
      <PageHeader title={t('admin.sla.title')} subtitle={t('admin.sla.subtitle')} />
      {data.status === 'error' && !data.data ? (
        <ErrorState error={data.error} onRetry={data.reload} />
      ) : !data.data ? (
        <SkeletonRows rows={5} />
      ) : (
        <div className="stack stack--large">
          <section aria-labelledby="policies-title" className="stack">
            <h2 className="section-title" id="policies-title">
              {t('admin.sla.policies')}
            </h2>
            {data.data.policies.length === 0 ? (
              <EmptyState title={t('admin.sla.noPolicies')} />
            ) : (
              <ul className="admin-cards" role="list">
                {data.data.policies.map((policy) => (
                  <li key={policy.id} className="card admin-card">
                    <div className="admin-card__head">
                      <h3 className="admin-card__title">
                        <span className="muted">#{policy.order}</span> {policy.name}
                      </h3>
                      <span className="tag">{policy.kind.toUpperCase()}</span>
                      <span
                        className={`badge ${policy.active ? 'badge--success' : 'badge--muted'}`}
                      >
                        <span className="badge__dot" aria-hidden="true" />
                        {policy.active ? t('admin.active') : t('admin.inactive')}
                      </span>
                      {canEdit && editing !== policy.id && (
                        <button
                          type="button"
                          className="button button--secondary button--small admin-card__action"
                          onClick={() => setEditing(policy.id)}
                        >
                          {t('admin.sla.editTargets')}
                        </button>
                      )}
                    </div>
                    <p className="muted small">{conditionsText(policy)}</p>
                    {editing === policy.id ? (
                      <TargetsForm
                        policy={policy}
                        calendarName={calendarName}
                        onCancel={() => setEditing(null)}
                        onSaved={(saved) => {
                          setEditing(null);
                          if (data.data)
                            data.set({
                              ...data.data,
                              policies: data.data.policies.map((item) =>
                                item.id === saved.id ? saved : item,
                              ),
                            });
                        }}
                        onConflict={() => {
                          setEditing(null);
                          data.reload();
                        }}
                      />
                    ) : (
                      <ul className="plain-list" role="list">
                        {policy.targets.map((target) => (
                          <li key={target.target}>
                            {t('admin.sla.targetText', {
                              target: t(`sla.target.${target.target}`),
                              duration: formatDuration(target.targetMs, language),
                              calendar: calendarName(target.calendarId),
                            })}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="calendars-title" className="stack">
            <div className="admin-card__head">
              <h2 className="section-title" id="calendars-title">
                {t('admin.sla.calendars')}
              </h2>
              {canEdit && (
                <Link
                  className="button button--primary button--small admin-card__action"
                  to="/admin/sla/calendars/new"
                >
                  {t('admin.sla.newCalendar')}
                </Link>
              )}
            </div>
            {data.data.calendars.length === 0 ? (
              <EmptyState title={t('admin.sla.noCalendars')} />
            ) : (
              <div
                className="table-wrap"
                role="region"
                aria-labelledby="sla-calendars-table-caption"
                tabIndex={0}
              >
                <table className="data-table">
                  <caption id="sla-calendars-table-caption" className="visually-hidden">
                    {t('admin.sla.calendars')}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('admin.name')}</th>
                      <th scope="col">{t('admin.sla.hours')}</th>
                      <th scope="col">{t('admin.sla.timeZone')}</th>
                      {canEdit && (
                        <th scope="col">
                          <span className="visually-hidden">{t('admin.sla.edit')}</span>
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {data.data.calendars.map((calendar) => (
                      <tr key={calendar.id}>
                        <th scope="row">{calendar.name}</th>
                        <td>
                          {calendar.kind === 'always_on'
                            ? t('admin.sla.alwaysOn')
                            : workingHoursSummary(calendar, (day) => t(`admin.day.${day}`)).join(
                                '; ',
                              ) || t('admin.sla.noHours')}
                        </td>
                        <td>{calendar.timeZone}</td>
                        {canEdit && (
                          <td>
                            <Link
                              className="button button--secondary button--small"
                              to={`/admin/sla/calendars/${calendar.id}`}
                              aria-label={t('admin.sla.editCalendar', { name: calendar.name })}
                            >
                              {t('admin.sla.edit')}
                            </Link>
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </div>
      )}
    </>
  );

  function conditionsText(policy: SlaPolicy): string {
    const parts: string[] = [];
    const { types = [], priorities = [], channels = [] } = policy.conditions;
    if (types.length > 0)
      parts.push(types.map((type) => t(`type.${type}` as 'type.incident')).join(', '));
    if (priorities.length > 0)
      parts.push(
        t('admin.sla.priorities', {
          list: priorities.map((priority) => t(`priority.${priority}`)).join(', '),
        }),
      );
    if (channels.length > 0) parts.push(t('admin.sla.channels', { list: channels.join(', ') }));
    return parts.length > 0 ? parts.join(' · ') : t('admin.sla.everyTicket');
  }
}

function TargetsForm({
  policy,
  calendarName,
  onCancel,
  onSaved,
  onConflict,
}: {
  policy: SlaPolicy;
  calendarName(id: string): string;
  onCancel(): void;
  onSaved(policy: SlaPolicy): void;
  onConflict(): void;
}) {
  const { t } = useI18n();
  const { call } = useMe();
  const { notify } = useToasts();
  const [hours, setHours] = useState(() =>
    policy.targets.map((target) => String(Math.round((target.targetMs / HOUR_MS) * 100) / 100)),
  );
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const invalid = hours.map((value) => !(Number(value) > 0));

  async function save(event: FormEvent) {
    event.preventDefault();
    if (invalid.some(Boolean)) return;
    setSaving(true);
    setFailure(null);
    try {
      const saved = await call.saveSlaPolicy({
        ...policy,
        targets: policy.targets.map((target, index) => ({
          ...target,
          targetMs: Math.round(Number(hours[index]) * HOUR_MS),
        })),
      });
      notify(t('admin.sla.saved', { name: policy.name }));
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        notify(t('admin.conflictReloaded'), 'error');
        onConflict();
      } else setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="panel" onSubmit={(event) => void save(event)} noValidate>
      {failure !== null && <FormAlert error={failure} />}
      <div className="targets-form">
        {policy.targets.map((target, index) => {
          const id = `target-${policy.id}-${target.target}`;
          return (
            <div key={target.target} className={`field${invalid[index] ? ' field--invalid' : ''}`}>
              <label className="field__label" htmlFor={id}>
                {t('admin.sla.hoursOf', { target: t(`sla.target.${target.target}`) })}
              </label>
              <input
                id={id}
                className="input input--narrow"
                type="number"
                inputMode="decimal"
                min={0.01}
                step="any"
                value={hours[index] ?? ''}
                aria-invalid={invalid[index] || undefined}
                aria-describedby={`${id}-help`}
                onChange={(event) =>
                  setHours((current) =>
                    current.map((value, position) =>
                      position === index ? event.target.value : value,
                    ),
                  )
                }
              />
              <p className="field__help" id={`${id}-help`}>
                {t('admin.sla.inCalendar', { calendar: calendarName(target.calendarId) })}
              </p>
            </div>
          );
        })}
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="button button--primary button--small"
          disabled={saving || invalid.some(Boolean)}
        >
          {saving ? t('admin.saving') : t('admin.save')}
        </button>
        <button type="button" className="button button--ghost button--small" onClick={onCancel}>
          {t('agent.cancel')}
        </button>
      </div>
    </form>
  );
}
