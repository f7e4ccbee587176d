import { randomUUID } from 'node:crypto';
import { aTicketRequestBody } from '@itsm/testing';
import type { ProblemBody, TicketBody } from './support/api-bodies';
import { platformSuite } from './support/platform-suite';

interface ViewBody {
  id: string;
  name: string;
  shared: boolean;
  filters: Record<string, unknown>;
  version: number;
}

describe('saved views and the priority matrix through the gateway', () => {
  const suite = platformSuite();
  const apiUrl = () => suite.ticketsUrl.replace('/tickets', '');

  const send = (method: string, url: string, body: unknown, headers: Record<string, string> = {}) =>
    suite.fetch(url, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('keeps an agent’s queue, lists its tickets, and lets only the owner change it', async () => {
    const organizationId = `org-view-${randomUUID().slice(0, 8)}`;
    for (const urgency of ['high', 'low', 'high']) {
      await suite.postJson(
        suite.ticketsUrl,
        aTicketRequestBody({ organizationId, impact: 'high', urgency }),
      );
    }
    const created = await suite.postJson(`${apiUrl()}/views`, {
      ownerId: 'agent-7',
      name: 'Critical for the customer',
      filters: { organizationId, priority: 'critical', sort: 'createdAt' },
    });
    expect(created.status).toBe(201);
    const view = (await created.json()) as ViewBody;
    expect(view.filters).toEqual({ organizationId, priority: 'critical', sort: 'createdAt' });

    const page = (await (
      await suite.fetch(`${apiUrl()}/views/${view.id}/tickets?ownerId=agent-7&limit=10`)
    ).json()) as { items: TicketBody[] };
    expect(page.items.map((ticket) => ticket.priority)).toEqual(['critical', 'critical']);
    const counts = (await (
      await suite.fetch(`${apiUrl()}/views/${view.id}/counts?ownerId=agent-7`)
    ).json()) as { total: number };
    expect(counts.total).toBe(2);

    expect((await suite.fetch(`${apiUrl()}/views/${view.id}?ownerId=agent-8`)).status).toBe(404);
    const stranger = await send('PUT', `${apiUrl()}/views/${view.id}`, {
      ownerId: 'agent-8',
      name: 'Mine now',
      shared: true,
      filters: {},
    });
    expect(stranger.status).toBe(403);
    const shared = await send(
      'PUT',
      `${apiUrl()}/views/${view.id}`,
      {
        ownerId: 'agent-7',
        name: 'Critical for the customer',
        shared: true,
        filters: view.filters,
      },
      { 'if-match': `"${view.version}"` },
    );
    expect(shared.status).toBe(200);
    expect((await suite.fetch(`${apiUrl()}/views/${view.id}?ownerId=agent-8`)).status).toBe(200);
    const listed = (await (await suite.fetch(`${apiUrl()}/views?ownerId=agent-8`)).json()) as {
      items: ViewBody[];
    };
    expect(listed.items.map((item) => item.id)).toContain(view.id);
    const stale = await send(
      'PUT',
      `${apiUrl()}/views/${view.id}`,
      { ownerId: 'agent-7', name: 'x', shared: false, filters: {} },
      { 'if-match': `"${view.version}"` },
    );
    expect(stale.status).toBe(412);
    const badFilter = await suite.postJson(`${apiUrl()}/views`, {
      ownerId: 'agent-7',
      name: 'Broken',
      filters: { priority: 'urgent' },
    });
    expect(badFilter.status).toBe(400);
  });

  it('prioritises new tickets by the matrix an administrator sets', async () => {
    const current = await suite.fetch(`${apiUrl()}/settings/priority-matrix`);
    expect(current.status).toBe(200);
    const before = (await current.json()) as {
      matrix: Record<string, Record<string, string>>;
      version: number;
    };
    const incomplete = await send('PUT', `${apiUrl()}/settings/priority-matrix`, {
      actorId: 'admin-1',
      matrix: { high: { high: 'critical' } },
    });
    expect(incomplete.status).toBe(400);
    expect(((await incomplete.json()) as ProblemBody).errors?.length).toBe(8);

    const stricter = {
      ...before.matrix,
      low: { high: 'high', medium: 'medium', low: 'low' },
    };
    const replaced = await send(
      'PUT',
      `${apiUrl()}/settings/priority-matrix`,
      { actorId: 'admin-1', matrix: stricter },
      { 'if-match': `"${before.version}"` },
    );
    expect(replaced.status).toBe(200);
    expect(replaced.headers.get('etag')).toBe(`"${before.version + 1}"`);
    try {
      // The tickets service trusts the matrix it read for up to two seconds.
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      const ticket = (await (
        await suite.postJson(
          suite.ticketsUrl,
          aTicketRequestBody({ impact: 'low', urgency: 'low' }),
        )
      ).json()) as TicketBody;
      expect(ticket.priority).toBe('low');
    } finally {
      await send(
        'PUT',
        `${apiUrl()}/settings/priority-matrix`,
        { actorId: 'admin-1', matrix: before.matrix },
        {},
      );
    }
  });
});
