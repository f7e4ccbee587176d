import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { aTicketRequestBody, eventually } from '@itsm/testing';
import type { TicketBody } from '../support/api-bodies';
import { createUser, type TestUser } from '../support/api-session';
import { platformSuite } from '../support/platform-suite';
import {
  consoleListLoaded,
  launchBrowser,
  openWindow,
  screenshot,
  signInThroughForm,
} from './browser-session';

interface Created {
  id: string;
}

// The platform starts with the CMDB and knowledge services (and its search index) besides the
// core, which takes longer than the default on a busy machine.
jest.setTimeout(240_000);

/** How far the page scrolls sideways: 0 when it fits the window. */
const sidewaysScroll = (page: Page) =>
  page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

/**
 * The agent's workbench in a real browser: a supervisor links a configuration item to a
 * ticket through the picker and reads what fails with it, sends the requester a suggested
 * knowledge article, and keeps the console's filters as a saved view. The admin area fits a
 * phone and the header an administrator's many sections.
 */
describe('the agent workbench in a browser', () => {
  const suite = platformSuite({ cmdb: true, knowledge: true, web: true });
  const run = randomUUID().slice(0, 8);
  const hostName = `esx-payroll-${run}`;
  const serviceName = `Payroll ${run}`;
  const articleTitle = 'Payroll host unreachable: restart the payroll VM';
  const catalogItemName = `Ergonomic docking station with two monitor arms ${run}`;
  let browser: Browser;
  let supervisor: TestUser;
  let ticket: TicketBody;
  let host: Created;
  let article: Created;

  async function created<T>(response: Response, what: string): Promise<T> {
    if (response.status !== 201)
      throw new Error(`${what}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  beforeAll(async () => {
    const url = suite.platform.gatewayUrl;
    supervisor = await createUser(url, suite.admin, {
      email: `workbench-${run}@itsm.test`,
      displayName: 'Irina Volkova',
      roles: ['supervisor'],
    });

    // A business service that fails when the host does: payroll → application → host.
    const item = (body: Record<string, unknown>) =>
      suite
        .postJson(`${url}/api/v1/cmdb/items`, { actorId: 'cmdb-admin', status: 'active', ...body })
        .then((response) => created<Created>(response, `item ${String(body['name'])}`));
    const payroll = await item({
      type: 'business_service',
      name: serviceName,
      attributes: { criticality: 'critical' },
    });
    const app = await item({ type: 'application', name: `1C:ZUP ${run}` });
    host = await item({ type: 'server', name: hostName });
    for (const [sourceId, targetId, type] of [
      [payroll.id, app.id, 'depends_on'],
      [app.id, host.id, 'runs_on'],
    ] as const) {
      await created(
        await suite.postJson(`${url}/api/v1/cmdb/relationships`, {
          sourceId,
          targetId,
          type,
          actorId: 'cmdb-admin',
        }),
        'relationship',
      );
    }

    // A published article in the words of the ticket.
    const draft = await created<Created>(
      await suite.postJson(`${url}/api/v1/knowledge/articles`, {
        language: 'en',
        authorId: 'author-1',
        title: articleTitle,
        body: 'When the payroll host is unreachable, restart the payroll VM from the console.',
        audience: 'public',
        tags: ['payroll'],
      }),
      'article',
    );
    for (const [action, actorId] of [
      ['submit', 'author-1'],
      ['approve', 'kb-reviewer-1'],
    ] as const) {
      const response = await suite.postJson(
        `${url}/api/v1/knowledge/articles/${draft.id}/transitions`,
        { action, actorId },
      );
      if (response.status !== 200) throw new Error(`${action}: ${await response.text()}`);
    }
    article = draft;
    await eventually(
      'the article to be suggested',
      async () => {
        const response = await suite.fetch(
          `${url}/api/v1/knowledge/suggestions?${new URLSearchParams({
            title: 'Payroll host unreachable',
            view: 'agent',
          }).toString()}`,
        );
        const body = (await response.json()) as { items?: { id: string }[] };
        return body.items?.some(({ id }) => id === article.id) ? true : undefined;
      },
      { timeoutMs: 20_000 },
    );

    ticket = await created<TicketBody>(
      await suite.postJson(
        suite.ticketsUrl,
        aTicketRequestBody({
          title: `Payroll host unreachable (${run})`,
          description: 'Nobody can open the payroll application since the morning.',
        }),
      ),
      'ticket',
    );
    // A catalog with an item, for the admin table on a phone.
    const catalogService = await created<Created>(
      await suite.postJson(`${url}/api/v1/catalog/services`, {
        name: `Рабочее место ${run} / Workplace ${run}`,
        description: 'Laptops, docks and peripherals',
      }),
      'catalog service',
    );
    await created(
      await suite.postJson(`${url}/api/v1/catalog/items`, {
        serviceId: catalogService.id,
        name: catalogItemName,
        description: 'A dock for your laptop.',
        formSchema: { type: 'object', properties: {}, additionalProperties: false },
        defaultImpact: 'low',
        defaultUrgency: 'medium',
        fulfilmentGroupId: null,
      }),
      'catalog item',
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('links a configuration item through the picker and shows what fails with it', async () => {
    const { page, context, problems } = await openWindow(browser);
    await page.goto(`${suite.platform.gatewayUrl}/console/tickets/${ticket.id}`);
    await signInThroughForm(page, supervisor.email, supervisor.password);
    await page.getByRole('heading', { name: ticket.title, exact: true }).waitFor();

    const panel = page.getByRole('region', { name: 'Configuration items' });
    await panel.getByText('No configuration item is linked to this ticket.').waitFor();
    const picker = panel.getByRole('combobox', { name: 'Link a configuration item' });
    await picker.fill(`no-such-item-${run}`);
    await panel.getByText(`No configuration item matches “no-such-item-${run}”.`).waitFor();
    await picker.fill(`payroll-${run}`);
    const option = panel.getByRole('option', { name: new RegExp(hostName) });
    await option.waitFor();
    await expect(picker.getAttribute('aria-expanded')).resolves.toBe('true');
    await picker.press('Enter');

    await page
      .getByRole('status')
      .filter({ hasText: `${hostName} linked to ${ticket.number}` })
      .waitFor();
    await panel.getByText(hostName, { exact: true }).waitFor();
    const impact = panel.getByTestId('impact-summary');
    await impact.getByText('Highest criticality: Critical').waitFor();
    await expect(impact.textContent()).resolves.toMatch(
      /1 business service affected · 2 more items fail with them/,
    );
    await impact.getByText(serviceName).waitFor();
    await expect(picker.inputValue()).resolves.toBe('');
    const linked = (await (
      await supervisor.fetch(`${suite.ticketsUrl}/${ticket.id}`)
    ).json()) as TicketBody & { configurationItemIds: string[] };
    expect(linked.configurationItemIds).toEqual([host.id]);
    await screenshot(page, '28-console-ci-impact');

    await panel.getByRole('button', { name: `Unlink ${hostName}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${hostName} unlinked from ${ticket.number}` })
      .waitFor();
    await panel.getByText('No configuration item is linked to this ticket.').waitFor();
    const unlinked = (await (
      await supervisor.fetch(`${suite.ticketsUrl}/${ticket.id}`)
    ).json()) as { configurationItemIds: string[]; version: number };
    expect(unlinked.configurationItemIds).toEqual([]);
    expect(unlinked.version).toBe(linked.version + 1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('suggests the article that matches the ticket and puts its link into the reply', async () => {
    const { page, context, problems } = await openWindow(browser);
    await page.goto(`${suite.platform.gatewayUrl}/console/tickets/${ticket.id}`);
    await signInThroughForm(page, supervisor.email, supervisor.password);
    const panel = page.getByRole('region', { name: 'Suggested articles' });
    await panel.getByText(articleTitle).waitFor();

    await panel.getByRole('button', { name: `Read “${articleTitle}”` }).click();
    const reader = panel.getByRole('region', { name: articleTitle });
    await reader.getByText('restart the payroll VM from the console').waitFor();
    await expect(
      page.evaluate<string | undefined>('document.activeElement?.textContent'),
    ).resolves.toBe(articleTitle);

    const reply = page.getByLabel('Public reply');
    await reply.fill('Hello, this should get you going again:');
    await panel
      .getByRole('button', { name: `Insert a link to “${articleTitle}” into the reply` })
      .click();
    const link = `${suite.platform.gatewayUrl}/portal/knowledge/${article.id}`;
    await eventually('the link to be in the reply', async () =>
      (await reply.inputValue()).includes(link) ? true : undefined,
    );
    await expect(reply.inputValue()).resolves.toBe(
      `Hello, this should get you going again:\n\n${articleTitle}: ${link}`,
    );
    await expect(page.evaluate<string | undefined>('document.activeElement?.id')).resolves.toBe(
      'composer-body',
    );
    await screenshot(page, '29-console-suggested-articles');

    await page.getByRole('button', { name: 'Send reply' }).click();
    await page
      .getByRole('list', { name: 'Conversation' })
      .getByText(link, { exact: false })
      .waitFor();
    const comments = (await (
      await supervisor.fetch(`${suite.ticketsUrl}/${ticket.id}/comments`)
    ).json()) as { items: { body: string; visibility: string }[] };
    expect(comments.items).toContainEqual(
      expect.objectContaining({ visibility: 'public', body: expect.stringContaining(link) }),
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it('saves the console’s filters as a view, shows its count, renames and deletes it', async () => {
    const { page, context, problems } = await openWindow(browser);
    await page.goto(
      `${suite.platform.gatewayUrl}/console?${new URLSearchParams({ q: run, priority: ticket.priority }).toString()}`,
    );
    await signInThroughForm(page, supervisor.email, supervisor.password);
    await page.getByRole('row', { name: new RegExp(ticket.number) }).waitFor();
    await expect(page.getByLabel('Search tickets').inputValue()).resolves.toBe(run);

    // A name taken in another window is refused by the API and said so under the field.
    const taken = `Taken ${run}`;
    const existing = await supervisor.fetch(`${suite.platform.gatewayUrl}/api/v1/views`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: taken, filters: { status: 'closed' } }),
    });
    expect(existing.status).toBe(201);

    await page.getByRole('button', { name: 'Save as view' }).click();
    const form = page.getByRole('form', { name: 'Save the current filters as a view' });
    await form.getByLabel('Name').fill(taken);
    await form.getByRole('button', { name: 'Save view' }).click();
    await form.getByText(/already have a view (named|called)/i).waitFor();
    await expect(form.getByLabel('Name').getAttribute('aria-invalid')).resolves.toBe('true');

    const name = `Payroll outages ${run}`;
    await form.getByLabel('Name').fill(name);
    await form.getByRole('button', { name: 'Save view' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `View “${name}” saved` })
      .waitFor();
    const queues = page.getByRole('navigation', { name: 'Queues' });
    const queue = queues.getByRole('link', { name: new RegExp(`^${name}\\s*1$`) });
    await queue.waitFor();
    await expect(queue.getAttribute('aria-current')).resolves.toBe('page');
    expect(new URL(page.url()).searchParams.get('view')).toMatch(/^[0-9a-f-]{36}$/);
    expect(new URL(page.url()).searchParams.get('q')).toBeNull();
    await expect(page.getByLabel('Search tickets').inputValue()).resolves.toBe('');
    await consoleListLoaded(page);
    await page.getByRole('row', { name: new RegExp(ticket.number) }).waitFor();
    await expect(page.getByRole('row').count()).resolves.toBe(2);
    await screenshot(page, '30-console-saved-view');

    const views = async () =>
      (
        (await (await supervisor.fetch(`${suite.platform.gatewayUrl}/api/v1/views`)).json()) as {
          items: { name: string; shared: boolean; filters: Record<string, unknown> }[];
        }
      ).items;
    expect((await views()).find((view) => view.name === name)).toMatchObject({
      shared: false,
      filters: { q: run, priority: ticket.priority },
    });

    await page.getByRole('button', { name: 'Edit view' }).click();
    const edit = page.getByRole('form', { name: `Edit the view “${name}”` });
    const renamed = `Payroll incidents ${run}`;
    await edit.getByLabel('Name').fill(renamed);
    await edit.getByLabel('Share with every agent').check();
    await edit.getByRole('button', { name: 'Save view' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `View “${renamed}” saved` })
      .waitFor();
    await queues.getByRole('link', { name: new RegExp(`^${renamed}\\s*Shared\\s*1$`) }).waitFor();

    await page.getByRole('button', { name: 'Delete view' }).click();
    const confirm = page.getByRole('alertdialog', { name: `Delete the view “${renamed}”?` });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm.count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Delete view' }).click();
    await confirm.getByRole('button', { name: 'Delete view' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `View “${renamed}” deleted` })
      .waitFor();
    await queues.getByRole('link', { name: new RegExp(renamed) }).waitFor({ state: 'detached' });
    expect((await views()).map((view) => view.name)).not.toContain(renamed);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits the admin area on a phone and the header of an administrator at 1360 px', async () => {
    const { page, context, problems } = await openWindow(browser, { width: 375, height: 812 });
    const { email, password } = suite.platform.admin;
    await page.goto(`${suite.platform.gatewayUrl}/admin/catalog`);
    await signInThroughForm(page, email, password);
    await page.getByRole('heading', { name: 'Service catalog', level: 1 }).waitFor();
    // A table scrolls in its own box when it is wider, which the keyboard reaches and outlines.
    const table = page.getByRole('region', { name: 'Service catalog' });
    await table.getByRole('link', { name: new RegExp(catalogItemName) }).waitFor();
    await expect(table.getAttribute('tabindex')).resolves.toBe('0');
    await table.focus();
    // Back and forth with the keyboard, as a keyboard user reaches it.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(
      page.evaluate<{ region: string | null; outline: string }>(`({
        region: document.activeElement.getAttribute('aria-labelledby'),
        outline: getComputedStyle(document.activeElement).outlineStyle,
      })`),
    ).resolves.toEqual({ region: 'catalog-table-caption', outline: 'solid' });
    await expect(sidewaysScroll(page)).resolves.toBeLessThanOrEqual(0);
    await screenshot(page, '31-admin-phone');
    for (const [path, heading] of [
      ['templates', 'Notification templates'],
      ['triggers', 'Notification triggers'],
      ['sla', 'SLA policies and calendars'],
      ['routing', 'Routing'],
      ['webhooks', 'Webhooks'],
      ['deliveries', 'Delivery log'],
    ] as const) {
      await page.goto(`${suite.platform.gatewayUrl}/admin/${path}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.locator('.table-wrap, .state').first().waitFor();
      await expect({ path, scroll: await sidewaysScroll(page) }).toEqual({ path, scroll: 0 });
    }

    await page.setViewportSize({ width: 1360, height: 900 });
    await page.goto(`${suite.platform.gatewayUrl}/console`);
    await page.getByRole('heading', { name: 'Queues' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    const overflow = () =>
      page.evaluate<{ nav: number; header: number; page: number }>(`(() => {
        const nav = document.querySelector('nav.nav');
        const header = document.querySelector('.header__inner');
        return {
          nav: nav.scrollWidth - nav.clientWidth,
          header: header.scrollWidth - header.clientWidth,
          page: document.documentElement.scrollWidth - window.innerWidth,
        };
      })()`);
    await expect(overflow()).resolves.toEqual({ nav: 0, header: 0, page: 0 });
    await nav.getByRole('link', { name: 'Agent console' }).waitFor();
    await nav.getByRole('link', { name: 'Admin' }).waitFor();
    await screenshot(page, '32-header-1360');

    // Narrower, the entries that do not fit go into "More", which the keyboard opens and closes.
    await page.setViewportSize({ width: 900, height: 900 });
    const more = nav.getByRole('button', { name: 'More' });
    await more.waitFor();
    await expect(overflow()).resolves.toEqual({ nav: 0, header: 0, page: 0 });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(more.getAttribute('aria-expanded')).resolves.toBe('true');
    const myTickets = nav.getByRole('link', { name: 'My tickets' });
    await myTickets.waitFor();
    await page.keyboard.press('Escape');
    await expect(more.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(myTickets.count()).resolves.toBe(0);
    await expect(
      page.evaluate<string | undefined>('document.activeElement?.textContent'),
    ).resolves.toMatch(/^More/);
    await page.keyboard.press('Enter');
    await myTickets.click();
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    await expect(more.getAttribute('aria-expanded')).resolves.toBe('false');
    expect(problems).toEqual([]);
    await context.close();
  });
});
