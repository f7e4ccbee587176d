import { randomUUID } from 'node:crypto';
import { aTicketRequestBody } from '@itsm/testing';
import type { ProblemBody, TicketBody } from './support/api-bodies';
import { platformSuite } from './support/platform-suite';

interface CatalogTicketBody extends TicketBody {
  serviceId: string | null;
  categoryId: string | null;
  catalogItemId: string | null;
  customFields: Record<string, unknown>;
  reportedAt: string;
}

describe('the service catalog through the gateway', () => {
  const suite = platformSuite();
  const catalogUrl = () => suite.ticketsUrl.replace('/tickets', '/catalog');

  async function created<T>(response: Response): Promise<T> {
    const body = (await response.json()) as T & ProblemBody;
    expect({ status: response.status, detail: body.detail }).toEqual({
      status: 201,
      detail: undefined,
    });
    return body;
  }

  it('orders a laptop from the catalog with its form, into the fulfilment queue', async () => {
    const suffix = randomUUID().slice(0, 8);
    const service = await created<{ id: string }>(
      await suite.postJson(`${catalogUrl()}/services`, {
        name: `Workplace ${suffix}`,
        description: 'Laptops, phones and peripherals',
        ownerGroupId: 'workplace',
      }),
    );
    const category = await created<{ id: string }>(
      await suite.postJson(`${catalogUrl()}/categories`, { name: `Hardware ${suffix}` }),
    );
    const item = await created<{ id: string; formSchema: Record<string, unknown> }>(
      await suite.postJson(`${catalogUrl()}/items`, {
        serviceId: service.id,
        name: 'Новый ноутбук',
        description: 'Стандартный ноутбук разработчика',
        formSchema: {
          type: 'object',
          required: ['model', 'startDate'],
          properties: {
            model: { type: 'string', enum: ['ThinkPad T14', 'MacBook Pro 14'] },
            startDate: { type: 'string', format: 'date' },
          },
          additionalProperties: false,
        },
        defaultCategoryId: category.id,
        defaultImpact: 'low',
        defaultUrgency: 'medium',
        fulfilmentGroupId: 'workplace',
      }),
    );
    const listed = (await (
      await suite.fetch(`${catalogUrl()}/items?serviceId=${service.id}`)
    ).json()) as { items: { id: string }[] };
    expect(listed.items.map((entry) => entry.id)).toEqual([item.id]);

    const badForm = await suite.postJson(`${catalogUrl()}/items/${item.id}/requests`, {
      requesterId: 'emp-1001',
      fields: { model: 'Amiga 500' },
    });
    expect(badForm.status).toBe(400);
    const problem = (await badForm.json()) as ProblemBody;
    expect(problem.errors?.map((error) => error.field).sort()).toEqual([
      'customFields/model',
      'customFields/startDate',
    ]);

    const order = {
      requesterId: 'emp-1001',
      fields: { model: 'ThinkPad T14', startDate: '2026-12-01' },
    };
    const key = { 'Idempotency-Key': `laptop-${suffix}` };
    const ticket = await created<CatalogTicketBody>(
      await suite.postJson(`${catalogUrl()}/items/${item.id}/requests`, order, key),
    );
    expect(ticket).toMatchObject({
      type: 'service_request',
      title: 'Новый ноутбук',
      status: 'new',
      priority: 'low',
      assignmentGroupId: 'workplace',
      serviceId: service.id,
      categoryId: category.id,
      catalogItemId: item.id,
      customFields: { model: 'ThinkPad T14', startDate: '2026-12-01' },
    });
    const retry = await suite.postJson(`${catalogUrl()}/items/${item.id}/requests`, order, key);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(((await retry.json()) as CatalogTicketBody).id).toBe(ticket.id);

    const byService = (await (
      await suite.fetch(`${suite.ticketsUrl}?serviceId=${service.id}`)
    ).json()) as { items: CatalogTicketBody[] };
    expect(byService.items.map((entry) => entry.id)).toEqual([ticket.id]);
  });

  it('changes an item under If-Match, refuses a stale change and retires the item', async () => {
    const suffix = randomUUID().slice(0, 8);
    const service = await created<{ id: string }>(
      await suite.postJson(`${catalogUrl()}/services`, { name: `Displays ${suffix}` }),
    );
    const created1 = await suite.postJson(`${catalogUrl()}/items`, {
      serviceId: service.id,
      name: 'Monitor',
    });
    expect(created1.headers.get('etag')).toBe('"1"');
    const item = await created<{ id: string; version: number }>(created1);
    expect(item.version).toBe(1);
    const itemUrl = `${catalogUrl()}/items/${item.id}`;
    const put = (body: unknown, ifMatch?: string) =>
      suite.fetch(itemUrl, {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          ...(ifMatch ? { 'if-match': ifMatch } : {}),
        },
        body: JSON.stringify(body),
      });
    const monitors = {
      serviceId: service.id,
      name: 'Monitors',
      description: 'One or two screens',
      formSchema: {
        type: 'object',
        required: ['count'],
        properties: { count: { type: 'integer', minimum: 1, maximum: 2 } },
        additionalProperties: false,
      },
      defaultUrgency: 'high',
      active: true,
    };

    const changed = await put(monitors, '"1"');
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    expect(await changed.json()).toMatchObject({
      name: 'Monitors',
      version: 2,
      defaultUrgency: 'high',
      formSchema: monitors.formSchema,
    });
    const read = await suite.fetch(itemUrl);
    expect(read.headers.get('etag')).toBe('"2"');

    const stale = await put({ ...monitors, name: 'Screens' }, '"1"');
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await stale.json()) as ProblemBody).detail).toMatch(/changed since version 1/);

    const broken = await put({ ...monitors, formSchema: { type: 'array' } }, '"2"');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as ProblemBody).errors?.map((error) => error.field)).toEqual([
      'formSchema',
    ]);
    expect((await put({ name: 'x', active: true }, '"2"')).status).toBe(400);
    expect(
      (await put(monitors, '"2"').then((response) => response.json())) as unknown,
    ).toMatchObject({ version: 3 });
    const missingItem = await suite.fetch(`${catalogUrl()}/items/${randomUUID()}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(monitors),
    });
    expect(missingItem.status).toBe(404);

    const ordered = await suite.postJson(`${itemUrl}/requests`, {
      requesterId: 'emp-1001',
      fields: { count: 2 },
    });
    expect(ordered.status).toBe(201);
    expect(await ordered.json()).toMatchObject({ title: 'Monitors', urgency: 'high' });

    const retired = await put({ ...monitors, active: false }, '"3"');
    expect(await retired.json()).toMatchObject({ active: false, version: 4 });
    const offered = (await (
      await suite.fetch(`${catalogUrl()}/items?serviceId=${service.id}`)
    ).json()) as { items: unknown[] };
    expect(offered.items).toEqual([]);
    const refused = await suite.postJson(`${itemUrl}/requests`, {
      requesterId: 'emp-1001',
      fields: { count: 1 },
    });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as ProblemBody).detail).toBe(
      'Monitors is no longer offered in the catalog',
    );
  });

  it('checks an incident against its category form, and keeps when it was reported', async () => {
    const category = await created<{ id: string }>(
      await suite.postJson(`${catalogUrl()}/categories`, {
        name: `Network ${randomUUID().slice(0, 8)}`,
        formSchema: {
          type: 'object',
          required: ['location'],
          properties: { location: { type: 'string', minLength: 2 } },
        },
      }),
    );
    const missing = await suite.postJson(
      suite.ticketsUrl,
      aTicketRequestBody({ categoryId: category.id }),
    );
    expect(missing.status).toBe(400);
    const reportedAt = new Date(Date.now() - 3 * 3_600_000).toISOString();
    const ticket = await created<CatalogTicketBody>(
      await suite.postJson(
        suite.ticketsUrl,
        aTicketRequestBody({
          categoryId: category.id,
          customFields: { location: 'Переговорная 4.12' },
          channel: 'phone',
          reportedAt,
        }),
      ),
    );
    expect(ticket).toMatchObject({ customFields: { location: 'Переговорная 4.12' }, reportedAt });
    const future = await suite.postJson(
      suite.ticketsUrl,
      aTicketRequestBody({ reportedAt: new Date(Date.now() + 3_600_000).toISOString() }),
    );
    expect(future.status).toBe(400);
  });
});
