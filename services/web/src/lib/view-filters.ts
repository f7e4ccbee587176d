import {
  PRIORITIES,
  STATUSES,
  type Priority,
  type SavedView,
  type Status,
  type TicketFilters,
} from '../api/types';

export const SORTS = ['-updatedAt', '-createdAt', '-priority'] as const;
export type Sort = (typeof SORTS)[number];
const DEFAULT_SORT: Sort = '-updatedAt';

/** The console list as the address bar keeps it: a view, refined by the toolbar. */
export interface ListFilters {
  view: string;
  q: string;
  status: Status | '';
  priority: Priority | '';
  group: string;
  mine: boolean;
  sort: Sort;
}

export const NO_FILTERS: ListFilters = filtersFromParams(new URLSearchParams());

/** The list's filters from the address; values the console does not know are ignored. */
export function filtersFromParams(params: URLSearchParams): ListFilters {
  const status = params.get('status') ?? '';
  const priority = params.get('priority') ?? '';
  const sort = params.get('sort') ?? '';
  return {
    view: params.get('view') ?? '',
    q: params.get('q') ?? '',
    status: (STATUSES as readonly string[]).includes(status) ? (status as Status) : '',
    priority: (PRIORITIES as readonly string[]).includes(priority) ? (priority as Priority) : '',
    group: params.get('group') ?? '',
    mine: params.get('mine') === '1',
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : DEFAULT_SORT,
  };
}

/** The address of the list's filters: only what differs from the defaults. */
export function paramsFromFilters(filters: ListFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.view) params['view'] = filters.view;
  if (filters.q) params['q'] = filters.q;
  if (filters.status) params['status'] = filters.status;
  if (filters.priority) params['priority'] = filters.priority;
  if (filters.group) params['group'] = filters.group;
  if (filters.mine) params['mine'] = '1';
  if (filters.sort !== DEFAULT_SORT) params['sort'] = filters.sort;
  return params;
}

/** Whether the toolbar narrows or reorders the list beyond what its view says. */
export function isRefined(filters: ListFilters): boolean {
  return Boolean(
    filters.q ||
    filters.status ||
    filters.priority ||
    filters.group ||
    filters.mine ||
    filters.sort !== DEFAULT_SORT,
  );
}

/**
 * What the list asks the API: the chosen view's filters, refined by the toolbar ("mine" is the
 * signed-in agent). The same object is what "save as a view" stores, so the saved view lists
 * exactly the tickets on the screen.
 */
export function ticketFiltersOf(
  filters: ListFilters,
  view: Pick<SavedView, 'filters'> | undefined,
  meId: string,
): TicketFilters {
  const base = view?.filters ?? {};
  return {
    ...base,
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.priority ? { priority: filters.priority } : {}),
    ...(filters.group ? { assignmentGroupId: filters.group } : {}),
    ...(filters.mine ? { assigneeId: meId } : {}),
    sort: filters.sort !== DEFAULT_SORT || !base.sort ? filters.sort : base.sort,
  };
}

/** A view's name as the API compares them: trimmed, case aside. */
export function sameViewName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}
