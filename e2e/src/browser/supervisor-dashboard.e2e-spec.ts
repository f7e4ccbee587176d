import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { aTicketRequestBody } from '@itsm/testing';
import type { TicketBody } from '../support/api-bodies';
import { createUser, type TestUser } from '../support/api-session';
import { platformSuite } from '../support/platform-suite';
import { launchBrowser, openWindow, screenshot, signInThroughForm } from './browser-session';

/**
 * The supervisor's trends in a real browser: two tickets answered, resolved and rated today
 * (5 in the supervisor's group, 4 in another) show in the MTTA, MTTR and CSAT figures and
 * charts, for every group and for one, in English and in Russian, on a desk and on a phone.
 */
describe('the supervisor dashboard trends in a browser', () => {
  const suite = platformSuite({ sla: true, routing: true, web: true });
  const run = randomUUID().slice(0, 8);
  const groupName = `Вторая линия ${run} / Second line ${run}`;
  let browser: Browser;
  let supervisor: TestUser;
  let groupId = '';

  async function answeredResolvedAndRated(rating: number, assignmentGroupId: string) {
    const body = aTicketRequestBody({ title: `Monitor flickers ${run}` });
    const created = await suite.postJson(suite.ticketsUrl, body);
    if (created.status !== 201) throw new Error(`ticket: ${created.status}`);
    const ticket = (await created.json()) as TicketBody;
    const steps: [string, Record<string, unknown>][] = [
      [
        'transitions',
        { actorId: 'agent-1', action: 'assign', assigneeId: 'agent-1', assignmentGroupId },
      ],
      ['comments', { authorId: 'agent-1', body: 'Which cable do you use?' }],
      ['transitions', { actorId: 'agent-1', action: 'resolve', resolutionCode: 'fixed' }],
      ['satisfaction', { requesterId: body['requesterId'], rating, comment: '' }],
    ];
    for (const [path, step] of steps) {
      const response = await suite.postJson(`${suite.ticketsUrl}/${ticket.id}/${path}`, step);
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    }
  }

  beforeAll(async () => {
    const url = suite.platform.gatewayUrl;
    supervisor = await createUser(url, suite.admin, {
      email: `supervisor-${run}@dashboard.test`,
      displayName: 'Irina Volkova',
      roles: ['supervisor'],
    });
    const line = (await (
      await suite.postJson(`${url}/api/v1/routing/lines`, { name: `Line ${run}`, level: 2 })
    ).json()) as { id: string };
    const group = await suite.postJson(`${url}/api/v1/routing/groups`, {
      name: groupName,
      lineId: line.id,
      strategy: 'least_loaded',
    });
    if (group.status !== 201) throw new Error(`group: ${group.status} ${await group.text()}`);
    groupId = ((await group.json()) as { id: string }).id;
    await answeredResolvedAndRated(5, groupId);
    await answeredResolvedAndRated(4, `elsewhere-${run}`);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows MTTA, MTTR and CSAT of the period, by group, in both languages and on a phone', async () => {
    const { page, context, problems } = await openWindow(browser);
    await page.goto(`${suite.platform.gatewayUrl}/dashboard`);
    await signInThroughForm(page, supervisor.email, supervisor.password);
    await page.getByRole('heading', { name: 'Service desk today' }).waitFor();

    const csat = page.getByRole('region', { name: 'Customer satisfaction' });
    await expect(csat.getByText('4.5 of 5', { exact: true }).textContent()).resolves.toBe(
      '4.5 of 5',
    );
    await expect(csat.textContent()).resolves.toContain('100% satisfied, 2 ratings');
    const resolved = page.getByRole('region', { name: 'Resolved', exact: true });
    await expect(resolved.textContent()).resolves.toMatch(/^Resolved2/);
    const mttr = page.getByRole('region', { name: 'Mean time to resolve' });
    await expect(mttr.textContent()).resolves.toMatch(/Median/);

    const timeChart = page.getByRole('region', { name: 'Response and resolution time, hours' });
    // Both lines have a point for today (one point draws a dot, not a stroke).
    await timeChart.locator('.recharts-line-dot').first().waitFor();
    await expect(timeChart.locator('.recharts-line-dot').count()).resolves.toBe(2);
    await expect(timeChart.getByText('To resolve').count()).resolves.toBeGreaterThan(0);
    await expect(timeChart.getByText('Nothing to show yet.').count()).resolves.toBe(0);
    const csatChart = page.getByRole('region', { name: 'Satisfaction by day' });
    await csatChart.locator('.recharts-bar-rectangle').first().waitFor();
    // The backlog per line of support has its chart (every ticket here is resolved: none open).
    const byLine = page.getByRole('region', { name: 'Open tickets by line of support' });
    await byLine.waitFor();

    await page.getByRole('combobox', { name: 'Assignment group' }).selectOption(groupId);
    await csat.getByText('5 of 5', { exact: true }).waitFor();
    await expect(csat.textContent()).resolves.toContain('100% satisfied, 1 rating');
    await page.getByRole('button', { name: '7 days', exact: true }).click();
    await expect(
      page.getByRole('button', { name: '7 days', exact: true }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await csat.getByText('5 of 5', { exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Assignment group' }).selectOption('');
    await csat.getByText('4.5 of 5', { exact: true }).waitFor();
    await screenshot(page, '21-dashboard-trends');

    await page.getByRole('button', { name: 'RU' }).click();
    const csatRu = page.getByRole('region', { name: 'Удовлетворённость клиентов' });
    await csatRu.getByText('4,5 из 5').waitFor();
    await page.getByRole('region', { name: 'Время реакции и решения, часы' }).waitFor();
    await page.getByRole('button', { name: '30 дней' }).waitFor();

    await page.setViewportSize({ width: 375, height: 812 });
    await csatRu.getByText('4,5 из 5').waitFor();
    // Nothing of the dashboard sticks out sideways.
    await expect(
      page.evaluate<string[]>(`[...document.querySelectorAll('main *')]
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
        // A chart clips its own drawing (and redraws to the new width).
        .filter((element) => !element.closest('svg'))
        .map((element) => element.tagName + '.' + element.getAttribute('class'))
        .slice(0, 5)`),
    ).resolves.toEqual([]);
    await screenshot(page, '22-dashboard-trends-phone');

    await page.getByRole('button', { name: 'EN' }).click();
    expect(problems).toEqual([]);
    await context.close();
  });
});
