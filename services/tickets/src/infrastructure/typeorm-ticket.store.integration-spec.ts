import type { DataSource } from 'typeorm';
import { canSeeTicket, type TicketVisibility } from '@itsm/auth';
import { OutboxWriter } from '@itsm/messaging';
import { createDataSource, runMigrations } from '@itsm/persistence';
import { createTestDatabase, type TestDatabase } from '@itsm/testing';
import { ticketsDataSourceSettings } from '../app.module';
import { ticketsConfigSchema } from '../config/tickets.config';
import type { Ticket } from '../domain/ticket';
import type { TicketListQuery } from '../application/ports/ticket-store';
import { NO_FILTERS } from '../application/testing/in-memory-ticket-store';
import {
  compareTickets,
  orderField,
  sortKeyOf,
  TICKET_ORDERS,
  type TicketOrder,
} from '../application/list-tickets/ticket-order';
import { TypeOrmTicketStore } from './typeorm-ticket.store';

const VISIBILITIES: [string, TicketVisibility][] = [
  ['an agent of g-1', { kind: 'groups', userId: 'agent-1', groupIds: ['g-1'] }],
  ['an agent of no group', { kind: 'groups', userId: 'emp-6', groupIds: [] }],
  [
    'a requester',
    { kind: 'requester', userId: 'emp-3', organizationId: 'org-a', organizationWide: false },
  ],
  [
    'an organisation-wide requester',
    { kind: 'requester', userId: 'emp-4', organizationId: 'org-a', organizationWide: true },
  ],
];

const PRIORITIES = ['critical', 'high', 'medium', 'low', 'planning'];
const TICKETS = 40;

/**
 * 40 tickets: priorities in turn, a few sharing a creation instant, updates in another order;
 * spread over two organisations (and none), three groups (and the triage queue), one assignee.
 */
async function seed(database: TestDatabase): Promise<void> {
  await database.query(
    `INSERT INTO tickets (id, number, type, title, description, status, impact, urgency, priority,
                          channel, requester_id, created_at, updated_at, organization_id,
                          assignment_group_id, assignee_id)
     SELECT gen_random_uuid(), 'INC-' || lpad(n::text, 6, '0'), 'incident',
            CASE WHEN n % 4 = 0 THEN 'Принтер не печатает ' || n ELSE 'VPN drops every hour ' || n END,
            CASE WHEN n <= 3 THEN 'toner cartridge is empty' ELSE '' END,
            'new', 'medium', 'medium', ($1::text[])[1 + n % 5], 'api', 'emp-' || n,
            timestamptz '2026-11-01T09:00:00Z' + (n / 3) * interval '1 minute',
            timestamptz '2026-11-20T09:00:00Z' - (n % 7) * interval '1 hour',
            (ARRAY['org-a', 'org-b', NULL])[1 + n % 3],
            (ARRAY[NULL, 'g-1', 'g-2', 'g-3'])[1 + n % 4],
            CASE WHEN n % 5 = 0 THEN 'agent-1' END
       FROM generate_series(1, ${TICKETS}) AS n`,
    [PRIORITIES],
  );
}

