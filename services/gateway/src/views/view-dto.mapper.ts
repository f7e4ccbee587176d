import {
  type CountTicketsRequest,
  type CreateViewRequest,
  fromTimestamp,
  type ListTicketsRequest,
  type SavedView,
  type StatusCount,
  type TimeRange,
  toRestSpelling,
  type UpdateViewRequest,
} from '@itsm/contracts';
import { TICKET_SORTS, type TicketSortName } from '../tickets/dto/list-tickets.query.dto';
import type { TicketCountsDto } from '../tickets/dto/ticket-counts.dto';
import { PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from '../tickets/dto/ticket-enums';
import {
  toCountTicketsRequest,
  toListTicketsRequest,
  toStatusCounts,
} from '../tickets/ticket-dto.mapper';
import type {
  CreateViewDto,
  TicketFiltersDto,
  UpdateViewDto,
  ViewDto,
  ViewTicketsQueryDto,
} from './dto/view.dto';

export function toCreateViewRequest(dto: CreateViewDto, ownerId: string): CreateViewRequest {
  return {
    ownerId,
    name: dto.name,
    shared: dto.shared ?? false,
    // Filters have no limit or cursor: a view keeps no page.
    query: toListTicketsRequest(dto.filters),
  };
}

export function toUpdateViewRequest(
  id: string,
  dto: UpdateViewDto,
  ownerId: string,
  expectedVersion: number | undefined,
): UpdateViewRequest {
  return {
    id,
    ownerId,
    expectedVersion: expectedVersion ?? 0,
    name: dto.name,
    shared: dto.shared,
    query: toListTicketsRequest(dto.filters),
  };
}

/** An enum filter the query leaves UNSPECIFIED is no filter. */
function toFilterSpelling<R extends string>(
  prefix: string,
  value: string,
  allowed: readonly R[],
): R | undefined {
  return value === `${prefix}UNSPECIFIED` ? undefined : toRestSpelling(prefix, value, allowed);
}

/** The service spells orders in snake case: -created_at → -createdAt. */
function toSortName(sort: string): TicketSortName | undefined {
  if (!sort) return undefined;
  const name = sort.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  if (!(TICKET_SORTS as readonly string[]).includes(name)) {
    throw new Error(`unexpected sort ${sort} from a service`);
  }
  return name as TicketSortName;
}

/** Either end of a range as REST spells instants; the proto loader gives null for an absent one. */
function toRangeEnds(range: TimeRange | null | undefined): [string?, string?] {
  const { from, to } = range ?? {};
  return [
    from ? fromTimestamp(from).toISOString() : undefined,
    to ? fromTimestamp(to).toISOString() : undefined,
  ];
}

/**
 * The list request of a view as REST filters, the reverse of `toListTicketsRequest`: what the
 * query leaves empty is absent, so a client sends back exactly what it read. The page is left
 * out; a view keeps none.
 */
export function toTicketFilters(query: ListTicketsRequest | null | undefined): TicketFiltersDto {
  if (!query) return {};
  const [createdFrom, createdTo] = toRangeEnds(query.created);
  const [updatedFrom, updatedTo] = toRangeEnds(query.updated);
  const filters: TicketFiltersDto = {
    type: toFilterSpelling('TICKET_TYPE_', query.type, TICKET_TYPES),
    status: toFilterSpelling('TICKET_STATUS_', query.status, TICKET_STATUSES),
    priority: toFilterSpelling('PRIORITY_', query.priority, PRIORITIES),
    requesterId: query.requesterId || undefined,
    organizationId: query.organizationId || undefined,
    assignmentGroupId: query.assignmentGroupId || undefined,
    assigneeId: query.assigneeId || undefined,
    serviceId: query.serviceId || undefined,
    categoryId: query.categoryId || undefined,
    q: query.text || undefined,
    sort: toSortName(query.sort),
    createdFrom,
    createdTo,
    updatedFrom,
    updatedTo,
    tag: query.tags.length > 0 ? query.tags : undefined,
  };
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined),
  ) as TicketFiltersDto;
}

export function toViewDto(view: SavedView): ViewDto {
  if (!view.createdAt || !view.updatedAt) throw new Error(`view ${view.id} lacks timestamps`);
  return {
    id: view.id,
    ownerId: view.ownerId,
    name: view.name,
    shared: view.shared,
    filters: toTicketFilters(view.query),
    createdAt: fromTimestamp(view.createdAt).toISOString(),
    updatedAt: fromTimestamp(view.updatedAt).toISOString(),
    version: view.version,
  };
}

/**
 * A page of the tickets a view lists. The query goes through the REST filters, so the tickets
 * listed are those the view's `filters` promise.
 */
export function toViewTicketsRequest(
  query: ListTicketsRequest | null | undefined,
  page: Pick<ViewTicketsQueryDto, 'limit' | 'cursor'>,
): ListTicketsRequest {
  return toListTicketsRequest({
    ...toTicketFilters(query),
    limit: page.limit,
    cursor: page.cursor,
  });
}

/** Counts under the view's filters; its order does not matter, its state is applied by `toViewCounts`. */
export function toViewCountsRequest(
  query: ListTicketsRequest | null | undefined,
): CountTicketsRequest {
  return toCountTicketsRequest(toTicketFilters(query));
}

/**
 * The counts per state under a view. The service counts every state; a view of one state
 * shows only that one, so its total is the number of tickets the view lists.
 */
export function toViewCounts(
  query: ListTicketsRequest | null | undefined,
  answer: { counts: StatusCount[]; total: number },
): TicketCountsDto {
  const byStatus = toStatusCounts(answer.counts);
  const { status } = toTicketFilters(query);
  if (status === undefined) return { byStatus, total: answer.total };
  const only = Object.fromEntries(
    TICKET_STATUSES.map((name) => [name, name === status ? byStatus[name] : 0]),
  ) as TicketCountsDto['byStatus'];
  return { byStatus: only, total: byStatus[status] };
}
