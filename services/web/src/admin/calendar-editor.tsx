import { type FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { type SlaCalendar, type Weekday, WEEKDAYS } from '../api/admin-types';
import { ApiError } from '../api/client';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import {
  type CalendarDraft,
  type CalendarProblem,
  DEFAULT_HOURS,
  bodyOf,
  draftOf,
  editorFieldOf,
  emptyDraft,
  HOLIDAY_NAME_MAX_LENGTH,
  quarterHours,
  validateDraft,
} from '../lib/calendar-draft';
import { formatDate } from '../lib/format';
import { holidaysSummary, workingHoursSummary } from '../lib/working-hours';
import { ArrowLeftIcon } from '../ui/icons';
import { ErrorState, FormAlert, Spinner, StaleVersionAlert, useToasts } from '../ui/feedback';
import { PageHeader } from '../ui/layout';
import { useAsync } from '../ui/use-async';

const CALENDARS_PATH = '/api/v1/sla/calendars';
const TIMES = quarterHours();
const row = { display: 'flex', flexWrap: 'wrap', gap: '0.5rem', alignItems: 'center' } as const;
const timeSelect = { width: '6.5rem' } as const;
const plainFieldset = { border: 0, padding: 0, margin: 0, minWidth: 0 } as const;

function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf?.('timeZone') ?? [];
  const all = new Set([...zones, 'UTC']);
  if (current) all.add(current);
  return [...all].sort();
}

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A business calendar, new (`/admin/sla/calendars/new`) or existing (`…/calendars/:id`). */
export function CalendarEditorPage() {
  const { id = 'new' } = useParams();
  const { t } = useI18n();
  const { api } = useMe();
  const isNew = id === 'new';
  const calendar = useAsync(
    async () =>
      isNew ? null : api.get<SlaCalendar>(`${CALENDARS_PATH}/${encodeURIComponent(id)}`),
    [api, id, isNew],
  );
  return (
    <>
      <Link className="back-link" to="/admin/sla">
        <ArrowLeftIcon width={16} height={16} />
        {t('admin.sla.title')}
      </Link>
      {calendar.status === 'error' && !calendar.data ? (
        <ErrorState error={calendar.error} onRetry={calendar.reload} />
      ) : calendar.data === undefined ? (
        <Spinner />
      ) : (
        <CalendarEditor
          key={calendar.data ? `${calendar.data.id}/${calendar.data.version}` : 'new'}
          calendar={calendar.data}
          onReload={calendar.reload}
          onSaved={calendar.set}
        />
      )}
    </>
  );
}

