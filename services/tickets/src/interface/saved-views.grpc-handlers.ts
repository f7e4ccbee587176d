import {
  type CreateViewRequest,
  type CreateViewResponse,
  type DeleteViewRequest,
  type DeleteViewResponse,
  type GetViewRequest,
  type GetViewResponse,
  ListTicketsRequest,
  type ListViewsRequest,
  type ListViewsResponse,
  type SavedView as SavedViewMessage,
  toTimestamp,
  type UpdateViewRequest,
  type UpdateViewResponse,
} from '@itsm/contracts';
import { validateFilters } from '../application/list-tickets/filters';
import { isTicketOrder, TICKET_ORDERS } from '../application/list-tickets/ticket-order';
import { type SavedViewsUseCase } from '../application/saved-views/saved-views.use-case';
import type { SavedView } from '../domain/saved-view';
import type { TicketCaller } from '../domain/ticket-caller';
import { TicketError, TicketErrorCode } from '../domain/ticket-error';
import { toTicketFilters } from './ticket-filters.mapper';

/**
 * The gRPC loader fills absent message fields with null, where the generated codecs expect
 * undefined: nulls go, recursively, before a message is encoded.
 */
function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutNulls) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null)
      .map(([key, field]) => [key, withoutNulls(field)]),
  ) as T;
}

/** A view's query as kept: the list request without its page, checked like a list would be. */
function toStoredQuery(query: ListTicketsRequest | undefined): unknown {
  const request = {
    ...withoutNulls(query ?? ListTicketsRequest.fromJSON({})),
    pageSize: 0,
    pageToken: '',
  };
  validateFilters(toTicketFilters(request));
  if (request.sort !== '' && !isTicketOrder(request.sort)) {
    throw new TicketError(TicketErrorCode.ValidationFailed, 'the sort order is unknown', [
      { field: 'sort', message: `sort must be one of ${TICKET_ORDERS.join(', ')}` },
    ]);
  }
  return ListTicketsRequest.toJSON(request);
}

function toViewMessage(view: SavedView): SavedViewMessage {
  return {
    id: view.id,
    ownerId: view.ownerId,
    name: view.name,
    shared: view.shared,
    query: ListTicketsRequest.fromJSON(view.query),
    createdAt: toTimestamp(view.createdAt),
    updatedAt: toTimestamp(view.updatedAt),
    version: view.version,
  };
}

/**
 * The saved-view part of the TicketsService contract; the tickets controller hands these
 * requests over with their caller. Thin: request → use case → message.
 */
export class SavedViewsGrpcHandlers {
  constructor(private readonly views: SavedViewsUseCase) {}

  async createView(request: CreateViewRequest, caller: TicketCaller): Promise<CreateViewResponse> {
    const view = await this.views.create(
      {
        ownerId: request.ownerId,
        name: request.name,
        shared: request.shared,
        query: toStoredQuery(request.query),
      },
      caller,
    );
    return { view: toViewMessage(view) };
  }

  async listViews(request: ListViewsRequest, caller: TicketCaller): Promise<ListViewsResponse> {
    return { views: (await this.views.visibleTo(request.ownerId, caller)).map(toViewMessage) };
  }

  async getView(request: GetViewRequest, caller: TicketCaller): Promise<GetViewResponse> {
    return { view: toViewMessage(await this.views.get(request.id, request.viewerId, caller)) };
  }

  async updateView(request: UpdateViewRequest, caller: TicketCaller): Promise<UpdateViewResponse> {
    const view = await this.views.update(
      request.id,
      {
        ownerId: request.ownerId,
        name: request.name,
        shared: request.shared,
        query: toStoredQuery(request.query),
      },
      request.expectedVersion || undefined,
      caller,
    );
    return { view: toViewMessage(view) };
  }

  async deleteView(request: DeleteViewRequest, caller: TicketCaller): Promise<DeleteViewResponse> {
    await this.views.delete(request.id, request.ownerId, caller);
    return {};
  }
}
