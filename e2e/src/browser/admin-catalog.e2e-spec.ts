import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { eventually } from '@itsm/testing';
import { platformSuite } from '../support/platform-suite';
import { launchBrowser, openWindow, screenshot, signInThroughForm } from './browser-session';

interface ListedItem {
  id: string;
  serviceId: string;
  name: string;
  description: string;
  formSchema: unknown;
  defaultCategoryId: string | null;
  active: boolean;
  version: number;
}

/**
 * The admin area's catalog editor in a real browser: an administrator writes a new item's
 * request form as JSON Schema, watches it render as requesters will see it, and creates it;
 * then changes it under its version, and retires it from the portal and offers it again.
 */
describe('the catalog item editor in a browser', () => {
  const suite = platformSuite({ web: true });
  const run = randomUUID().slice(0, 8);
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('an administrator creates an item and its form with a new service, without code', async () => {
    const { page, context, problems } = await openWindow(browser);
    const { email, password } = suite.platform.admin;
    await page.goto(`${suite.platform.gatewayUrl}/admin/catalog`);
    await signInThroughForm(page, email, password);
    await page.getByRole('heading', { name: 'Service catalog', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New catalog item' }).click();
    const editor = page.getByRole('form', { name: 'New catalog item' });
    await editor.waitFor();

    await editor.getByLabel('Service', { exact: true }).selectOption({ label: 'A new service…' });
    await editor.getByLabel('Name of the new service').fill(`Мониторы ${run} / Displays ${run}`);
    await editor.getByLabel('Item name').fill(`Монитор ${run} / Monitor ${run}`);
    await editor
      .getByLabel('Description')
      .fill('Второй монитор к рабочему месту. / A second display for your desk.');

    // The starter template is a working form from the start.
    const preview = editor.getByRole('region', { name: 'The form as requesters see it' });
    await preview.getByLabel('What is it for').waitFor();

    const schema = editor.getByLabel('JSON Schema');
    await schema.fill('{\n  "type": "object",\n  "properties" {}\n}');
    await editor.getByText('Not valid JSON at line 3, column 16.').waitFor();
    await expect(schema.getAttribute('aria-invalid')).resolves.toBe('true');
    await editor.getByText('The preview comes back once the schema is valid.').waitFor();
    await editor.getByRole('button', { name: 'Create item' }).click();
    await expect(editor.getByRole('alert').count()).resolves.toBe(0);

    // Well-formed JSON the catalog refuses: its problem+json error shows under the schema.
    await schema.fill('{ "type": "object", "properties": { "size": { "type": "strin" } } }');
    await editor.getByRole('button', { name: 'Create item' }).click();
    await editor.getByRole('alert').waitFor();
    const refusal = editor.locator('#item-formSchema-error');
    await expect(refusal.textContent()).resolves.toMatch(/\S/);
    await expect(refusal.textContent()).resolves.not.toMatch(/Not valid JSON|must be a JSON/);

    const form = {
      type: 'object',
      required: ['size', 'neededBy'],
      properties: {
        size: {
          type: 'string',
          title: 'Диагональ / Size',
          oneOf: [
            { const: '24', title: '24 дюйма / 24 inches' },
            { const: '27', title: '27 дюймов / 27 inches' },
          ],
        },
        neededBy: { type: 'string', format: 'date', title: 'Нужен к / Needed by' },
      },
      additionalProperties: false,
    };
    await schema.fill(JSON.stringify(form, null, 2));
    await expect(editor.getByText(/Not valid JSON/).count()).resolves.toBe(0);
    const size = preview.getByLabel('Size');
    await size.waitFor();
    await size.selectOption({ label: '27 inches' });
    await preview.getByLabel('Needed by').fill('2030-01-15');
    await expect(preview.getByLabel('What is it for').count()).resolves.toBe(0);
    await screenshot(page, '33-admin-catalog-item-editor');

    await editor.getByRole('button', { name: 'Create item' }).click();
    await page.getByRole('heading', { name: `Monitor ${run}`, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/catalog\/[0-9a-f-]{36}$/);
    const itemId = new URL(page.url()).pathname.split('/').at(-1);
    await page
      .getByRole('region', { name: 'The form as requesters see it' })
      .getByLabel('Size')
      .waitFor();

    const [items, services] = await Promise.all([
      suite.fetch(`${suite.platform.gatewayUrl}/api/v1/catalog/items`),
      suite.fetch(`${suite.platform.gatewayUrl}/api/v1/catalog/services`),
    ]);
    const created = ((await items.json()) as { items: ListedItem[] }).items.filter((item) =>
      item.name.endsWith(`Monitor ${run}`),
    );
    // The service made on the refused attempt is the one the item got, made once.
    const named = (
      (await services.json()) as { items: { id: string; name: string }[] }
    ).items.filter((candidate) => candidate.name === `Мониторы ${run} / Displays ${run}`);
    expect(named).toHaveLength(1);
    const service = named[0];
    expect(created).toEqual([
      {
        id: itemId,
        serviceId: service?.id,
        name: `Монитор ${run} / Monitor ${run}`,
        description: 'Второй монитор к рабочему месту. / A second display for your desk.',
        formSchema: form,
        defaultCategoryId: null,
        defaultImpact: 'medium',
        defaultUrgency: 'medium',
        fulfilmentGroupId: null,
        active: true,
        createdAt: expect.any(String),
        version: 1,
        updatedAt: expect.any(String),
      },
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an administrator changes an item, meets a concurrent change, retires it and offers it again', async () => {
    const url = suite.platform.gatewayUrl;
    const postJson = suite.postJson;
    const services = (await (await suite.fetch(`${url}/api/v1/catalog/services`)).json()) as {
      items: { id: string }[];
    };
    const serviceId = services.items[0]?.id ?? '';
    const form = {
      type: 'object',
      required: ['size'],
      properties: {
        size: {
          type: 'string',
          title: 'Диагональ / Size',
          oneOf: [
            { const: '24', title: '24 дюйма / 24 inches' },
            { const: '27', title: '27 дюймов / 27 inches' },
          ],
        },
      },
      additionalProperties: false,
    };
    const created = await postJson(`${url}/api/v1/catalog/items`, {
      serviceId,
      name: `Экран ${run} / Screen ${run}`,
      description: 'Второй экран. / A second screen.',
      formSchema: form,
      defaultUrgency: 'high',
    });
    expect(created.status).toBe(201);
    const itemId = ((await created.json()) as ListedItem).id;
    const itemUrl = `${url}/api/v1/catalog/items/${itemId}`;
    const read = async () => (await (await suite.fetch(itemUrl)).json()) as ListedItem;

    const { page, context, problems } = await openWindow(browser);
    const { email, password } = suite.platform.admin;
    await page.goto(`${url}/admin/catalog/${itemId}`);
    await signInThroughForm(page, email, password);
    await page.getByRole('heading', { name: `Screen ${run}`, level: 1 }).waitFor();

    // The editor opens with the item as stored: both languages, the schema as readable JSON.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = page.getByRole('form', { name: `Edit “Screen ${run}”` });
    await editor.waitFor();
    const name = editor.getByLabel('Item name');
    await expect(name.inputValue()).resolves.toBe(`Экран ${run} / Screen ${run}`);
    const schema = editor.getByLabel('JSON Schema');
    // Stored as JSON, the schema's keys may come back in another order; the text is indented.
    const loaded = await schema.inputValue();
    expect(JSON.parse(loaded)).toEqual(form);
    expect(loaded).toContain('\n  "properties": {\n    "size": {\n');
    const preview = editor.getByRole('region', { name: 'The form as requesters see it' });
    await preview.getByLabel('Size').waitFor();

    await name.fill(`Экран 4K ${run} / Screen 4K ${run}`);
    const changed = {
      ...form,
      properties: {
        ...form.properties,
        desk: { type: 'string', title: 'Где стоит стол / Where the desk is', maxLength: 200 },
      },
    };
    await schema.fill(JSON.stringify(changed, null, 2));
    await preview.getByLabel('Where the desk is').fill('Room 4.12');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, '35-admin-catalog-item-edit');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: `Screen 4K ${run}`, level: 1 }).waitFor();
    await expect(editor.count()).resolves.toBe(0);
    await page
      .getByRole('region', { name: 'The form as requesters see it' })
      .getByLabel('Where the desk is')
      .waitFor();
    const saved = await read();
    expect(saved).toMatchObject({
      name: `Экран 4K ${run} / Screen 4K ${run}`,
      description: 'Второй экран. / A second screen.',
      formSchema: changed,
      defaultUrgency: 'high',
      active: true,
      version: 2,
    });

    // Someone else saves while the editor is open: the next save is refused, not lost silently.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const again = page.getByRole('form', { name: `Edit “Screen 4K ${run}”` });
    await again.getByLabel('Description').fill('Мой вариант. / My version.');
    const concurrent = await suite.fetch(itemUrl, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': '"2"' },
      body: JSON.stringify({
        serviceId,
        name: saved.name,
        description: 'Их вариант. / Their version.',
        formSchema: changed,
        defaultUrgency: 'high',
        active: true,
      }),
    });
    expect(concurrent.status).toBe(200);
    await again.getByRole('button', { name: 'Save changes' }).click();
    const stale = again.getByRole('alert').filter({ hasText: 'Someone else changed this item' });
    await stale.waitFor();
    await again.getByRole('button', { name: 'Reload' }).click();
    // The editor starts afresh from the version now stored.
    const theirs = 'Их вариант. / Their version.';
    await eventually('the editor to show the stored description', async () =>
      (await again.getByLabel('Description').inputValue()) === theirs ? true : undefined,
    );
    await expect(stale.count()).resolves.toBe(0);
    await again.getByRole('button', { name: 'Cancel' }).click();
    await expect(again.count()).resolves.toBe(0);
    await expect(read()).resolves.toMatchObject({
      description: 'Их вариант. / Their version.',
      version: 3,
    });

    // Retiring asks first, and "Cancel" keeps the item offered.
    await page.getByRole('button', { name: 'Retire from the catalog' }).click();
    const confirmation = page.getByRole('alertdialog', {
      name: `Retire “Screen 4K ${run}” from the catalog?`,
    });
    await confirmation.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirmation.count()).resolves.toBe(0);
    await expect(read()).resolves.toMatchObject({ active: true, version: 3 });
    await page.getByRole('button', { name: 'Retire from the catalog' }).click();
    await confirmation.getByRole('button', { name: 'Retire', exact: true }).click();
    await page.getByRole('button', { name: 'Offer again' }).waitFor();
    await page.getByTestId('catalog-item-state').getByText('Retired').waitFor();

    await expect(read()).resolves.toMatchObject({ active: false, version: 4 });
    const offered = (await (await suite.fetch(`${url}/api/v1/catalog/items`)).json()) as {
      items: ListedItem[];
    };
    expect(offered.items.map((item) => item.id)).not.toContain(itemId);
    const everything = (await (
      await suite.fetch(`${url}/api/v1/catalog/items?includeInactive=true`)
    ).json()) as { items: ListedItem[] };
    expect(everything.items.find((item) => item.id === itemId)).toMatchObject({ active: false });
    const order = await postJson(`${itemUrl}/requests`, {
      requesterId: 'emp-1001',
      fields: { size: '27' },
    });
    expect(order.status).toBe(409);

    // The portal no longer offers it; the admin list keeps it, marked as retired.
    const portalSearch = async () => {
      await page.goto(`${url}/portal`);
      await page.getByRole('heading', { name: 'What do you need?' }).waitFor();
      await page.getByLabel('Search the catalog').fill(`Screen 4K ${run}`);
    };
    await portalSearch();
    await page.getByText(`Nothing in the catalog matches “Screen 4K ${run}”`).waitFor();
    // An old link to it says so, instead of offering a form that would be refused.
    await page.goto(`${url}/portal/catalog/${itemId}`);
    await page.getByRole('heading', { name: `Screen 4K ${run} is no longer offered` }).waitFor();
    await expect(page.getByRole('button', { name: 'Send request' }).count()).resolves.toBe(0);
    await page.goto(`${url}/admin/catalog`);
    const row = page.getByRole('row').filter({ hasText: `Screen 4K ${run}` });
    await row.getByText('Retired').waitFor();
    await row.getByRole('link', { name: `Screen 4K ${run}` }).click();
    await page.getByRole('button', { name: 'Offer again' }).click();
    await page.getByRole('button', { name: 'Retire from the catalog' }).waitFor();
    await expect(page.getByTestId('catalog-item-state').count()).resolves.toBe(0);
    await expect(read()).resolves.toMatchObject({ active: true, version: 5 });
    const back = (await (await suite.fetch(`${url}/api/v1/catalog/items`)).json()) as {
      items: ListedItem[];
    };
    expect(back.items.map((item) => item.id)).toContain(itemId);
    await portalSearch();
    await page.getByRole('link', { name: new RegExp(`Screen 4K ${run}`) }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
