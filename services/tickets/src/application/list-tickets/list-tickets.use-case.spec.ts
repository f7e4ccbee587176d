import { SYSTEM_CALLER } from '../testing/test-callers';
import { emptyCatalog } from '../testing/in-memory-catalog-store';
import { TicketErrorCode } from '../../domain/ticket-error';
import { CreateTicketUseCase } from '../create-ticket/create-ticket.use-case';
import {
  InMemoryTicketStore,
  NO_FILTERS,
  sequentialIds,
  steppingClock,
} from '../testing/in-memory-ticket-store';
import { ListTicketsUseCase } from './list-tickets.use-case';
import type { ListTicketsQuery } from './list-tickets.query';
import { encodePageToken } from './page-token';
import type { TicketOrder } from './ticket-order';
import { IMPACTS } from '../../domain/priority-matrix';

async function walk(list: ListTicketsUseCase, query: ListTicketsQuery): Promise<string[]> {
  const titles: string[] = [];
  let pageToken = '';
  do {
    const page = await list.execute({ ...query, pageToken }, SYSTEM_CALLER);
    titles.push(...page.tickets.map((ticket) => ticket.title.replace('ticket ', '')));
    pageToken = page.nextPageToken;
  } while (pageToken);
  return titles;
}

const everything: ListTicketsQuery = { ...NO_FILTERS, pageSize: 0, pageToken: '', order: '' };

async function storeWith(count: number) {
  const store = new InMemoryTicketStore();
  const create = new CreateTicketUseCase(
    store,
    steppingClock(new Date('2026-11-27T09:00:00Z')),
    sequentialIds(),
    emptyCatalog(),
  );
  for (let index = 1; index <= count; index += 1) {
    await create.execute({
      caller: SYSTEM_CALLER,
      idempotencyKey: '',
      type: index % 3 === 0 ? 'service_request' : 'incident',
      title: `ticket ${index}`,
      description: '',
      impact: IMPACTS[index % 3],
      urgency: undefined,
      channel: undefined,
      requesterId: index % 2 === 0 ? 'emp-even' : 'emp-odd',
      organizationId: undefined,
    });
  }
  return store;
}