describe('TypeOrmTicketStore lists in PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: TypeOrmTicketStore;
  let everyTicket: Ticket[];

  const query = (overrides: Partial<TicketListQuery>): TicketListQuery => ({
    ...NO_FILTERS,
    visibility: { kind: 'all' },
    order: '-created_at',
    limit: 100,
    after: undefined,
    ...overrides,
  });

  async function walk(order: TicketOrder, limit: number, text?: string): Promise<string[]> {
    const seen: string[] = [];
    let after: TicketListQuery['after'];
    for (;;) {
      const page = await store.list(query({ order, limit, after, text }));
      seen.push(...page.map((ticket) => ticket.id));
      const last = page[page.length - 1];
      if (page.length < limit || !last) return seen;
      after = { order, key: sortKeyOf(last, orderField(order)) };
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase('itsm_ticket_store');
    const settings = ticketsDataSourceSettings(
      ticketsConfigSchema.parse({ DATABASE_URL: database.url }),
    );
    await runMigrations(createDataSource(settings));
    dataSource = createDataSource(settings);
    await dataSource.initialize();
    await seed(database);
    // A window of 5 rows makes both paths of a full-text list reachable with a few tickets.
    store = new TypeOrmTicketStore(dataSource, new OutboxWriter('/itsm/tickets'), {
      recentTextWindow: 5,
    });
    everyTicket = await store.list(query({ limit: TICKETS }));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it.each(TICKET_ORDERS)(
    'sorts by %s exactly as the domain order does, page by page',
    async (order) => {
      const expected = [...everyTicket].sort(compareTickets(order)).map((ticket) => ticket.id);
      expect(await walk(order, 7)).toEqual(expected);
    },
  );

  it('finds the newest matches of common words within the window of recent tickets', async () => {
    const vpn = everyTicket.filter((ticket) => ticket.title.startsWith('VPN'));
    const page = await store.list(query({ text: 'vpn', limit: 3 }));
    expect(page.map((ticket) => ticket.id)).toEqual(vpn.slice(0, 3).map((ticket) => ticket.id));
  });

  it('finds matches older than the window, in Russian word forms too', async () => {
    const printers = everyTicket.filter((ticket) => ticket.title.startsWith('Принтер'));
    expect(await walk('-created_at', 4, 'принтеры')).toEqual(printers.map((ticket) => ticket.id));
    const toner = await store.list(query({ text: 'cartridges', limit: 10 }));
    expect(toner.map((ticket) => ticket.number).sort()).toEqual([
      'INC-000001',
      'INC-000002',
      'INC-000003',
    ]);
  });

  it('keeps a half-open range of update times', async () => {
    const from = new Date('2026-11-20T06:00:00Z');
    const to = new Date('2026-11-20T08:00:00Z');
    const page = await store.list(query({ updatedFrom: from, updatedTo: to }));
    expect(page.length).toBeGreaterThan(0);
    expect(page.every((ticket) => ticket.updatedAt >= from && ticket.updatedAt < to)).toBe(true);
    expect(page).toHaveLength(
      everyTicket.filter((ticket) => ticket.updatedAt >= from && ticket.updatedAt < to).length,
    );
  });

  describe.each(VISIBILITIES)('for %s', (_who, visibility) => {
    const visible = () => everyTicket.filter((ticket) => canSeeTicket(visibility, ticket));

    it('lists, pages and counts exactly the tickets canSeeTicket lets through', async () => {
      const seen: string[] = [];
      let after: TicketListQuery['after'];
      for (;;) {
        const page = await store.list(query({ visibility, limit: 4, after }));
        seen.push(...page.map((ticket) => ticket.id));
        const last = page[page.length - 1];
        if (page.length < 4 || !last) break;
        after = { order: '-created_at', key: sortKeyOf(last, 'created_at') };
      }
      expect(visible().length).toBeGreaterThan(0);
      expect(visible().length).toBeLessThan(TICKETS);
      expect(seen).toEqual(visible().map((ticket) => ticket.id));
      const counts = await store.countByStatus({ ...NO_FILTERS, visibility });
      expect(counts).toEqual({ new: visible().length });
    });

    it('finds text in visible tickets only, by either path of a full-text list', async () => {
      const page = await store.list(query({ visibility, text: 'vpn', limit: 40 }));
      expect(page.map((ticket) => ticket.id)).toEqual(
        visible()
          .filter((ticket) => ticket.title.startsWith('VPN'))
          .map((ticket) => ticket.id),
      );
    });

    it('reads a ticket by id only when visible', async () => {
      for (const ticket of everyTicket) {
        const found = await store.findById(ticket.id, { visibility });
        expect(found?.id).toBe(canSeeTicket(visibility, ticket) ? ticket.id : undefined);
      }
    });
  });
});
