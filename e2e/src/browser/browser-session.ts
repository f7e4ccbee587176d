import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's chromium (scripts/lib.sh installs it); playwright-core brings no browser of its own. */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const SCREENSHOTS = resolve(__dirname, '../../../dist/screenshots');

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/**
 * A person's own browser window: a fresh context (its own sessionStorage and tokens), in
 * English unless told otherwise. Uncaught page errors and CSP violations fail the test.
 */
export async function openWindow(
  browser: Browser,
  { width = 1360, height = 900, locale = 'en-GB' } = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale,
    timezoneId: 'Europe/Moscow',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export async function signInThroughForm(
  page: Page,
  email: string,
  password: string,
): Promise<void> {
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/**
 * Follows an entry of the header's main navigation, through its "More" menu when the entry did
 * not fit beside the others (on a phone, or with many roles). Right after the window changes
 * size the header is still sorting its entries into the row and the menu, so an entry seen in
 * one place may move to the other: the step is tried again until it lands.
 */
export async function followNavigation(page: Page, name: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const link = nav.getByRole('link', { name });
  const more = nav.getByRole('button', { name: 'More' });
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await link.isVisible()) && (await more.isVisible())) {
        if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
      }
      await link.click({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 6) throw error;
    }
  }
}

/** Types into the console's search box and waits for the list of what was searched for. */
export async function searchConsole(page: Page, text: string): Promise<void> {
  await page.getByLabel('Search tickets').fill(text);
  await consoleListShows(page, text);
}

/**
 * Waits until the console lists the tickets for `text`: the address carries the words (the
 * search box is debounced) and the ticket grid is no longer loading.
 */
export async function consoleListShows(page: Page, text: string): Promise<void> {
  await page.waitForURL((url) => url.searchParams.get('q') === text);
  await consoleListLoaded(page);
}

/** Waits until the console's ticket grid holds the answer to its latest query. */
export async function consoleListLoaded(page: Page): Promise<void> {
  await page.locator('[role="grid"][aria-busy="false"]').waitFor();
}
