import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { aTicketRequestBody, eventually } from '@itsm/testing';
import type { TicketBody } from '../support/api-bodies';
import { createUser, type TestUser } from '../support/api-session';
import { platformSuite } from '../support/platform-suite';
import { launchBrowser, openWindow, screenshot, signInThroughForm } from './browser-session';

interface ClockListBody {
  items: { ticketId: string }[];
}

/**
 * The supervisor's dashboard panel of SLA clocks at risk and breached today, in a real browser:
 * one ticket's clock warns within seconds (an early warning on a long target), another's
 * breaches within seconds (a short target), both under policies of the test's own.
 */
describe('SLA risk on the supervisor’s dashboard in a browser', () => {
  const suite = platformSuite({ sla: true, web: true });
  const run = randomUUID().slice(0, 8);
  let browser: Browser;
  let supervisor: TestUser;
  let atRisk: TicketBody;
  let breached: TicketBody;

  async function created<T>(response: Response, what: string): Promise<T> {
    if (response.status !== 201)
      throw new Error(`${what}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** A ticket of a fresh organisation whose own 24×7 policy has the given target and warning. */
  async function ticketUnder(title: string, targetMs: number, warningThreshold: number) {
    const gateway = suite.platform.gatewayUrl;
    const organizationId = `org-${randomUUID()}`;
    const calendar = await created<{ id: string }>(
      await suite.postJson(`${gateway}/api/v1/sla/calendars`, {
        name: `24×7 ${organizationId}`,
        kind: 'always_on',
        timeZone: 'Europe/Moscow',
      }),
      'calendar',
    );
    await created(
      await suite.postJson(`${gateway}/api/v1/sla/policies`, {
        name: `Risk ${run}`,
        order: 1,
        conditions: { organizationIds: [organizationId] },
        targets: [{ target: 'resolution', targetMs, calendarId: calendar.id }],
        warningThresholds: [warningThreshold],
      }),
      'policy',
    );
    return created<TicketBody>(
      await suite.postJson(suite.ticketsUrl, aTicketRequestBody({ organizationId, title })),
      'ticket',
    );
  }

  function listed(condition: 'at_risk' | 'breached', ticketId: string) {
    return eventually(`${ticketId} listed as ${condition}`, async () => {
      const response = await suite.fetch(
        `${suite.platform.gatewayUrl}/api/v1/sla/clocks?condition=${condition}&pageSize=100`,
      );
      const body = (await response.json()) as ClockListBody;
      return body.items.some((clock) => clock.ticketId === ticketId) ? true : undefined;
    });
  }

  beforeAll(async () => {
    supervisor = await createUser(suite.platform.gatewayUrl, suite.admin, {
      email: `supervisor-${run}@sla-risk.test`,
      displayName: 'Pavel Kozlov',
      roles: ['supervisor'],
    });
    // Warns after 6 s of a ten-minute target; the other breaches its 3 s target.
    [atRisk, breached] = await Promise.all([
      ticketUnder(`Payroll export stalls ${run}`, 600_000, 0.01),
      ticketUnder(`Badge reader offline ${run}`, 3_000, 0.5),
    ]);
    await Promise.all([listed('at_risk', atRisk.id), listed('breached', breached.id)]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a supervisor sees a ticket at risk and a breached one, and follows the link to the console', async () => {
    const { page, context, problems } = await openWindow(browser);
    await page.goto(`${suite.platform.gatewayUrl}/dashboard`);
    await signInThroughForm(page, supervisor.email, supervisor.password);
    await page.getByRole('heading', { name: 'SLA clocks to act on' }).waitFor();

    const atRiskList = page.getByRole('region', { name: /^At risk/ });
    const breachedList = page.getByRole('region', { name: /^Breached today/ });
    const atRiskRow = atRiskList.getByRole('link', { name: new RegExp(atRisk.number) });
    const breachedRow = breachedList.getByRole('link', { name: new RegExp(breached.number) });
    await atRiskRow.waitFor();
    await breachedRow.waitFor();
    await expect(atRiskRow.textContent()).resolves.toMatch(
      new RegExp(
        `Payroll export stalls ${run}.*Due in \\d+:\\d{2}:\\d{2}.*Resolution · Risk ${run}`,
      ),
    );
    await expect(breachedRow.textContent()).resolves.toMatch(
      new RegExp(`Badge reader offline ${run}.*Overdue by .*breached`),
    );
    await expect(atRiskRow.locator('.sla--warning').count()).resolves.toBe(1);
    await expect(breachedRow.locator('.sla--breached').count()).resolves.toBe(1);
    await expect(
      atRiskList.getByRole('link', { name: new RegExp(breached.number) }).count(),
    ).resolves.toBe(0);
    await expect(atRiskList.getByRole('heading').textContent()).resolves.toMatch(/^At risk\d+$/);
    await expect(breachedList.getByRole('heading').textContent()).resolves.toMatch(
      /^Breached today\d+$/,
    );
    await atRiskList.scrollIntoViewIfNeeded();
    await screenshot(page, '23-dashboard-sla-risk');

    // On a phone the two lists stack, the breached one under the one at risk.
    await page.setViewportSize({ width: 375, height: 800 });
    const [first, second] = await Promise.all([
      atRiskList.boundingBox(),
      breachedList.boundingBox(),
    ]);
    expect(second?.y ?? 0).toBeGreaterThanOrEqual((first?.y ?? 0) + (first?.height ?? 0));
    await expect(
      page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).resolves.toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1360, height: 900 });

    await atRiskRow.click();
    await page
      .getByRole('heading', { name: `Payroll export stalls ${run}`, exact: true })
      .waitFor();
    expect(new URL(page.url()).pathname).toBe(`/console/tickets/${atRisk.id}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a warning shows on an open dashboard within seconds, through the live stream', async () => {
    const { page, context, problems } = await openWindow(browser);
    await page.goto(`${suite.platform.gatewayUrl}/dashboard`);
    await signInThroughForm(page, supervisor.email, supervisor.password);
    const atRiskList = page.getByRole('region', { name: /^At risk/ });
    await atRiskList.getByRole('link', { name: new RegExp(atRisk.number) }).waitFor();

    // Warns 8 s after it is filed: after the reload its creation brings, and shows well before
    // the panel's own refresh a minute after it opened (the wait gives up at about 33 s).
    const late = await ticketUnder(`VPN certificate expiring ${run}`, 400_000, 0.02);
    await atRiskList
      .getByRole('link', { name: new RegExp(late.number) })
      .waitFor({ timeout: 30_000 });
    expect(problems).toEqual([]);
    await context.close();
  });
});
