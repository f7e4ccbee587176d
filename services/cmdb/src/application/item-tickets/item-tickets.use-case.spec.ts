import { CmdbErrorCode } from '../../domain/cmdb-error';
import type { TicketMention } from '../ports/cmdb-store';
import { itemMaker } from '../testing/cmdb-fixtures';
import { InMemoryCmdb } from '../testing/in-memory-cmdb-store';
import { ItemTicketsUseCase } from './item-tickets.use-case';

describe('ItemTicketsUseCase', () => {
  let cmdb: InMemoryCmdb;
  let tickets: ItemTicketsUseCase;

  beforeEach(() => {
    cmdb = new InMemoryCmdb();
    tickets = new ItemTicketsUseCase(cmdb);
  });

  const mention = (overrides: Partial<TicketMention>): TicketMention => ({
    ticketId: 't-1',
    number: 'INC-000001',
    type: 'incident',
    title: 'Mail is down',
    status: 'new',
    open: true,
    updatedAt: new Date('2026-11-27T10:00:00Z'),
    version: 1,
    configurationItemIds: [],
    ...overrides,
  });

  it('follows the items a ticket names, ignoring ids that cannot be items and events from further back', async () => {
    const make = itemMaker(cmdb);
    const mail = await make('application', 'Mail');
    const host = await make('server', 'mx-01');
    await tickets.project(
      mention({ configurationItemIds: [mail.id, host.id.toUpperCase(), 'CI-42'] }),
      cmdb.on(),
    );
    expect((await tickets.list(host.id, false, 0)).map(({ ticketId }) => ticketId)).toEqual([
      't-1',
    ]);

    await tickets.project(
      mention({ version: 3, status: 'resolved', open: false, configurationItemIds: [mail.id] }),
      cmdb.on(),
    );
    expect(await tickets.list(host.id, false, 0)).toEqual([]);
    expect(await tickets.list(mail.id, true, 0)).toEqual([]);
    expect(await tickets.list(mail.id, false, 0)).toEqual([
      expect.objectContaining({ status: 'resolved', open: false }),
    ]);

    await tickets.project(mention({ version: 2, configurationItemIds: [host.id] }), cmdb.on());
    expect(await tickets.list(host.id, false, 0)).toEqual([]);
  });

  it('refuses items it does not have and limits out of range', async () => {
    await expect(tickets.list('mx-01', false, 0)).rejects.toMatchObject({
      code: CmdbErrorCode.NotFound,
    });
    await expect(
      tickets.list('00000000-0000-7000-8000-000000000001', false, 501),
    ).rejects.toMatchObject({
      code: CmdbErrorCode.ValidationFailed,
    });
  });
});
