import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { ApiError } from '../api/client';
import type { ConfigurationItem, TicketImpact } from '../api/console-types';
import type { Ticket } from '../api/types';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import {
  type Criticality,
  criticalityOf,
  type ImpactSummary,
  summarizeImpact,
  withItem,
  withoutItem,
} from '../lib/impact-summary';
import { useErrorMessage, useToasts } from '../ui/feedback';
import { XIcon } from '../ui/icons';
import { useAsync, useDebounced } from '../ui/use-async';

/** Business services whose criticality the panel looks up; the rest count without it. */
const MAX_SERVICES_LOOKED_UP = 20;

interface LinkedItems {
  items: { id: string; item: ConfigurationItem | null }[];
  impact: TicketImpact | null;
  impactFailed: boolean;
  summary: ImpactSummary | null;
}

/**
 * The configuration items a ticket is about and what fails with them: each item with its type,
 * status and criticality, the business services downstream of a failure and the worst of it.
 * Items are linked through a search-as-you-type picker and unlinked one by one; each change
 * names the ticket's version, so a concurrent edit is reported rather than overwritten.
 */
export function ConfigurationItemsPanel({
  ticket,
  onChanged,
}: {
  ticket: Ticket;
  onChanged(ticket?: Ticket): void;
}) {
  const { t } = useI18n();
  const { call } = useMe();
  const { notify } = useToasts();
  const errorMessage = useErrorMessage();
  const [saving, setSaving] = useState(false);
  const ids = ticket.configurationItemIds;
  const idsKey = ids.join(',');

  const linked = useAsync<LinkedItems>(async () => {
    const itemIds = idsKey ? idsKey.split(',') : [];
    if (itemIds.length === 0)
      return { items: [], impact: null, impactFailed: false, summary: null };
    const [items, impact] = await Promise.all([
      Promise.all(
        itemIds.map((id) =>
          call.configurationItem(id).then(
            (item) => ({ id, item }),
            () => ({ id, item: null }),
          ),
        ),
      ),
      call.ticketImpact(ticket.id).catch(() => null),
    ]);
    const criticalityById: Record<string, Criticality | null> = {};
    if (impact) {
      const services = impact.businessServices.slice(0, MAX_SERVICES_LOOKED_UP);
      const found = await Promise.all(
        services.map((service) => call.configurationItem(service.id).catch(() => null)),
      );
      for (const item of found) if (item) criticalityById[item.id] = criticalityOf(item.attributes);
    }
    const linkedItems = items.map(({ id, item }) => ({
      id,
      criticality: item ? criticalityOf(item.attributes) : null,
    }));
    return {
      items,
      impact,
      impactFailed: impact === null,
      summary: impact ? summarizeImpact(linkedItems, impact, criticalityById) : null,
    };
  }, [call, ticket.id, idsKey]);

  async function save(next: string[], done: string) {
    setSaving(true);
    try {
      const updated = await call.update(ticket, { configurationItemIds: next });
      notify(done);
      onChanged(updated);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) notify(t('agent.conflict'), 'error');
      else notify(errorMessage(error), 'error');
      onChanged();
      return false;
    } finally {
      setSaving(false);
    }
  }

  const nameOf = (id: string) =>
    linked.data?.items.find((entry) => entry.id === id)?.item?.name ?? id;

  return (
    <section className="card ci-panel" aria-labelledby="ci-title" aria-busy={saving}>
      <h2 className="section-title" id="ci-title">
        {t('ci.title')}
      </h2>
      {ids.length === 0 ? (
        <p className="muted small">{t('ci.none')}</p>
      ) : (
        <ul className="ci-list" role="list">
          {ids.map((id) => {
            const item = linked.data?.items.find((entry) => entry.id === id)?.item;
            const criticality = item ? criticalityOf(item.attributes) : null;
            return (
              <li key={id} className="ci">
                <div className="ci__head">
                  <span className="ci__name">
                    {item?.name ?? (linked.data ? t('ci.missing', { id: id.slice(0, 8) }) : '…')}
                  </span>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('ci.unlink', { name: nameOf(id) })}
                    title={t('ci.unlink', { name: nameOf(id) })}
                    disabled={saving}
                    onClick={() =>
                      void save(
                        withoutItem(ids, id),
                        t('ci.unlinked', { name: nameOf(id), number: ticket.number }),
                      )
                    }
                  >
                    <XIcon width={16} height={16} />
                  </button>
                </div>
                {item && (
                  <dl className="ci__facts">
                    <div>
                      <dt>{t('ci.type')}</dt>
                      <dd>{item.type}</dd>
                    </div>
                    <div>
                      <dt>{t('ci.status')}</dt>
                      <dd>
                        <span className={`badge badge--${statusTone(item.status)}`}>
                          {t(`ci.status.${item.status}`)}
                        </span>
                      </dd>
                    </div>
                    <div>
                      <dt>{t('ci.criticality')}</dt>
                      <dd>
                        <CriticalityLabel criticality={criticality} />
                      </dd>
                    </div>
                  </dl>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {ids.length > 0 && linked.data && <ImpactSummaryView data={linked.data} />}
      <ItemPicker
        linkedIds={ids}
        disabled={saving}
        onPick={(item) =>
          save(withItem(ids, item.id), t('ci.linked', { name: item.name, number: ticket.number }))
        }
      />
    </section>
  );
}

function statusTone(status: ConfigurationItem['status']): string {
  switch (status) {
    case 'active':
      return 'success';
    case 'maintenance':
      return 'waiting';
    case 'planned':
      return 'info';
    case 'retired':
      return 'muted';
    default:
      return status satisfies never;
  }
}

function CriticalityLabel({ criticality }: { criticality: Criticality | null }) {
  const { t } = useI18n();
  if (!criticality) return <span className="muted">{t('ci.criticality.none')}</span>;
  return (
    <span className={`criticality criticality--${criticality}`}>
      {t(`ci.criticality.${criticality}`)}
    </span>
  );
}

function ImpactSummaryView({ data }: { data: LinkedItems }) {
  const { t } = useI18n();
  const { summary } = data;
  return (
    <div className="impact" role="group" aria-labelledby="impact-title">
      <h3 className="impact__title" id="impact-title">
        {t('ci.impact')}
      </h3>
      {!summary ? (
        <p className="muted small">{t('ci.impactUnavailable')}</p>
      ) : summary.affectedItems === 0 && summary.businessServices.length === 0 ? (
        <p className="muted small" data-testid="impact-summary">
          {t('ci.impactNone')}
        </p>
      ) : (
        <div data-testid="impact-summary" className="impact__body">
          <p>
            {t('ci.impactServices', { count: summary.businessServices.length })}
            {' · '}
            {t('ci.impactItems', { count: summary.affectedItems })}
          </p>
          {summary.highest && (
            <p className="impact__highest">
              {t('ci.highest', { criticality: t(`ci.criticality.${summary.highest}`) })}
            </p>
          )}
          {summary.businessServices.length > 0 && (
            <ul className="impact__services" role="list">
              {summary.businessServices.map((service) => (
                <li key={service.id}>
                  <span>{service.name}</span> <CriticalityLabel criticality={service.criticality} />
                </li>
              ))}
            </ul>
          )}
          {summary.truncated && <p className="muted small">{t('ci.truncated')}</p>}
        </div>
      )}
    </div>
  );
}

/** A combobox: type to search the CMDB, arrows to choose, Enter to link. */
function ItemPicker({
  linkedIds,
  disabled,
  onPick,
}: {
  linkedIds: readonly string[];
  disabled: boolean;
  onPick(item: ConfigurationItem): Promise<boolean>;
}) {
  const { t } = useI18n();
  const { call } = useMe();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDebounced(text.trim(), 250);
  const [found, setFound] = useState<
    | { status: 'idle' }
    | { status: 'loading'; q: string }
    | { status: 'ready'; q: string; items: ConfigurationItem[] }
    | { status: 'failed'; q: string; error: unknown }
  >({ status: 'idle' });

  useEffect(() => {
    if (!query) {
      setFound({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setFound({ status: 'loading', q: query });
    call.configurationItems(query, controller.signal).then(
      (page) => {
        if (!controller.signal.aborted) setFound({ status: 'ready', q: query, items: page.items });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setFound({ status: 'failed', q: query, error });
      },
    );
    return () => controller.abort();
  }, [call, query]);

  const options =
    found.status === 'ready' ? found.items.filter((item) => !linkedIds.includes(item.id)) : [];
  const expanded = open && found.status !== 'idle';
  const listId = `${id}-options`;
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => setActive(0), [found]);

  async function pick(item: ConfigurationItem) {
    if (await onPick(item)) {
      setText('');
      setOpen(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        setActive((index) => Math.min(options.length - 1, index + 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((index) => Math.max(0, index - 1));
        break;
      case 'Enter': {
        const item = options[active];
        if (expanded && item) {
          event.preventDefault();
          void pick(item);
        }
        break;
      }
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
        }
        break;
      default:
        break;
    }
  }

  return (
    <div className="ci-picker">
      <label className="field__label" htmlFor={`${id}-input`}>
        {t('ci.find')}
      </label>
      <input
        id={`${id}-input`}
        className="input"
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && options[active] ? optionId(active) : undefined}
        placeholder={t('ci.findPlaceholder')}
        value={text}
        disabled={disabled}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div className="ci-picker__popup" hidden={!expanded}>
        {found.status === 'loading' && <p className="muted small">{t('ci.searching')}</p>}
        {found.status === 'failed' && (
          <p className="field__error" role="alert">
            {errorMessage(found.error)}
          </p>
        )}
        {found.status === 'ready' && options.length === 0 && (
          <p className="muted small">{t('ci.noMatch', { q: found.q })}</p>
        )}
        <ul id={listId} className="ci-picker__options" role="listbox" aria-label={t('ci.options')}>
          {options.map((item, index) => (
            <li
              key={item.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className="ci-picker__option"
              // Chosen before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                void pick(item);
              }}
              onMouseEnter={() => setActive(index)}
            >
              <span className="ci-picker__name">{item.name}</span>
              <span className="muted small">
                {item.type} · {t(`ci.status.${item.status}`)}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
