import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aTicketRequestBody, workspaceRoot } from '@itsm/testing';
import type { ProblemBody, TicketBody } from './support/api-bodies';
import { platformSuite } from './support/platform-suite';

describe('tickets through the gateway', () => {
  const suite = platformSuite();

  it('creates a ticket that arrives on Kafka as a CloudEvent', async () => {
    const body = aTicketRequestBody({ impact: 'high', urgency: 'high' });
    const response = await suite.postJson(suite.ticketsUrl, body);
    expect(response.status).toBe(201);
    const ticket = (await response.json()) as TicketBody;
    expect(ticket).toMatchObject({ status: 'new', priority: 'critical', version: 1 });
    expect(ticket.number).toMatch(/^INC-\d{6}$/);
    expect(response.headers.get('location')).toBe(`/api/v1/tickets/${ticket.id}`);
    expect(response.headers.get('etag')).toBe('"1"');

    const [message] = await suite.probe.waitForKey(ticket.id);
    expect(message?.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_type: 'itsm.tickets.v1.ticket.created',
      ce_source: '/itsm/tickets',
      ce_subject: ticket.number,
      'content-type': 'application/json',
    });
    expect(message?.headers['ce_id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(message?.value).toMatchObject({
      ticket: {
        id: ticket.id,
        number: ticket.number,
        type: 'TICKET_TYPE_INCIDENT',
        priority: 'PRIORITY_CRITICAL',
        requesterId: body['requesterId'],
      },
    });
    const traceId = response.headers.get('x-trace-id');
    expect(message?.headers['traceparent']).toContain(`-${traceId}-`);

    const read = await suite.fetch(`${suite.ticketsUrl}/${ticket.id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(ticket);
  });

  it('returns the first ticket when a create is retried with the same Idempotency-Key', async () => {
    const body = aTicketRequestBody();
    const first = await suite.postJson(suite.ticketsUrl, body, { 'Idempotency-Key': 'retry-e2e' });
    const retry = await suite.postJson(suite.ticketsUrl, body, { 'Idempotency-Key': 'retry-e2e' });
    const firstTicket = (await first.json()) as TicketBody;
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(firstTicket);
    const rows = await suite.platform.ticketsDatabase.query(
      'SELECT id FROM tickets WHERE requester_id = $1',
      [body['requesterId']],
    );
    expect(rows).toEqual([{ id: firstTicket.id }]);
  });

  it('pages through a requester’s tickets newest first with a cursor', async () => {
    const requesterId = `emp-pages-${Date.now()}`;
    const created: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const response = await suite.postJson(
        suite.ticketsUrl,
        aTicketRequestBody({ requesterId, title: `page ticket ${index}` }),
      );
      created.push(((await response.json()) as TicketBody).number);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ requesterId, limit: '2', ...(cursor ? { cursor } : {}) });
      const page = (await (await suite.fetch(`${suite.ticketsUrl}?${query}`)).json()) as {
        items: TicketBody[];
        nextCursor: string | null;
      };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.number));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...created].reverse());
  });

  it('lists the tickets named by id in one call, and refuses what is no ticket id', async () => {
    const opened: TicketBody[] = [];
    for (const title of ['by id one', 'by id two', 'by id three']) {
      const response = await suite.postJson(suite.ticketsUrl, aTicketRequestBody({ title }));
      opened.push((await response.json()) as TicketBody);
    }
    const [first, , third] = opened;
    const query = `id=${first?.id ?? ''},${third?.id ?? ''}&id=${first?.id ?? ''}`;
    const page = (await (await suite.fetch(`${suite.ticketsUrl}?${query}`)).json()) as {
      items: TicketBody[];
    };
    expect(page.items.map((item) => item.title)).toEqual(['by id three', 'by id one']);
    const refused = await suite.fetch(`${suite.ticketsUrl}?id=${first?.number ?? ''}`);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('finds tickets by Russian and English word forms and narrows by priority and organisation', async () => {
    const organizationId = `org-search-${Date.now()}`;
    const create = (title: string, urgency: string) =>
      suite.postJson(
        suite.ticketsUrl,
        aTicketRequestBody({ title, organizationId, impact: 'high', urgency }),
      );
    const vpn = (await (await create('Не работает VPN на ноутбуке', 'high')).json()) as TicketBody;
    const printer = (await (
      await create('Printers are jamming on floor 3', 'low')
    ).json()) as TicketBody;
    const search = async (params: Record<string, string>) => {
      const query = new URLSearchParams({ organizationId, ...params });
      const page = (await (await suite.fetch(`${suite.ticketsUrl}?${query}`)).json()) as {
        items: TicketBody[];
      };
      return page.items.map((item) => item.id);
    };
    expect(await search({ q: 'ноутбуки работают' })).toEqual([vpn.id]);
    expect(await search({ q: 'printer jammed' })).toEqual([printer.id]);
    expect(await search({ priority: 'critical' })).toEqual([vpn.id]);
    expect(await search({ priority: 'medium' })).toEqual([printer.id]);
    expect(await search({ q: 'квантовая гравитация' })).toEqual([]);

    const counts = (await (
      await suite.fetch(`${suite.ticketsUrl}/counts?organizationId=${organizationId}`)
    ).json()) as {
      byStatus: Record<string, number>;
      total: number;
    };
    expect(counts.total).toBe(2);
    expect(counts.byStatus).toMatchObject({ new: 2, assigned: 0, cancelled: 0, draft: 0 });
    expect(Object.values(counts.byStatus).reduce((sum, count) => sum + count)).toBe(2);
  });

  it('sorts a queue by priority or last change and narrows it to a creation window', async () => {
    const organizationId = `org-sort-${Date.now()}`;
    const created: TicketBody[] = [];
    for (const [impact, urgency] of [
      ['low', 'low'],
      ['high', 'high'],
      ['medium', 'medium'],
    ] as const) {
      const response = await suite.postJson(
        suite.ticketsUrl,
        aTicketRequestBody({ organizationId, impact, urgency }),
      );
      created.push((await response.json()) as TicketBody);
    }
    const [planning, critical, medium] = created;
    const numbers = async (params: Record<string, string>) => {
      const response = await suite.fetch(
        `${suite.ticketsUrl}?${new URLSearchParams({ organizationId, ...params })}`,
      );
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: TicketBody[] }).items.map((item) => item.number);
    };
    expect(await numbers({ sort: '-priority' })).toEqual([
      critical?.number,
      medium?.number,
      planning?.number,
    ]);
    expect(await numbers({ sort: 'createdAt' })).toEqual(created.map((ticket) => ticket.number));
    expect(
      await numbers({ createdFrom: critical?.createdAt ?? '', createdTo: medium?.createdAt ?? '' }),
    ).toEqual([critical?.number]);

    const firstPage = (await (
      await suite.fetch(
        `${suite.ticketsUrl}?${new URLSearchParams({ organizationId, sort: '-priority', limit: '1' })}`,
      )
    ).json()) as { nextCursor: string };
    const mixed = await suite.fetch(
      `${suite.ticketsUrl}?${new URLSearchParams({ organizationId, cursor: firstPage.nextCursor })}`,
    );
    expect(mixed.status).toBe(400);
    expect(((await mixed.json()) as ProblemBody).detail).toContain('sorted by -priority');

    const badSort = await suite.fetch(`${suite.ticketsUrl}?sort=title&createdFrom=yesterday`);
    expect(badSort.status).toBe(400);
    const problem = (await badSort.json()) as ProblemBody;
    expect(problem.errors?.map((error) => error.field).sort()).toEqual(['createdFrom', 'sort']);
  });

  it('answers invalid input with problem+json naming every bad field, and stores nothing', async () => {
    const requesterId = `emp-invalid-${Date.now()}`;
    const response = await suite.postJson(suite.ticketsUrl, {
      type: 'outage',
      title: '',
      requesterId,
      colour: 'red',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as ProblemBody;
    expect(problem).toMatchObject({
      type: '/problems/validation-failed',
      status: 400,
      instance: '/api/v1/tickets',
    });
    expect(problem.errors?.map((error) => error.field).sort()).toEqual(['colour', 'title', 'type']);
    const rows = await suite.platform.ticketsDatabase.query(
      'SELECT id FROM tickets WHERE requester_id = $1',
      [requesterId],
    );
    expect(rows).toHaveLength(0);
  });

  it('answers an unknown ticket with a 404 problem', async () => {
    const response = await suite.fetch(`${suite.ticketsUrl}/01a21bc6-0000-7000-8000-000000000000`);
    expect(response.status).toBe(404);
    expect((await response.json()) as ProblemBody).toMatchObject({
      type: '/problems/not-found',
      status: 404,
      detail: 'ticket 01a21bc6-0000-7000-8000-000000000000 does not exist',
    });
  });

  it('answers a forged cursor and malformed JSON with 400 problems', async () => {
    const forged = await suite.fetch(`${suite.ticketsUrl}?cursor=not-a-cursor`);
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as ProblemBody).detail).toBe(
      'the page token is not one this API issued',
    );

    const malformed = await suite.fetch(suite.ticketsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('serves the OpenAPI document committed in services/gateway/openapi.json', async () => {
    const response = await suite.fetch(`${suite.platform.gatewayUrl}/api/docs-json`);
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/tickets', '/api/v1/tickets/{id}']),
    );
    const committed: unknown = JSON.parse(
      readFileSync(join(workspaceRoot, 'services/gateway/openapi.json'), 'utf8'),
    );
    // On failure: `npx nx run gateway:openapi` regenerates the file.
    expect(document).toEqual(committed);
  });
});
