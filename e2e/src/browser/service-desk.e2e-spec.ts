import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { SmtpSink } from '@itsm/testing';
import { createUser, type TestUser } from '../support/api-session';
import { platformSuite } from '../support/platform-suite';
import {
  consoleListShows,
  followNavigation,
  launchBrowser,
  openWindow,
  screenshot,
  searchConsole,
  signInThroughForm,
} from './browser-session';

/**
 * The web app in a real browser, served by the gateway: a requester orders from the catalog,
 * a supervisor works the request in the agent console, and the requester sees the reply arrive
 * live and rates the resolution. Screenshots of each screen land in dist/screenshots/.
 *
 * The console user is a supervisor, who sees every ticket: on a machine where the demo platform
 * runs too, its routing reads the shared tickets topic and may put the request in one of its own
 * groups, which a test agent would not see.
 */
describe('the service desk in a browser', () => {
  let smtp: SmtpSink;
  // Before the platform starts (hooks run in order): notifications are given the sink's URL.
  beforeAll(async () => {
    smtp = await SmtpSink.start();
  });
  const suite = platformSuite({
    sla: true,
    routing: true,
    web: true,
    get notifications() {
      return { smtpUrl: smtp.url };
    },
  });
  const run = randomUUID().slice(0, 8);
  const itemName = `Docking station ${run}`;
  let browser: Browser;
  let requester: TestUser;
  let supervisor: TestUser;
  let requesterPage: Page;
  let requesterProblems: string[] = [];
  let ticketNumber = '';
  let ticketId = '';

  beforeAll(async () => {
    const url = suite.platform.gatewayUrl;
    [requester, supervisor] = await Promise.all([
      createUser(url, suite.admin, {
        email: `requester-${run}@itsm.test`,
        displayName: 'Olga Smirnova',
        roles: ['requester'],
      }),
      createUser(url, suite.admin, {
        email: `supervisor-${run}@itsm.test`,
        displayName: 'Pavel Kozlov',
        roles: ['supervisor'],
      }),
    ]);
    const service = (await (
      await suite.postJson(`${url}/api/v1/catalog/services`, {
        name: `Рабочее место ${run} / Workplace ${run}`,
        description: 'Laptops, docks and peripherals',
      })
    ).json()) as { id: string };
    const item = await suite.postJson(`${url}/api/v1/catalog/items`, {
      serviceId: service.id,
      name: `Док-станция ${run} / ${itemName}`,
      description: 'Док-станция для ноутбука. / A dock for your laptop.',
      formSchema: {
        type: 'object',
        required: ['model', 'neededBy', 'monitors'],
        properties: {
          model: {
            type: 'string',
            title: 'Модель / Model',
            enum: ['USB-C dock', 'Thunderbolt dock'],
          },
          neededBy: { type: 'string', format: 'date', title: 'Нужна к / Needed by' },
          monitors: {
            type: 'integer',
            title: 'Мониторов / Monitors',
            minimum: 1,
            maximum: 3,
          },
          withKeyboard: { type: 'boolean', title: 'С клавиатурой / With a keyboard' },
          note: { type: 'string', title: 'Комментарий / Note', maxLength: 200 },
        },
        additionalProperties: false,
      },
      defaultImpact: 'low',
      defaultUrgency: 'medium',
      fulfilmentGroupId: null,
    });
    if (item.status !== 201) throw new Error(`catalog item: ${item.status} ${await item.text()}`);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await smtp?.stop();
  });

  it('a requester signs in, orders from the catalog and finds the request in “My tickets”', async () => {
    const window = await openWindow(browser);
    requesterPage = window.page;
    requesterProblems = window.problems;
    const page = requesterPage;

    await page.goto(`${suite.platform.gatewayUrl}/portal/tickets`);
    await page.getByRole('heading', { name: 'Sign in to the service desk' }).waitFor();
    await screenshot(page, '01-sign-in');
    await page.getByLabel('Password').fill('not the password');
    await page.getByLabel('Work email').fill(requester.email);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/\S/);

    await signInThroughForm(page, requester.email, requester.password);
    // The deep link asked for before signing in is where the requester lands.
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    await page.getByText('You have no tickets yet').waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual([
      'Request something',
      'Knowledge base',
      'Report a problem',
      'My tickets',
    ]);

    await nav.getByRole('link', { name: 'Request something' }).click();
    await page.getByRole('heading', { name: 'What do you need?' }).waitFor();
    await page.getByLabel('Search the catalog').fill('no such thing anywhere');
    await page.getByText('Nothing in the catalog matches “no such thing anywhere”').waitFor();
    await page.getByLabel('Search the catalog').fill(`dock ${run}`);
    await page.getByRole('heading', { name: `Workplace ${run}` }).waitFor();
    await screenshot(page, '02-catalog');

    await page.getByRole('link', { name: new RegExp(itemName) }).click();
    await page.getByRole('heading', { name: `Request: ${itemName}` }).waitFor();
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('Please correct 3 fields.').waitFor();
    await expect(page.getByText('Please fill this in.').count()).resolves.toBe(3);

    await page.getByLabel('Model').selectOption('Thunderbolt dock');
    await page.getByLabel('Needed by').fill('2030-01-15');
    await page.getByLabel('Monitors').fill('5');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('At most 3.').waitFor();
    await page.getByLabel('Monitors').fill('2');
    await page.getByLabel('With a keyboard').check();
    await page.getByLabel('Anything else we should know?').fill('Two monitors on the left desk.');
    await screenshot(page, '03-request-form');
    await page.getByRole('button', { name: 'Send request' }).click();

    const toast = page.getByRole('status').filter({ hasText: /Request REQ-\d+ is on its way/ });
    await toast.waitFor();
    ticketNumber = /REQ-\d+/.exec((await toast.textContent()) ?? '')?.[0] ?? '';
    expect(ticketNumber).toMatch(/^REQ-\d+$/);
    await page.getByRole('heading', { name: itemName, exact: true }).waitFor();
    ticketId = /\/portal\/tickets\/([0-9a-f-]+)/.exec(page.url())?.[1] ?? '';
    expect(ticketId).not.toBe('');
    // The form's values come back with their labels.
    await page.getByText('Thunderbolt dock').waitFor();

    await nav.getByRole('link', { name: 'My tickets' }).click();
    const row = page.getByRole('link', { name: new RegExp(ticketNumber) });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(
      // Routing of another platform on the same Kafka may already have assigned it.
      new RegExp(`${itemName}.*(New|Assigned).*Updated`),
    );
    await screenshot(page, '04-my-tickets');

    // Russian on demand, kept across reloads.
    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByRole('heading', { name: 'Мои обращения' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Мои обращения' }).waitFor();
    await expect(
      page.getByRole('link', { name: new RegExp(ticketNumber) }).textContent(),
    ).resolves.toMatch(/Новое|Назначено/);
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();

    // The requester keeps the request open while the service desk works on it.
    await page.getByRole('link', { name: new RegExp(ticketNumber) }).click();
    await page.getByRole('heading', { name: itemName, exact: true }).waitFor();
    await page.getByText('No messages yet').waitFor();
    expect(requesterProblems).toEqual([]);
  });

  it('the service desk finds the request in the console, takes it, replies and resolves it', async () => {
    const { page, context, problems: agentProblems } = await openWindow(browser);
    await page.goto(suite.platform.gatewayUrl);
    await signInThroughForm(page, supervisor.email, supervisor.password);
    await page.getByRole('heading', { name: 'Queues' }).waitFor();

    // The keyboard drives the list: / to search, j to select, Enter to open.
    await page.keyboard.press('/');
    await page.keyboard.type(itemName);
    await consoleListShows(page, itemName);
    await page.getByRole('row', { name: new RegExp(ticketNumber) }).waitFor();
    await expect(page.getByRole('row').count()).resolves.toBe(2);
    await page.getByLabel('Search tickets').blur();
    await page.keyboard.press('j');
    await expect(
      page.getByRole('row', { name: new RegExp(ticketNumber) }).getAttribute('aria-selected'),
    ).resolves.toBe('true');
    await screenshot(page, '05-console-list');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: itemName, exact: true }).waitFor();
    const actions = page.getByRole('toolbar', { name: 'Actions' });
    const offered = await actions.getByRole('button').allTextContents();
    expect(offered[0]).toBe('Assign to me');
    expect(offered).toContain('Cancel ticket');
    expect(offered).not.toContain('Close');
    await actions.getByRole('button', { name: 'Assign to me' }).click();
    await page.getByRole('status').filter({ hasText: 'Assigned to you' }).waitFor();
    await actions.getByRole('button', { name: 'Start work' }).waitFor();
    await actions.getByRole('button', { name: 'Start work' }).click();
    await page.getByText('In progress', { exact: true }).first().waitFor();

    await page.getByRole('radio', { name: 'Internal note' }).click();
    await page.getByLabel('Internal note').fill('Dock is in stock on the 3rd floor.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('status').filter({ hasText: 'Note added' }).waitFor();
    await page.getByRole('radio', { name: 'Public reply' }).click();
    await page
      .getByLabel('Public reply')
      .fill('Your dock is ready: pick it up at the 3rd floor desk.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    // The composer's own text matches too: the messages are looked for in the conversation.
    const conversation = page.getByRole('list', { name: 'Conversation' });
    await conversation.getByText('Your dock is ready: pick it up at the 3rd floor desk.').waitFor();
    await conversation.getByText('Dock is in stock on the 3rd floor.').waitFor();
    await expect(page.getByText('Internal', { exact: true }).count()).resolves.toBe(1);

    await actions.getByRole('button', { name: 'Resolve' }).click();
    await page.getByLabel('Resolution code').selectOption('fulfilled');
    await page.getByLabel('What was done').fill('Dock handed over.');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${ticketNumber}: Resolve` })
      .waitFor();
    await expect(actions.getByRole('button').allTextContents()).resolves.toEqual([
      'Close',
      'Reopen',
    ]);
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByText('resolve', { exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Conversation' }).click();
    await screenshot(page, '06-console-ticket');
    expect(agentProblems).toEqual([]);
    await context.close();
  });

  it('the requester sees the reply arrive without reloading and rates the resolution 5', async () => {
    const page = requesterPage;
    // The page was opened before the service desk replied: only the live event stream brings these.
    await page.getByText('Your dock is ready: pick it up at the 3rd floor desk.').waitFor();
    // Internal notes never reach the requester.
    await expect(page.getByText('Dock is in stock on the 3rd floor.').count()).resolves.toBe(0);
    await page.getByText('Dock handed over.').waitFor();

    await page.getByRole('heading', { name: 'Resolution' }).waitFor();
    await page.getByRole('radio', { name: '5 stars' }).check();
    await page.getByLabel('Comment (optional)').fill('Quick and friendly, thank you!');
    await page.getByRole('button', { name: 'Send rating' }).click();
    await page.getByText('Your rating: 5 of 5').waitFor();
    await screenshot(page, '07-portal-ticket');

    const ticket = (await (
      await requester.fetch(`${suite.platform.gatewayUrl}/api/v1/tickets/${ticketId}`)
    ).json()) as { status: string; satisfaction: { rating: number; comment: string } | null };
    expect(ticket).toMatchObject({
      status: 'resolved',
      satisfaction: { rating: 5, comment: 'Quick and friendly, thank you!' },
    });
    expect(requesterProblems).toEqual([]);
  });

  it('fits a phone screen (375 px) without sideways scrolling', async () => {
    const page = requesterPage;
    await page.setViewportSize({ width: 375, height: 812 });
    await followNavigation(page, 'My tickets');
    await page.getByRole('link', { name: new RegExp(ticketNumber) }).waitFor();
    await expect(
      page.getByRole('link', { name: new RegExp(ticketNumber) }).textContent(),
    ).resolves.toMatch(/Resolved/);
    await expect(
      page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).resolves.toBeLessThanOrEqual(0);
    await screenshot(page, '08-my-tickets-375px');
    expect(requesterProblems).toEqual([]);
  });

  it('a supervisor sees the dashboard of backlog, SLA compliance and agent load', async () => {
    const { page, context, problems: supervisorProblems } = await openWindow(browser);
    await page.goto(`${suite.platform.gatewayUrl}/dashboard`);
    await signInThroughForm(page, supervisor.email, supervisor.password);
    await page.getByRole('heading', { name: 'Service desk today' }).waitFor();
    await page.getByRole('heading', { name: 'Open tickets by state' }).waitFor();
    await page.getByRole('heading', { name: 'SLA compliance, last 30 days' }).first().waitFor();
    await page.getByRole('heading', { name: 'Agent load' }).waitFor();
    await screenshot(page, '09-dashboard');
    expect(supervisorProblems).toEqual([]);
    await context.close();
  });

  it('an administrator edits the English subject of a template, watching the preview', async () => {
    const { page, context, problems: adminProblems } = await openWindow(browser);
    const { email, password } = suite.platform.admin;
    await page.goto(`${suite.platform.gatewayUrl}/admin`);
    await signInThroughForm(page, email, password);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Admin' })
      .waitFor();
    await page.getByRole('heading', { name: 'Notification templates', level: 1 }).waitFor();

    await page.getByRole('link', { name: 'Edit ticket-created-requester in English' }).click();
    await page.getByRole('heading', { name: 'ticket-created-requester' }).waitFor();
    const subject = page.getByLabel('Subject', { exact: true });
    const preview = page.getByTestId('preview-subject');
    await preview.waitFor();

    // A variable the template may not use is named under the field it is in.
    await subject.fill('{{ ticket.secret }} is broken');
    await page.locator('#template-subject-error').filter({ hasText: 'ticket.secret' }).waitFor();
    await expect(subject.getAttribute('aria-invalid')).resolves.toBe('true');

    await subject.fill(`{{ ticket.number }} is registered (${run})`);
    await page
      .getByTestId('preview-subject')
      .filter({ hasText: new RegExp(`^\\S+-\\d+ is registered \\(${run}\\)$`) })
      .waitFor();
    await expect(page.locator('#template-subject-error').count()).resolves.toBe(0);
    await page.getByTitle('HTML preview of the message').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Template saved' }).waitFor();
    await page.getByText('Version 2').waitFor();
    // A full-page shot of a scrolled page draws the sticky header mid-page.
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, '10-admin-templates');

    const stored = (await (
      await fetch(
        `${suite.platform.gatewayUrl}/api/v1/notification-templates/ticket-created-requester/en`,
        { headers: suite.admin },
      )
    ).json()) as { subject: string; version: number };
    expect(stored).toMatchObject({
      subject: `{{ ticket.number }} is registered (${run})`,
      version: 2,
    });
    expect(adminProblems).toEqual([]);
    await context.close();
  });

  it('the requester’s bell counts the notifications about her ticket', async () => {
    const page = requesterPage;
    await page.setViewportSize({ width: 1360, height: 900 });
    const bell = page.getByRole('button', { name: /^Notifications, \d+ unread$/ });
    await bell.waitFor();
    await bell.click();
    const panel = page.getByRole('region', { name: 'Notifications' });
    await panel
      .getByRole('link', { name: new RegExp(ticketNumber) })
      .first()
      .waitFor();
    await screenshot(page, '11-notifications-bell');
    await panel.getByRole('button', { name: 'Mark all read' }).click();
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    expect(requesterProblems).toEqual([]);
  });

  it('an administrator walks the other admin sections and subscribes a webhook', async () => {
    const { page, context, problems: adminProblems } = await openWindow(browser);
    const { email, password } = suite.platform.admin;
    await page.goto(`${suite.platform.gatewayUrl}/admin/triggers`);
    await signInThroughForm(page, email, password);
    const sections = page.getByRole('navigation', { name: 'Administration' });
    const visit = async (link: string, heading: string, loaded: string) => {
      await sections.getByRole('link', { name: link }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.getByRole('heading', { name: loaded }).waitFor();
    };

    await page.getByRole('heading', { name: 'Notification triggers', level: 1 }).waitFor();
    await page.getByRole('switch', { name: 'Use ticket-created' }).waitFor();
    await screenshot(page, '18-admin-triggers');
    await visit('SLA policies', 'SLA policies and calendars', 'Business calendars');
    await screenshot(page, '12-admin-sla');
    await visit('Routing', 'Routing', 'Routing rules, in the order they are tried');
    await screenshot(page, '13-admin-routing');
    await sections.getByRole('link', { name: 'Service catalog' }).click();
    await page.getByRole('link', { name: itemName }).waitFor();
    await screenshot(page, '14-admin-catalog');
    await page.getByRole('link', { name: itemName }).click();
    await page.getByRole('heading', { name: 'The form as requesters see it' }).waitFor();
    await page.getByLabel('Monitors').waitFor();

    await visit('Webhooks', 'Webhooks', 'New subscription');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await page.getByText('An http or https address, please.').waitFor();
    await page.getByLabel('Name').fill(`Monitoring ${run}`);
    await page.getByLabel('URL').fill('http://127.0.0.1:9/hooks/itsm');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await page.getByRole('heading', { name: `Signing secret of Monitoring ${run}` }).waitFor();
    await expect(page.getByLabel('Signing secret', { exact: true }).textContent()).resolves.toMatch(
      /\S{16,}/,
    );
    await page.getByRole('button', { name: `Deactivate Monitoring ${run}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Monitoring ${run} is deactivated` })
      .waitFor();
    await page.getByText('Deactivated', { exact: true }).waitFor();
    await screenshot(page, '15-admin-webhooks');

    await sections.getByRole('link', { name: 'Delivery log' }).click();
    await page.getByRole('heading', { name: 'Delivery log', level: 1 }).waitFor();
    await page.getByLabel('Status').selectOption('delivered');
    await page.getByRole('cell', { name: 'Delivered' }).first().waitFor();
    await screenshot(page, '16-admin-deliveries');

    // The admin area fits a phone too: wide tables scroll inside their own box.
    await page.setViewportSize({ width: 375, height: 812 });
    await sections.getByRole('link', { name: 'Notification templates' }).click();
    await page.getByRole('link', { name: 'Edit ticket-created-requester in Russian' }).waitFor();
    await expect(
      page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).resolves.toBeLessThanOrEqual(0);
    await screenshot(page, '19-admin-templates-375px');
    await page.setViewportSize({ width: 1360, height: 900 });
    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByRole('heading', { name: 'Шаблоны уведомлений', level: 1 }).waitFor();
    await page
      .getByRole('link', { name: 'Изменить ticket-created-requester: Английский' })
      .waitFor();
    await screenshot(page, '20-admin-templates-ru');
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { name: 'Notification templates', level: 1 }).waitFor();

    // Bulk changes from the console: the outcome names every ticket it was asked for.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Agent console' })
      .click();
    await searchConsole(page, itemName);
    await page.getByRole('row', { name: new RegExp(ticketNumber) }).waitFor();
    await page.getByRole('checkbox', { name: `Select ${ticketNumber}` }).check();
    const bar = page.getByRole('region', { name: 'Change the selected tickets' });
    await bar.getByText('1 selected').waitFor();
    await bar.getByRole('button', { name: 'Assign to me' }).click();
    await page
      .getByRole('heading', { name: /^Assign to me: (done|nothing was changed)$/ })
      .waitFor();
    await page.getByText(ticketNumber, { exact: true }).last().waitFor();
    await screenshot(page, '17-console-bulk');
    expect(adminProblems).toEqual([]);
    await context.close();
  });
});
