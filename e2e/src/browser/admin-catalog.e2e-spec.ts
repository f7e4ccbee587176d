import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
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
}

/**
 * The admin area's catalog editor in a real browser: an administrator writes a new item's
 * request form as JSON Schema, watches it render as requesters will see it, and creates it.
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
      },
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