describe('ListTicketsUseCase', () => {
  it('walks every ticket newest first, page by page, without repeats', async () => {
    const list = new ListTicketsUseCase(await storeWith(7));
    const titles: string[] = [];
    let pageToken = '';
    let pages = 0;
    do {
      const page = await list.execute({ ...everything, pageSize: 3, pageToken }, SYSTEM_CALLER);
      titles.push(...page.tickets.map((ticket) => ticket.title));
      pageToken = page.nextPageToken;
      pages += 1;
    } while (pageToken);
    expect(pages).toBe(3);
    expect(titles).toEqual([
      'ticket 7',
      'ticket 6',
      'ticket 5',
      'ticket 4',
      'ticket 3',
      'ticket 2',
      'ticket 1',
    ]);
  });

  it('has no next page token when the last page is exactly full', async () => {
    const page = await new ListTicketsUseCase(await storeWith(3)).execute(
      {
        ...everything,
        pageSize: 3,
      },
      SYSTEM_CALLER,
    );
    expect(page.tickets).toHaveLength(3);
    expect(page.nextPageToken).toBe('');
  });

  it('filters by type and requester', async () => {
    const page = await new ListTicketsUseCase(await storeWith(7)).execute(
      {
        ...everything,
        type: 'incident',
        requesterId: 'emp-odd',
      },
      SYSTEM_CALLER,
    );
    expect(page.tickets.map((ticket) => ticket.title)).toEqual([
      'ticket 7',
      'ticket 5',
      'ticket 1',
    ]);
  });

  it('finds tickets by words of the title', async () => {
    const page = await new ListTicketsUseCase(await storeWith(12)).execute(
      {
        ...everything,
        text: ' ticket 1 ',
      },
      SYSTEM_CALLER,
    );
    expect(page.tickets.map((ticket) => ticket.title)).toEqual([
      'ticket 12',
      'ticket 11',
      'ticket 10',
      'ticket 1',
    ]);
  });

  it('lists only the tickets asked for by id, each once', async () => {
    const list = new ListTicketsUseCase(await storeWith(5));
    const all = await list.execute(everything, SYSTEM_CALLER);
    const wanted = [all.tickets[1]?.id ?? '', all.tickets[3]?.id ?? ''];
    const page = await list.execute(
      { ...everything, ids: [wanted[0] ?? '', ...wanted] },
      SYSTEM_CALLER,
    );
    expect(page.tickets.map((ticket) => ticket.title)).toEqual(['ticket 4', 'ticket 2']);
  });

  it.each([
    ['an id that is no UUID', ['INC-000001']],
    [
      'more than 100 ids',
      Array.from(
        { length: 101 },
        (_, n) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
      ),
    ],
  ])('refuses %s', async (_, ids) => {
    await expect(
      new ListTicketsUseCase(await storeWith(1)).execute({ ...everything, ids }, SYSTEM_CALLER),
    ).rejects.toMatchObject({
      code: TicketErrorCode.ValidationFailed,
      violations: [expect.objectContaining({ field: 'ids' })],
    });
  });

  it('refuses an overlong search text', async () => {
    await expect(
      new ListTicketsUseCase(await storeWith(1)).execute(
        { ...everything, text: 'x'.repeat(201) },
        SYSTEM_CALLER,
      ),
    ).rejects.toMatchObject({ code: TicketErrorCode.ValidationFailed });
  });

  it.each([-1, 101, 2.5])('refuses page size %d', async (pageSize) => {
    await expect(
      new ListTicketsUseCase(await storeWith(1)).execute(
        { ...everything, pageSize },
        SYSTEM_CALLER,
      ),
    ).rejects.toMatchObject({
      code: TicketErrorCode.ValidationFailed,
    });
  });

  it.each([
    'garbage',
    Buffer.from('[1,2]').toString('base64url'),
    encodePageToken({ order: '-created_at', key: [0, 'x'] }),
    encodePageToken({ order: 'priority', key: [3, 0, '0192f000-0000-7000-8000-000000000001'] }),
  ])('refuses a forged page token %s', async (pageToken) => {
    await expect(
      new ListTicketsUseCase(await storeWith(1)).execute(
        { ...everything, pageToken },
        SYSTEM_CALLER,
      ),
    ).rejects.toMatchObject({
      code: TicketErrorCode.InvalidPageToken,
    });
  });

  // Impacts cycle high (3, 6), medium (1, 4, 7), low (2, 5); urgency stays medium.
  it.each<[TicketOrder, string[]]>([
    ['-priority', ['6', '3', '7', '4', '1', '5', '2']],
    ['priority', ['2', '5', '1', '4', '7', '3', '6']],
    ['created_at', ['1', '2', '3', '4', '5', '6', '7']],
    ['-updated_at', ['7', '6', '5', '4', '3', '2', '1']],
  ])('pages through every ticket sorted by %s', async (order, expected) => {
    const list = new ListTicketsUseCase(await storeWith(7));
    expect(await walk(list, { ...everything, order, pageSize: 2 })).toEqual(expected);
  });

  it('keeps tickets created in a half-open time range', async () => {
    const store = await storeWith(6);
    const all = await new ListTicketsUseCase(store).execute(
      { ...everything, order: 'created_at' },
      SYSTEM_CALLER,
    );
    const [, , third, , fifth] = all.tickets;
    const page = await new ListTicketsUseCase(store).execute(
      {
        ...everything,
        createdFrom: third?.createdAt,
        createdTo: fifth?.createdAt,
      },
      SYSTEM_CALLER,
    );
    expect(page.tickets.map((ticket) => ticket.title)).toEqual(['ticket 4', 'ticket 3']);
  });

  it('refuses a page token issued for another order', async () => {
    const list = new ListTicketsUseCase(await storeWith(3));
    const first = await list.execute(
      { ...everything, order: '-priority', pageSize: 1 },
      SYSTEM_CALLER,
    );
    await expect(
      list.execute({ ...everything, pageToken: first.nextPageToken }, SYSTEM_CALLER),
    ).rejects.toMatchObject({
      code: TicketErrorCode.InvalidPageToken,
      message: 'the page token belongs to a list sorted by -priority, not -created_at',
    });
  });

  it('names the known orders when the sort is unknown', async () => {
    await expect(
      new ListTicketsUseCase(await storeWith(1)).execute(
        { ...everything, order: 'title' },
        SYSTEM_CALLER,
      ),
    ).rejects.toMatchObject({
      code: TicketErrorCode.ValidationFailed,
      violations: [{ field: 'sort', message: expect.stringContaining('-priority') as unknown }],
    });
  });

  it('refuses a time range that ends before it starts', async () => {
    const now = new Date('2026-11-27T10:00:00Z');
    await expect(
      new ListTicketsUseCase(await storeWith(1)).execute(
        {
          ...everything,
          updatedFrom: now,
          updatedTo: new Date(now.getTime() - 1),
        },
        SYSTEM_CALLER,
      ),
    ).rejects.toMatchObject({
      code: TicketErrorCode.ValidationFailed,
      violations: [{ field: 'updated', message: 'updatedFrom must be before updatedTo' }],
    });
  });
});
