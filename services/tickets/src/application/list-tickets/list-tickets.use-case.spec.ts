import { TicketErrorCode } from '../../domain/ticket-error';
import { CreateTicketUseCase } from '../create-ticket/create-ticket.use-case';
import {
  InMemoryTicketStore,
  sequentialIds,
  steppingClock,
} from '../testing/in-memory-ticket-store';
import { ListTicketsUseCase } from './list-tickets.use-case';
import type { ListTicketsQuery } from './list-tickets.query';
import { encodePageToken } from './page-token';

const everything: ListTicketsQuery = {
  pageSize: 0,
  pageToken: '',
  type: undefined,
  status: undefined,
  priority: undefined,
  requesterId: undefined,
  organizationId: undefined,
  assignmentGroupId: undefined,
  assigneeId: undefined,
  text: undefined,
};

async function storeWith(count: number) {
  const store = new InMemoryTicketStore();
  const create = new CreateTicketUseCase(
    store,
    steppingClock(new Date('2026-11-27T09:00:00Z')),
    sequentialIds(),
  );
  for (let index = 1; index <= count; index += 1) {
    await create.execute({
      idempotencyKey: '',
      type: index % 3 === 0 ? 'service_request' : 'incident',
      title: `ticket ${index}`,
      description: '',
      impact: undefined,
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
      const page = await list.execute({ ...everything, pageSize: 3, pageToken });
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
    const page = await new ListTicketsUseCase(await storeWith(3)).execute({
      ...everything,
      pageSize: 3,
    });
    expect(page.tickets).toHaveLength(3);
    expect(page.nextPageToken).toBe('');
  });

  it('filters by type and requester', async () => {
    const page = await new ListTicketsUseCase(await storeWith(7)).execute({
      ...everything,
      type: 'incident',
      requesterId: 'emp-odd',
    });
    expect(page.tickets.map((ticket) => ticket.title)).toEqual([
      'ticket 7',
      'ticket 5',
      'ticket 1',
    ]);
  });

  it('finds tickets by words of the title', async () => {
    const page = await new ListTicketsUseCase(await storeWith(12)).execute({
      ...everything,
      text: ' ticket 1 ',
    });
    expect(page.tickets.map((ticket) => ticket.title)).toEqual([
      'ticket 12',
      'ticket 11',
      'ticket 10',
      'ticket 1',
    ]);
  });

  it('refuses an overlong search text', async () => {
    await expect(
      new ListTicketsUseCase(await storeWith(1)).execute({ ...everything, text: 'x'.repeat(201) }),
    ).rejects.toMatchObject({ code: TicketErrorCode.ValidationFailed });
  });

  it.each([-1, 101, 2.5])('refuses page size %d', async (pageSize) => {
    await expect(
      new ListTicketsUseCase(await storeWith(1)).execute({ ...everything, pageSize }),
    ).rejects.toMatchObject({
      code: TicketErrorCode.ValidationFailed,
    });
  });

  it.each([
    'garbage',
    Buffer.from('[1,2]').toString('base64url'),
    encodePageToken({ createdAt: new Date(0), id: 'x' }),
  ])('refuses a forged page token %s', async (pageToken) => {
    await expect(
      new ListTicketsUseCase(await storeWith(1)).execute({ ...everything, pageToken }),
    ).rejects.toMatchObject({
      code: TicketErrorCode.InvalidPageToken,
    });
  });
});
