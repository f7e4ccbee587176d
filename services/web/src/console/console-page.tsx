import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import {
  PRIORITIES,
  STATUSES,
  type Priority,
  type SavedView,
  type Status,
  type TicketFilters,
} from '../api/types';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { formatDateTime, formatRelative } from '../lib/format';
import { isTyping, listCommand, openCount } from '../lib/list-keys';
import {
  filtersFromParams,
  isRefined,
  type ListFilters,
  NO_FILTERS,
  paramsFromFilters,
  SORTS,
  type Sort,
  ticketFiltersOf,
} from '../lib/view-filters';
import { useLiveStatus, useTicketChanges } from '../live/live-events';
import { PriorityBadge, StatusBadge } from '../ui/badges';
import { EmptyState, ErrorState, SkeletonRows } from '../ui/feedback';
import { BoltIcon, SearchIcon } from '../ui/icons';
import { useAsync, useDebounced, useNow } from '../ui/use-async';
import { type BulkOutcome, BulkBar, BulkOutcomePanel } from './bulk-actions';
import { useDirectory } from './directory';
import { ViewEditor, type ViewEditing } from './view-editor';

const PAGE_SIZE = 50;

export function ConsolePage() {
  const { t, zone, language } = useI18n();
  const { me, call, access } = useMe();
  const directory = useDirectory();
  const navigate = useNavigate();
  const live = useLiveStatus();
  const now = useNow(30_000);
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const [searchText, setSearchText] = useState(filters.q);
  const search = useDebounced(searchText, 300);
  const searchRef = useRef<HTMLInputElement>(null);
  const rowRefs = useRef<(HTMLAnchorElement | null)[]>([]);
  const [selected, setSelected] = useState(-1);

  const update = useCallback(
    (change: Partial<ListFilters>) =>
      setParams(paramsFromFilters({ ...filters, ...change }), { replace: true }),
    [filters, setParams],
  );

  // The search box and the address follow each other: typing changes the address, and an
  // address changed otherwise (a queue chosen, filters cleared, a view saved) refills the box.
  const lastSearch = useRef(search);
  useEffect(() => {
    if (search === lastSearch.current) return;
    lastSearch.current = search;
    if (search !== filters.q) update({ q: search });
  }, [search, filters.q, update]);
  useEffect(() => {
    if (filters.q === lastSearch.current) return;
    lastSearch.current = filters.q;
    setSearchText(filters.q);
  }, [filters.q]);

  const queues = useAsync(async () => {
    const views = await call.views().then(
      (page) => page.items,
      () => [] as SavedView[],
    );
    const [mine, all, ...viewCounts] = await Promise.all([
      call.ticketCounts({ assigneeId: me.id }),
      call.ticketCounts({}),
      ...views.map((view) => call.viewCounts(view.id).catch(() => undefined)),
    ]);
    return {
      views: views.map((view, index) => ({
        view,
        open: openCount(viewCounts[index]?.byStatus ?? {}),
      })),
      mine: openCount(mine.byStatus),
      all: openCount(all.byStatus),
    };
  }, [call, me.id]);

  const view = queues.data?.views.find((entry) => entry.view.id === filters.view)?.view;
  const query = ticketFiltersOf(filters, view, me.id);
  const [editing, setEditing] = useState<ViewEditing | null>(null);
  const ownView = view && view.ownerId === me.id ? view : undefined;
  const queryKey = JSON.stringify(query);
  const list = useAsync(
    () => call.tickets({ ...(JSON.parse(queryKey) as TicketFilters), limit: PAGE_SIZE }),
    [call, queryKey],
  );
  const items = list.data?.items ?? [];
  const [selection, setSelection] = useState<Set<string>>(() => new Set());
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const selectAllRef = useRef<HTMLInputElement>(null);
  const selectedIds = items.filter((ticket) => selection.has(ticket.id)).map((ticket) => ticket.id);
  const allSelected = items.length > 0 && selectedIds.length === items.length;

  // Another queue or filter is another page: what was ticked on the last one is let go.
  useEffect(() => {
    setSelection(new Set());
  }, [queryKey]);

  useEffect(() => {
    if (selectAllRef.current)
      selectAllRef.current.indeterminate = selectedIds.length > 0 && !allSelected;
  }, [selectedIds.length, allSelected]);

  // Live changes reload the list and the counts, at most about once a second.
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useTicketChanges(() => {
    clearTimeout(reloadTimer.current);
    reloadTimer.current = setTimeout(() => {
      list.reload();
      queues.reload();
    }, 800);
  });
  useEffect(() => () => clearTimeout(reloadTimer.current), []);

  useEffect(() => {
    setSelected((current) => Math.min(current, items.length - 1));
  }, [items.length]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (isTyping(event.target)) {
        if (event.key === 'Escape') (event.target as HTMLElement).blur();
        return;
      }
      const command = listCommand(event.key, selected, items.length);
      if (!command) return;
      event.preventDefault();
      switch (command.kind) {
        case 'move':
          setSelected(command.index);
          rowRefs.current[command.index]?.focus();
          break;
        case 'open': {
          const ticket = items[selected];
          if (ticket) void navigate(`/console/tickets/${ticket.id}`);
          break;
        }
        case 'search':
          searchRef.current?.focus();
          break;
        default:
          command satisfies never;
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, selected, navigate]);

  const filtered = Boolean(
    filters.q || filters.status || filters.priority || filters.group || filters.mine,
  );
  const queueLink = (change: Partial<ListFilters>) =>
    `?${new URLSearchParams(paramsFromFilters({ ...NO_FILTERS, ...change })).toString()}`;
  const isAll = !filters.view && !filters.mine;

  return (
    <div className="console">
      <aside className="queues" aria-labelledby="queues-title">
        <h1 className="queues__title" id="queues-title">
          {t('console.title')}
        </h1>
        <nav aria-labelledby="queues-title">
          <ul className="queue-list" role="list">
            <li>
              <Link
                className="queue"
                aria-current={filters.mine && !filters.view ? 'page' : undefined}
                to={queueLink({ mine: true })}
              >
                <span>{t('console.myTickets')}</span>
                <span className="queue__count">{queues.data?.mine ?? '·'}</span>
              </Link>
            </li>
            <li>
              <Link className="queue" aria-current={isAll ? 'page' : undefined} to={queueLink({})}>
                <span>{t('console.allTickets')}</span>
                <span className="queue__count">{queues.data?.all ?? '·'}</span>
              </Link>
            </li>
          </ul>
          <h2 className="queues__subtitle">{t('console.views')}</h2>
          {queues.data && queues.data.views.length === 0 && (
            <p className="muted small">{t('console.noViews')}</p>
          )}
          <ul className="queue-list" role="list">
            {queues.data?.views.map(({ view: saved, open }) => (
              <li key={saved.id}>
                <Link
                  className="queue"
                  aria-current={filters.view === saved.id ? 'page' : undefined}
                  to={queueLink({ view: saved.id })}
                >
                  <span className="queue__name">
                    {saved.name}
                    {saved.shared && (
                      <span className="tag queue__tag">{t('console.sharedView')}</span>
                    )}
                  </span>
                  <span className="queue__count">{open}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p className={`live-status live-status--${live}`} role="status">
          <BoltIcon width={14} height={14} />{' '}
          {live === 'live' ? t('console.live') : t('console.offline')}
        </p>
      </aside>

      <section className="console-main" aria-labelledby="list-title">
        <div className="console-toolbar">
          <h2 className="visually-hidden" id="list-title">
            {view?.name ?? (filters.mine ? t('console.myTickets') : t('console.allTickets'))}
          </h2>
          <div className="search search--wide">
            <SearchIcon className="search__icon" />
            <label className="visually-hidden" htmlFor="console-search">
              {t('console.search')}
            </label>
            <input
              id="console-search"
              ref={searchRef}
              className="input search__input"
              type="search"
              placeholder={t('console.searchPlaceholder')}
              value={searchText}
              onChange={(event) => setSearchText(event.target.value)}
            />
          </div>
          <div className="filters" role="group" aria-label={t('console.filters')}>
            <label className="filter">
              <span className="filter__label">{t('console.status')}</span>
              <select
                className="input input--compact"
                value={filters.status}
                onChange={(event) => update({ status: event.target.value as Status | '' })}
              >
                <option value="">{t('console.any')}</option>
                {STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`status.${status}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="filter">
              <span className="filter__label">{t('console.priority')}</span>
              <select
                className="input input--compact"
                value={filters.priority}
                onChange={(event) => update({ priority: event.target.value as Priority | '' })}
              >
                <option value="">{t('console.any')}</option>
                {PRIORITIES.map((priority) => (
                  <option key={priority} value={priority}>
                    {t(`priority.${priority}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="filter">
              <span className="filter__label">{t('console.group')}</span>
              <select
                className="input input--compact"
                value={filters.group}
                onChange={(event) => update({ group: event.target.value })}
              >
                <option value="">{t('console.any')}</option>
                {directory.groups.map((group) => (
                  <option key={group.id} value={group.id}>
                    {group.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="filter filter--check">
              <input
                type="checkbox"
                checked={filters.mine}
                onChange={(event) => update({ mine: event.target.checked })}
              />
              <span>{t('console.assignedToMe')}</span>
            </label>
            <label className="filter">
              <span className="filter__label">{t('console.sort')}</span>
              <select
                className="input input--compact"
                value={filters.sort}
                onChange={(event) => update({ sort: event.target.value as Sort })}
              >
                {SORTS.map((sort) => (
                  <option key={sort} value={sort}>
                    {t(`console.sort.${sort}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="view-actions" role="group" aria-label={t('console.viewActions')}>
            <button
              type="button"
              className="button button--secondary button--small"
              aria-expanded={editing?.kind === 'create'}
              onClick={() => setEditing({ kind: 'create' })}
            >
              {t('console.saveView')}
            </button>
            {ownView && (
              <>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  aria-expanded={editing?.kind === 'edit'}
                  onClick={() => setEditing({ kind: 'edit', view: ownView })}
                >
                  {t('console.editView')}
                </button>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  aria-expanded={editing?.kind === 'delete'}
                  onClick={() => setEditing({ kind: 'delete', view: ownView })}
                >
                  {t('console.deleteView')}
                </button>
              </>
            )}
          </div>
          {editing && (
            <ViewEditor
              key={`${editing.kind}-${editing.kind === 'create' ? '' : editing.view.id}`}
              editing={editing}
              currentFilters={query}
              refined={isRefined(filters)}
              views={queues.data?.views.map((entry) => entry.view) ?? []}
              onCancel={() => setEditing(null)}
              onDone={(saved) => {
                setEditing(null);
                queues.reload();
                // The saved view holds the toolbar's filters now: the list is the view alone.
                setParams(paramsFromFilters({ ...NO_FILTERS, view: saved?.id ?? '' }));
              }}
            />
          )}
        </div>

        <div className="console-meta">
          <span aria-live="polite">
            {list.data ? t('console.count', { count: items.length }) : ''}
            {list.data?.nextCursor ? '+' : ''}
          </span>
          <span className="muted small hide-mobile">{t('console.keyboard')}</span>
        </div>

        {list.status === 'error' && !list.data ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : !list.data ? (
          <SkeletonRows rows={8} />
        ) : items.length === 0 ? (
          <EmptyState
            title={t('console.empty')}
            text={t('console.emptyText')}
            action={
              filtered ? (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setSearchText('');
                    update({ q: '', status: '', priority: '', group: '', mine: false });
                  }}
                >
                  {t('console.clearFilters')}
                </button>
              ) : undefined
            }
          />
        ) : (
          <>
            {access.bulk && selectedIds.length > 0 && (
              <BulkBar
                tickets={items.filter((ticket) => selection.has(ticket.id))}
                onDone={(outcome) => {
                  setOutcome(outcome);
                  if (outcome.ok) setSelection(new Set());
                  list.reload();
                  queues.reload();
                }}
                onClear={() => setSelection(new Set())}
              />
            )}
            {outcome && <BulkOutcomePanel outcome={outcome} onClose={() => setOutcome(null)} />}
            <div
              className={`ticket-table${access.bulk ? ' ticket-table--bulk' : ''}`}
              role="grid"
              aria-labelledby="list-title"
              aria-multiselectable={access.bulk || undefined}
              aria-busy={list.status === 'loading'}
            >
              <div className="ticket-table__head" role="row">
                {access.bulk && (
                  <span role="columnheader" className="ticket-row__select">
                    <input
                      ref={selectAllRef}
                      type="checkbox"
                      aria-label={t('bulk.selectAll')}
                      checked={allSelected}
                      onChange={(event) =>
                        setSelection(
                          event.target.checked
                            ? new Set(items.map((ticket) => ticket.id))
                            : new Set(),
                        )
                      }
                    />
                  </span>
                )}
                <span role="columnheader">{t('tickets.column.number')}</span>
                <span role="columnheader">{t('tickets.column.title')}</span>
                <span role="columnheader">{t('tickets.column.state')}</span>
                <span role="columnheader">{t('tickets.column.priority')}</span>
                <span role="columnheader">{t('tickets.column.assignee')}</span>
                <span role="columnheader">{t('tickets.column.updated')}</span>
              </div>
              {items.map((ticket, index) => (
                <div
                  key={ticket.id}
                  role="row"
                  className={`ticket-row${index === selected ? ' ticket-row--selected' : ''}${selection.has(ticket.id) ? ' ticket-row--checked' : ''}`}
                  aria-selected={index === selected}
                >
                  {access.bulk && (
                    <span role="gridcell" className="ticket-row__select">
                      <input
                        type="checkbox"
                        aria-label={t('bulk.select', { number: ticket.number })}
                        checked={selection.has(ticket.id)}
                        onChange={(event) => {
                          const checked = event.target.checked;
                          setSelection((current) => {
                            const next = new Set(current);
                            if (checked) next.add(ticket.id);
                            else next.delete(ticket.id);
                            return next;
                          });
                        }}
                      />
                    </span>
                  )}
                  <span role="gridcell" className="ticket-row__number">
                    {ticket.number}
                  </span>
                  <span role="gridcell" className="ticket-row__title">
                    {/* The link covers the whole row, so the row opens wherever it is clicked. */}
                    <Link
                      ref={(element) => {
                        rowRefs.current[index] = element;
                      }}
                      className="ticket-row__link"
                      to={`/console/tickets/${ticket.id}`}
                      onFocus={() => setSelected(index)}
                    >
                      {ticket.title}
                    </Link>
                  </span>
                  <span role="gridcell">
                    <StatusBadge status={ticket.status} />
                  </span>
                  <span role="gridcell">
                    <PriorityBadge priority={ticket.priority} />
                  </span>
                  <span role="gridcell" className="ticket-row__assignee">
                    {ticket.assigneeId === me.id
                      ? t('ticket.you')
                      : (directory.personName(ticket.assigneeId) ?? (
                          <span className="muted">{t('console.unassignedShort')}</span>
                        ))}
                  </span>
                  <span role="gridcell" className="muted">
                    <time
                      dateTime={ticket.updatedAt}
                      title={formatDateTime(ticket.updatedAt, zone)}
                    >
                      {formatRelative(ticket.updatedAt, now, language)}
                    </time>
                  </span>
                </div>
              ))}
            </div>
          </>
        )}
      </section>
    </div>
  );
}
