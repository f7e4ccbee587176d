import {
  type ListTicketsRequest,
  Priority,
  type SavedView,
  TicketStatus,
  TicketType,
  toTimestamp,
} from '@itsm/contracts';
import { toListTicketsRequest } from '../tickets/ticket-dto.mapper';
import type { TicketFiltersDto } from './dto/view.dto';
import {
  toCreateViewRequest,
  toTicketFilters,
  toUpdateViewRequest,
  toViewCounts,
  toViewCountsRequest,
  toViewDto,
  toViewTicketsRequest,
} from './view-dto.mapper';

const at = new Date('2026-11-27T08:30:00.250Z');

/** Every filter a view can set, instants as the API answers them (UTC, milliseconds). */
const everyFilter: TicketFiltersDto = {
  type: 'service_request',
  status: 'in_progress',
  priority: 'critical',
  requesterId: 'emp-1',
  organizationId: 'org-1',
  assignmentGroupId: 'network',
  assigneeId: 'agent-7',
  serviceId: '0193a7a0-0000-7000-8000-0000000000a1',
  categoryId: '0193a7a0-0000-7000-8000-0000000000c1',
  q: 'не работает впн',
  sort: '-updatedAt',
  createdFrom: '2026-11-01T00:00:00.000Z',
  createdTo: '2026-11-30T00:00:00.000Z',
  updatedFrom: '2026-11-15T12:00:00.500Z',
  updatedTo: '2026-11-27T12:00:00.000Z',
  tag: ['vpn', 'vip'],
};

/** A view of agent-7's network queue, as the service sends it. */
function savedView(query: ListTicketsRequest | undefined): SavedView {
  return {
    id: '0193a7a0-0000-7000-8000-0000000000f1',
    ownerId: 'agent-7',
    name: 'Сеть: новые VIP',
    shared: true,
    query,
    createdAt: toTimestamp(at),
    updatedAt: toTimestamp(at),
    version: 2,
  };
}

describe('the filters of a view', () => {
  it('come back from the contract exactly as they were given, every one of them', () => {
    expect(toTicketFilters(toListTicketsRequest(everyFilter))).toStrictEqual(everyFilter);
  });

  it.each(Object.entries(everyFilter))('round-trip %s alone', (name, value) => {
    const filters = { [name]: value } as TicketFiltersDto;
    expect(toTicketFilters(toListTicketsRequest(filters))).toStrictEqual(filters);
  });

  it.each(['-createdAt', 'createdAt', '-updatedAt', 'updatedAt', '-priority', 'priority'] as const)(
    'round-trip the order %s',
    (sort) => {
      expect(toTicketFilters(toListTicketsRequest({ sort }))).toStrictEqual({ sort });
    },
  );

  it('round-trip one end of a range without the other', () => {
    const filters = { createdTo: '2026-11-30T00:00:00.000Z', updatedFrom: at.toISOString() };
    expect(toTicketFilters(toListTicketsRequest(filters))).toStrictEqual(filters);
  });

  it('keep an instant given with an offset as the same instant, in UTC', () => {
    const filters = toTicketFilters(
      toListTicketsRequest({ createdFrom: '2026-11-01T00:00:00+03:00' }),
    );
    expect(filters).toStrictEqual({ createdFrom: '2026-10-31T21:00:00.000Z' });
  });

  it('are empty for a query that filters nothing', () => {
    expect(toTicketFilters(toListTicketsRequest({}))).toStrictEqual({});
    expect(toTicketFilters(undefined)).toStrictEqual({});
  });

  it('take the absent messages of the proto loader (null) as no range', () => {
    const query = { ...toListTicketsRequest({ status: 'new' }), created: null, updated: null };
    expect(toTicketFilters(query as unknown as ListTicketsRequest)).toStrictEqual({
      status: 'new',
    });
  });

  it('read enums and orders as the service spells them', () => {
    const query: ListTicketsRequest = {
      ...toListTicketsRequest({}),
      type: TicketType.TICKET_TYPE_PROBLEM,
      status: TicketStatus.TICKET_STATUS_KNOWN_ERROR,
      priority: Priority.PRIORITY_LOW,
      sort: '-created_at',
    };
    expect(toTicketFilters(query)).toStrictEqual({
      type: 'problem',
      status: 'known_error',
      priority: 'low',
      sort: '-createdAt',
    });
  });

  it('refuse an order the API does not know', () => {
    const query = { ...toListTicketsRequest({}), sort: '-number' };
    expect(() => toTicketFilters(query)).toThrow(/unexpected sort -number/);
  });
});

