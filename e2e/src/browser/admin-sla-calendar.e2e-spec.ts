import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { fetchAs } from '../support/api-session';
import { platformSuite } from '../support/platform-suite';
import { launchBrowser, openWindow, screenshot, signInThroughForm } from './browser-session';

interface Calendar {
  id: string;
  name: string;
  timeZone: string;
  workingHours: Record<string, { from: string; to: string }[]>;
  holidays: string[];
  holidayNames: Record<string, string>;
  version: number;
}

/**
 * An administrator keeps the business calendars SLA clocks count in without code: creates one,
 * is stopped by a day ending before it starts, saves, then works Saturdays too, and is told to
 * reload when someone else changed the calendar meanwhile.
 */
describe('business calendars in the admin area', () => {
  const suite = platformSuite({ sla: true, web: true });
  const run = randomUUID().slice(0, 8);
  const name = `Moscow office ${run}`;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('an administrator creates a calendar, then works Saturdays too', async () => {
    const url = suite.platform.gatewayUrl;
    const asAdmin = fetchAs(suite.admin);
    const read = async (id: string) => {
      const response = await asAdmin(`${url}/api/v1/sla/calendars/${id}`);
      expect(response.status).toBe(200);
      return (await response.json()) as Calendar;
    };
    const { page, problems } = await openWindow(browser);

    await page.goto(`${url}/admin/sla`);
    await signInThroughForm(page, suite.platform.admin.email, suite.platform.admin.password);
    await page.getByRole('heading', { name: 'Business calendars' }).waitFor();
    await page.getByRole('link', { name: 'New calendar' }).click();
    await page.getByRole('heading', { name: 'New business calendar' }).waitFor();

    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Find a time zone').fill('mosc');
    await page.getByLabel('Time zone', { exact: true }).selectOption('Europe/Moscow');
    const summary = page.getByTestId('calendar-summary');
    await expect(summary.textContent()).resolves.toContain('Mon–Fri 09:00–18:00');

    // A day that ends when it starts is refused before anything is sent.
    await page.getByLabel('Monday, to').selectOption('09:00');
    const mondayError = page.locator('#calendar-workingHours-monday-error');
    await expect(mondayError.textContent()).resolves.toBe('The end must be later than the start.');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByLabel('Monday, to').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(page.url()).toMatch(/\/admin\/sla\/calendars\/new$/);
    await page.getByLabel('Monday, to').selectOption('18:00');
    await mondayError.waitFor({ state: 'detached' });

    await page.getByLabel('Holiday date').fill('2027-01-07');
    await page.getByRole('button', { name: 'Add holiday' }).click();
    await page.getByRole('button', { name: /^Remove the holiday .*2027$/ }).waitFor();
    await expect(page.getByText('7 Jan 2027', { exact: true }).count()).resolves.toBe(1);
    await page.getByLabel('Name of 7 Jan 2027').fill('  Christmas (Orthodox) ');
    await expect(summary.textContent()).resolves.toBe(
      'Mon–Fri 09:00–18:00, Europe/Moscow time. Not worked on 1 holiday.',
    );
    await expect(page.getByTestId('calendar-holiday-list').textContent()).resolves.toBe(
      'Holidays: 7 Jan 2027 — Christmas (Orthodox).',
    );

    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/admin\/sla\/calendars\/[0-9a-f-]{36}$/);
    const id = /calendars\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
    const created = await read(id);
    expect(created).toMatchObject({
      name,
      timeZone: 'Europe/Moscow',
      holidays: ['2027-01-07'],
      holidayNames: { '2027-01-07': 'Christmas (Orthodox)' },
      version: 1,
    });
    expect(created.workingHours['monday']).toEqual([{ from: '09:00', to: '18:00' }]);
    expect(created.workingHours['friday']).toEqual([{ from: '09:00', to: '18:00' }]);
    expect(created.workingHours['saturday']).toEqual([]);

    await page.goto(`${url}/admin/sla`);
    await page.getByRole('row', { name: new RegExp(name) }).waitFor();
    await expect(
      page.getByRole('row', { name: new RegExp(name) }).textContent(),
    ).resolves.toContain('Mon–Fri 09:00–18:00');
    await page.getByRole('link', { name: `Edit ${name}` }).click();
    await page.getByRole('heading', { name: `Calendar “${name}”` }).waitFor();
    await expect(page.getByLabel('Name of 7 Jan 2027').inputValue()).resolves.toBe(
      'Christmas (Orthodox)',
    );
    await page.getByRole('checkbox', { name: 'Saturday' }).check();
    await expect(summary.textContent()).resolves.toContain('Mon–Sat 09:00–18:00');
    await screenshot(page, '34-admin-sla-calendar');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`Calendar ${name} saved`).waitFor();

    const edited = await read(id);
    expect(edited.version).toBe(2);
    expect(edited.workingHours['saturday']).toEqual([{ from: '09:00', to: '18:00' }]);
    expect(edited.workingHours['sunday']).toEqual([]);
    expect(edited.holidays).toEqual(['2027-01-07']);
    expect(edited.holidayNames).toEqual({ '2027-01-07': 'Christmas (Orthodox)' });

    // Someone else renames it meanwhile: saving the stale version asks to reload.
    const renamed = `${name} (renamed)`;
    const put = await asAdmin(`${url}/api/v1/sla/calendars/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': '"2"' },
      body: JSON.stringify({
        name: renamed,
        kind: 'working_hours',
        timeZone: edited.timeZone,
        workingHours: edited.workingHours,
        holidays: edited.holidays,
        holidayNames: edited.holidayNames,
      }),
    });
    expect(put.status).toBe(200);
    await page.getByRole('checkbox', { name: 'Sunday' }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Someone else changed this calendar while you were editing it.').waitFor();
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.getByRole('heading', { name: `Calendar “${renamed}”` }).waitFor();
    await expect(page.getByRole('checkbox', { name: 'Sunday' }).isChecked()).resolves.toBe(false);
    expect((await read(id)).workingHours['sunday']).toEqual([]);

    // On a phone the editor fits the screen: nothing scrolls sideways.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.getByRole('checkbox', { name: 'Monday' }).waitFor();
    await expect(
      page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).resolves.toBeLessThanOrEqual(0);

    expect(problems).toEqual([]);
  });
});