function CalendarEditor({
  calendar,
  onReload,
  onSaved,
}: {
  calendar: SlaCalendar | null;
  onReload(): void;
  onSaved(calendar: SlaCalendar): void;
}) {
  const { t, language } = useI18n();
  const { api } = useMe();
  const { notify } = useToasts();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<CalendarDraft>(() =>
    calendar ? draftOf(calendar) : emptyDraft(browserTimeZone()),
  );
  const [zoneFilter, setZoneFilter] = useState('');
  const [newHoliday, setNewHoliday] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const [saving, setSaving] = useState(false);

  const problems = validateDraft(draft);
  const zones = useMemo(() => timeZones(draft.timeZone), [draft.timeZone]);
  const shownZones = useMemo(() => {
    const filter = zoneFilter.trim().toLowerCase().replace(/\s+/g, '_');
    const matching = filter ? zones.filter((zone) => zone.toLowerCase().includes(filter)) : zones;
    return matching.includes(draft.timeZone) ? matching : [draft.timeZone, ...matching];
  }, [zones, zoneFilter, draft.timeZone]);

  const dayName = (day: Weekday) => t(`admin.day.${day}`);
  const dayText = (date: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(date)
      ? formatDate(`${date}T00:00:00Z`, { language, timeZone: 'UTC' })
      : date;
  const summary = workingHoursSummary({ workingHours: draft.days }, dayName).join('; ');
  const holidayList = holidaysSummary(draft.holidays, draft.holidayNames, dayText).join('; ');

  function errorOf(field: string): string | undefined {
    const problem: CalendarProblem | undefined = problems[field];
    if (problem && (submitted || problem === 'order' || problem === 'overlap'))
      return t(`admin.calendar.problem.${problem}`);
    return serverErrors[field];
  }

  function change(next: CalendarDraft, touched: string) {
    setDraft(next);
    if (serverErrors[touched] !== undefined) {
      const { [touched]: _gone, ...rest } = serverErrors;
      setServerErrors(rest);
    }
  }

  function setDay(day: Weekday, intervals: { from: string; to: string }[]) {
    change({ ...draft, days: { ...draft.days, [day]: intervals } }, `workingHours.${day}`);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(problems).length > 0) {
      const first = Object.keys(problems)[0] ?? '';
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    setSaving(true);
    setFailure(null);
    setServerErrors({});
    try {
      const body = bodyOf(draft);
      const saved = calendar
        ? await api.put<SlaCalendar>(`${CALENDARS_PATH}/${encodeURIComponent(calendar.id)}`, body, {
            headers: { 'If-Match': `"${calendar.version}"` },
          })
        : await api.post<SlaCalendar>(CALENDARS_PATH, body);
      notify(t('admin.calendar.saved', { name: saved.name }));
      if (calendar) onSaved(saved);
      else void navigate(`/admin/sla/calendars/${saved.id}`, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && (error.status === 412 || error.status === 409)) {
        setStale(true);
      } else if (error instanceof ApiError && error.problem.errors?.length) {
        const byField: Record<string, string> = {};
        for (const { field, message } of error.problem.errors)
          byField[editorFieldOf(field)] ??= message;
        setServerErrors(byField);
        setFailure(error);
      } else setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  const describedBy = (field: string, help?: string) =>
    [help, errorOf(field) ? `${fieldId(field)}-error` : undefined].filter(Boolean).join(' ') ||
    undefined;
  const errorText = (field: string) => {
    const message = errorOf(field);
    return message ? (
      <p className="field__error" id={`${fieldId(field)}-error`}>
        {message}
      </p>
    ) : null;
  };

  return (
    <>
      <PageHeader
        title={
          calendar
            ? t('admin.calendar.editTitle', { name: calendar.name })
            : t('admin.calendar.newTitle')
        }
        subtitle={t('admin.calendar.subtitle')}
      />
      <form className="form-card stack" onSubmit={(event) => void save(event)} noValidate>
        {stale && (
          <StaleVersionAlert
            message={t('admin.calendar.stale')}
            reloadLabel={t('admin.calendar.reload')}
            onReload={() => {
              setStale(false);
              onReload();
            }}
          />
        )}
        {failure !== null && <FormAlert error={failure} />}

        <div className={`field${errorOf('name') ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor={fieldId('name')}>
            {t('admin.name')}
          </label>
          <input
            id={fieldId('name')}
            className="input"
            maxLength={200}
            value={draft.name}
            aria-invalid={errorOf('name') ? true : undefined}
            aria-describedby={describedBy('name')}
            onChange={(event) => change({ ...draft, name: event.target.value }, 'name')}
          />
          {errorText('name')}
        </div>

        <div className={`field${errorOf('timeZone') ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor="calendar-zone-filter">
            {t('admin.calendar.zoneSearch')}
          </label>
          <input
            id="calendar-zone-filter"
            className="input"
            type="search"
            value={zoneFilter}
            placeholder={t('admin.calendar.zoneSearchHint')}
            onChange={(event) => setZoneFilter(event.target.value)}
          />
          <label className="field__label" htmlFor={fieldId('timeZone')}>
            {t('admin.sla.timeZone')}
          </label>
          <select
            id={fieldId('timeZone')}
            className="input"
            value={draft.timeZone}
            aria-invalid={errorOf('timeZone') ? true : undefined}
            aria-describedby={describedBy('timeZone')}
            onChange={(event) => change({ ...draft, timeZone: event.target.value }, 'timeZone')}
          >
            {shownZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
          {errorText('timeZone')}
        </div>

        <fieldset
          className="stack"
          style={plainFieldset}
          aria-describedby={describedBy('workingHours')}
        >
          <legend className="field__label">{t('admin.sla.hours')}</legend>
          {errorText('workingHours')}
          {WEEKDAYS.map((day) => {
            const field = `workingHours.${day}`;
            const intervals = draft.days[day];
            const invalid = Boolean(errorOf(field));
            return (
              <div key={day} className={`field${invalid ? ' field--invalid' : ''}`}>
                <div style={row}>
                  <label className="check" style={{ minWidth: '8rem' }}>
                    <input
                      id={fieldId(field)}
                      type="checkbox"
                      checked={intervals.length > 0}
                      aria-describedby={describedBy(field)}
                      onChange={(event) =>
                        setDay(day, event.target.checked ? [{ ...DEFAULT_HOURS }] : [])
                      }
                    />
                    {t(`admin.calendar.day.${day}`)}
                  </label>
                  {intervals.map((interval, index) => (
                    <span key={index} style={row}>
                      <select
                        className="input input--compact"
                        style={timeSelect}
                        aria-label={t('admin.calendar.from', {
                          day: t(`admin.calendar.day.${day}`),
                        })}
                        aria-invalid={invalid || undefined}
                        aria-describedby={describedBy(field)}
                        value={interval.from}
                        onChange={(event) =>
                          setDay(
                            day,
                            intervals.map((item, at) =>
                              at === index ? { ...item, from: event.target.value } : item,
                            ),
                          )
                        }
                      >
                        {withValue(TIMES.slice(0, -1), interval.from).map((time) => (
                          <option key={time}>{time}</option>
                        ))}
                      </select>
                      <span aria-hidden="true">–</span>
                      <select
                        className="input input--compact"
                        style={timeSelect}
                        aria-label={t('admin.calendar.to', { day: t(`admin.calendar.day.${day}`) })}
                        aria-invalid={invalid || undefined}
                        aria-describedby={describedBy(field)}
                        value={interval.to}
                        onChange={(event) =>
                          setDay(
                            day,
                            intervals.map((item, at) =>
                              at === index ? { ...item, to: event.target.value } : item,
                            ),
                          )
                        }
                      >
                        {withValue(TIMES.slice(1), interval.to).map((time) => (
                          <option key={time}>{time}</option>
                        ))}
                      </select>
                    </span>
                  ))}
                  {intervals.length === 0 && (
                    <span className="muted small">{t('admin.calendar.dayOff')}</span>
                  )}
                </div>
                {errorText(field)}
              </div>
            );
          })}
        </fieldset>

        <fieldset className="stack" style={plainFieldset}>
          <legend className="field__label">{t('admin.calendar.holidays')}</legend>
          {draft.holidays.length === 0 ? (
            <p className="muted small">{t('admin.calendar.noHolidays')}</p>
          ) : (
            <ul className="plain-list" role="list">
              {draft.holidays.map((date, index) => {
                const field = `holidays[${index}]`;
                const nameField = `holidayNames.${date}`;
                return (
                  <li key={`${date}-${index}`} className="field">
                    <div style={row}>
                      <span id={fieldId(field)} tabIndex={-1} style={{ minWidth: '8rem' }}>
                        {dayText(date)}
                      </span>
                      <input
                        id={index === draft.holidays.indexOf(date) ? fieldId(nameField) : undefined}
                        className="input input--compact"
                        style={{ flex: '1 1 12rem', minWidth: 0 }}
                        maxLength={HOLIDAY_NAME_MAX_LENGTH + 20}
                        aria-label={t('admin.calendar.holidayName', { date: dayText(date) })}
                        placeholder={t('admin.calendar.holidayNameHint')}
                        aria-invalid={errorOf(nameField) ? true : undefined}
                        aria-describedby={describedBy(nameField)}
                        value={draft.holidayNames[date] ?? ''}
                        onChange={(event) =>
                          change(
                            {
                              ...draft,
                              holidayNames: { ...draft.holidayNames, [date]: event.target.value },
                            },
                            nameField,
                          )
                        }
                      />
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        aria-label={t('admin.calendar.removeHoliday', { date: dayText(date) })}
                        onClick={() => {
                          const holidays = draft.holidays.filter((_, at) => at !== index);
                          const { [date]: _gone, ...others } = draft.holidayNames;
                          change(
                            {
                              ...draft,
                              holidays,
                              holidayNames: holidays.includes(date) ? draft.holidayNames : others,
                            },
                            field,
                          );
                        }}
                      >
                        {t('admin.calendar.remove')}
                      </button>
                    </div>
                    {errorText(field)}
                    {index === draft.holidays.indexOf(date) && errorText(nameField)}
                  </li>
                );
              })}
            </ul>
          )}
          <div style={row}>
            <label className="field__label" htmlFor="calendar-new-holiday">
              {t('admin.calendar.holidayDate')}
            </label>
            <input
              id="calendar-new-holiday"
              className="input input--narrow"
              type="date"
              value={newHoliday}
              onChange={(event) => setNewHoliday(event.target.value)}
            />
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={!newHoliday}
              onClick={() => {
                if (!newHoliday) return;
                change({ ...draft, holidays: [...draft.holidays, newHoliday] }, 'holidays');
                setNewHoliday('');
              }}
            >
              {t('admin.calendar.addHoliday')}
            </button>
          </div>
        </fieldset>

        <section className="panel" aria-labelledby="calendar-summary-title" aria-live="polite">
          <h2 className="section-title" id="calendar-summary-title">
            {t('admin.calendar.summary')}
          </h2>
          <p data-testid="calendar-summary">
            {t('admin.calendar.summaryText', {
              hours: summary || t('admin.sla.noHours'),
              zone: draft.timeZone,
            })}{' '}
            {draft.holidays.length > 0 &&
              t('admin.calendar.summaryHolidays', { count: draft.holidays.length })}
          </p>
          {holidayList && (
            <p data-testid="calendar-holiday-list">
              {t('admin.calendar.summaryHolidayList', { list: holidayList })}
            </p>
          )}
        </section>

        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('admin.saving') : t('admin.save')}
          </button>
          <Link className="button button--ghost" to="/admin/sla">
            {t('agent.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}

function fieldId(field: string): string {
  return `calendar-${field.replace(/[^\w-]+/g, '-')}`;
}

function withValue(times: string[], value: string): string[] {
  return times.includes(value) ? times : [value, ...times].sort();
}