describe('writing views', () => {
  it('creates a private view unless told to share it, its query without a page', () => {
    const request = toCreateViewRequest(
      { name: 'Мои', filters: { assigneeId: 'agent-7' } },
      'agent-7',
    );
    expect(request).toMatchObject({ ownerId: 'agent-7', name: 'Мои', shared: false });
    expect(request.query).toEqual(toListTicketsRequest({ assigneeId: 'agent-7' }));
    expect(request.query).toMatchObject({ pageSize: 0, pageToken: '' });
  });

  it('replaces a view at the version of If-Match; none skips the check', () => {
    const dto = { name: 'VIP', shared: true, filters: { tag: ['vip'] } };
    expect(toUpdateViewRequest('view-1', dto, 'agent-7', 4)).toEqual({
      id: 'view-1',
      ownerId: 'agent-7',
      expectedVersion: 4,
      name: 'VIP',
      shared: true,
      query: toListTicketsRequest({ tag: ['vip'] }),
    });
    expect(toUpdateViewRequest('view-1', dto, 'agent-7', undefined).expectedVersion).toBe(0);
  });
});

describe('reading views', () => {
  it('shows a view with its filters, times and version', () => {
    const filters: TicketFiltersDto = { status: 'new', tag: ['vip'], sort: '-priority' };
    expect(toViewDto(savedView(toListTicketsRequest(filters)))).toEqual({
      id: '0193a7a0-0000-7000-8000-0000000000f1',
      ownerId: 'agent-7',
      name: 'Сеть: новые VIP',
      shared: true,
      filters,
      createdAt: '2026-11-27T08:30:00.250Z',
      updatedAt: '2026-11-27T08:30:00.250Z',
      version: 2,
    });
  });

  it('refuses a view without its timestamps', () => {
    expect(() => toViewDto({ ...savedView(undefined), createdAt: undefined })).toThrow(
      /lacks timestamps/,
    );
  });
});

describe('the tickets of a view', () => {
  it('lists them under the view query, a page at a time', () => {
    const query = toListTicketsRequest(everyFilter);
    expect(toViewTicketsRequest(query, { limit: 50, cursor: 'abc' })).toEqual({
      ...query,
      pageSize: 50,
      pageToken: 'abc',
    });
    expect(toViewTicketsRequest(query, {})).toEqual(query);
  });

  it('lists every ticket for a view that filters nothing', () => {
    expect(toViewTicketsRequest(undefined, { limit: 10 })).toEqual(
      toListTicketsRequest({ limit: 10 }),
    );
  });

  it('counts under the view filters, without its order or state', () => {
    const request = toViewCountsRequest(toListTicketsRequest(everyFilter));
    expect(request).not.toHaveProperty('sort');
    expect(request).not.toHaveProperty('status');
    expect(request).toMatchObject({ assignmentGroupId: 'network', tags: ['vpn', 'vip'] });
  });

  const counts = [
    { status: TicketStatus.TICKET_STATUS_NEW, count: 12 },
    { status: TicketStatus.TICKET_STATUS_IN_PROGRESS, count: 4 },
  ];

  it('counts every state for a view of any state', () => {
    const { byStatus, total } = toViewCounts(toListTicketsRequest({}), { counts, total: 16 });
    expect(byStatus).toMatchObject({ new: 12, in_progress: 4, closed: 0 });
    expect(total).toBe(16);
  });

  it('counts only its state for a view of one state, so the total is what it lists', () => {
    const query = toListTicketsRequest({ status: 'in_progress' });
    const { byStatus, total } = toViewCounts(query, { counts, total: 16 });
    expect(byStatus).toMatchObject({ new: 0, in_progress: 4, closed: 0 });
    expect(total).toBe(4);
  });
});
