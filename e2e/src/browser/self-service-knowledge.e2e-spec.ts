import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '@itsm/testing';
import type { TicketBody } from '../support/api-bodies';
import { createUser, type TestUser } from '../support/api-session';
import { platformSuite } from '../support/platform-suite';
import { launchBrowser, openWindow, screenshot, signInThroughForm } from './browser-session';

interface ArticleBody {
  id: string;
  content: { title: string };
}

interface FeedbackBody {
  views: number;
  helpfulVotes: number;
  notHelpfulVotes: number;
}

interface AttachmentBody {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedBy: string;
}

const TITLE = 'Label printer prints blank labels';
/** Markdown with what an author might paste: markup the page must show as text, not run. */
const BODY = [
  'If the **label printer** feeds blank labels, check in this order:',
  '',
  '1. Open the lid and make sure the *ribbon* is not torn.',
  '2. Run `calibrate` from the printer menu.',
  '',
  'Still blank? <script>window.__articleScriptRan = true</script>',
  '[Open the driver page](javascript:window.__articleLinkRan=true)',
].join('\n');
const LOG = Buffer.from('2025-01-10 09:14 printer LP-2 ribbon sensor: open\n');

/**
 * The self-service portal's knowledge base in a real browser: a requester finds a published
 * article by searching, reads it (its Markdown rendered without running anything), votes it
 * helpful, and reports the problem anyway with a log file attached — a refused file is shown
 * with the API's reason while the rest go through.
 */
// Tickets, knowledge (with its index) and the gateway serving the web app start and migrate
// one after another: on a busy machine that alone can take longer than one default timeout.
jest.setTimeout(300_000);

describe('self-service knowledge base and attachments in a browser', () => {
  const suite = platformSuite({ knowledge: true, web: true });
  const run = randomUUID().slice(0, 8);
  let browser: Browser;
  let requester: TestUser;
  let article: ArticleBody;
  let categoryName = '';
  let page: Page;
  let problems: string[] = [];
  let ticketId = '';

  const knowledgeUrl = () => `${suite.platform.gatewayUrl}/api/v1/knowledge`;

  async function feedback(): Promise<FeedbackBody> {
    const response = await suite.fetch(`${knowledgeUrl()}/articles/${article.id}/feedback`);
    expect(response.status).toBe(200);
    return (await response.json()) as FeedbackBody;
  }

  async function answered(response: Response, status: number, what: string): Promise<unknown> {
    if (response.status !== status)
      throw new Error(`${what}: ${response.status} ${await response.text()}`);
    return response.json();
  }

  beforeAll(async () => {
    const url = suite.platform.gatewayUrl;
    requester = await createUser(url, suite.admin, {
      email: `kb-requester-${run}@itsm.test`,
      displayName: 'Irina Volkova',
      roles: ['requester'],
    });
    categoryName = `Печать ${run} / Printing ${run}`;
    const category = await suite.postJson(`${knowledgeUrl()}/categories`, {
      name: categoryName,
      actorId: 'kb-editor-1',
    });
    const { id: categoryId } = (await answered(category, 201, 'category')) as { id: string };
    const created = await suite.postJson(`${knowledgeUrl()}/articles`, {
      language: 'en',
      authorId: 'author-1',
      title: TITLE,
      body: BODY,
      audience: 'public',
      categoryId,
      tags: ['printer'],
    });
    article = (await answered(created, 201, 'article')) as ArticleBody;
    for (const [action, actorId] of [
      ['submit', 'author-1'],
      ['approve', 'kb-reviewer-1'],
    ] as const) {
      const response = await suite.postJson(
        `${knowledgeUrl()}/articles/${article.id}/transitions`,
        { action, actorId },
      );
      await answered(response, 200, action);
    }
    // The index follows PostgreSQL through its queue within moments.
    await eventually(
      'the article to be searchable',
      async () => {
        const response = await requester.fetch(`${knowledgeUrl()}/search?q=label+printer`);
        const found = (await response.json()) as { items: { id: string }[] };
        return found.items.some((item) => item.id === article.id) ? true : undefined;
      },
      { timeoutMs: 15_000 },
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a requester searches the knowledge base, reads the article and finds it helpful', async () => {
    const window = await openWindow(browser);
    page = window.page;
    problems = window.problems;

    await page.goto(`${suite.platform.gatewayUrl}/portal/knowledge`);
    await signInThroughForm(page, requester.email, requester.password);
    await page.getByRole('heading', { name: 'Knowledge base', level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(
      nav.getByRole('link', { name: 'Knowledge base' }).getAttribute('aria-current'),
    ).resolves.toBe('page');
    await page
      .getByRole('navigation', { name: 'Categories' })
      .getByRole('link', { name: `Printing ${run}` })
      .waitFor();

    // Nothing found: the page offers to report the problem, with the words as its summary.
    await page.getByLabel('Search the knowledge base').fill('quantum flux capacitor');
    await page.getByRole('button', { name: 'Search' }).click();
    await page
      .getByRole('heading', { name: 'No articles match “quantum flux capacitor”' })
      .waitFor();
    await expect(
      page.getByRole('main').getByRole('link', { name: 'Report a problem' }).getAttribute('href'),
    ).resolves.toBe('/portal/report?title=quantum+flux+capacitor');

    await page.getByLabel('Search the knowledge base').fill('label printer blank');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/portal\/knowledge\?q=label\+printer\+blank$/);
    const result = page.getByRole('link', { name: TITLE });
    await result.waitFor();
    // The matches are highlighted in the title and in the snippet.
    await expect(page.locator('.kb-hit__title mark').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['Label', 'printer']),
    );
    await expect(page.locator('.kb-hit__snippet mark').count()).resolves.toBeGreaterThan(0);
    await page.getByText('1 article').waitFor();
    await page.getByText(`Printing ${run}`, { exact: true }).last().waitFor();
    await screenshot(page, '24-portal-knowledge');

    // A category narrows the list and stays in the URL with the words.
    await page
      .getByRole('navigation', { name: 'Categories' })
      .getByRole('link', { name: `Printing ${run}` })
      .click();
    await page.waitForURL(/category=/);
    await result.waitFor();

    await result.click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await page.getByText(/^Updated \d/).waitFor();
    await page.getByText('label printer', { exact: true }).waitFor();
    await expect(page.locator('.article-body strong').first().textContent()).resolves.toBe(
      'label printer',
    );
    await expect(page.locator('.article-body ol > li').count()).resolves.toBe(2);
    // What the author pasted is text: no script ran, and the javascript: link is no link.
    await page
      .getByText('Still blank? <script>window.__articleScriptRan = true</script>')
      .waitFor();
    await expect(page.locator('.article-body a').count()).resolves.toBe(0);
    await expect(page.evaluate<boolean>('Boolean(window.__articleScriptRan)')).resolves.toBe(false);
    await eventually('the view to be counted', async () =>
      (await feedback()).views === 1 ? true : undefined,
    );

    await page.getByRole('button', { name: 'Yes' }).click();
    await page.getByText('Thank you! Glad it helped.').waitFor();
    await expect(
      page.getByRole('button', { name: 'Yes' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    expect(await feedback()).toMatchObject({ helpfulVotes: 1, notHelpfulVotes: 0 });
    await screenshot(page, '25-portal-article');

    // Back to the search the reader came from.
    await page.getByRole('main').getByRole('link', { name: 'Knowledge base' }).click();
    await page.waitForURL(/q=label\+printer\+blank/);
    await expect(page.getByLabel('Search the knowledge base').inputValue()).resolves.toBe(
      'label printer blank',
    );
    expect(problems).toEqual([]);
  });

  it('reports the problem from the article with files: too large refused early, a program refused by the API', async () => {
    await page.goto(`${suite.platform.gatewayUrl}/portal/knowledge?q=label+printer`);
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: 'Still need help?' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Report a problem' }).click();
    await page.getByRole('heading', { name: 'Report a problem', level: 1 }).waitFor();
    await page.getByText(`You read “${TITLE}” before reporting`).waitFor();
    await page.getByText('Up to 10 MB per file', { exact: false }).waitFor();

    const files = page.getByLabel('Attach files');
    await files.setInputFiles([
      {
        name: 'huge-dump.zip',
        mimeType: 'application/zip',
        buffer: Buffer.alloc(11 * 1024 * 1024),
      },
    ]);
    await page.getByText('huge-dump.zip is 11 MB; a file can be at most 10 MB.').waitFor();
    await files.setInputFiles([
      { name: 'printer-log.txt', mimeType: 'text/plain', buffer: LOG },
      { name: 'fix-printer.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') },
    ]);
    const chosen = page.getByRole('list', { name: 'Files to send' });
    await expect(chosen.getByRole('listitem').count()).resolves.toBe(2);
    await chosen.getByText('Ready to send').first().waitFor();

    await page.getByLabel('Short summary').fill(`Label printer LP-2 still blank ${run}`);
    await page.getByRole('button', { name: 'Send to the service desk' }).click();

    // The ticket is filed; the program is refused with the API's reason, the log attached.
    const partly = page
      .getByRole('alert')
      .filter({ hasText: /Ticket INC-\d+ is filed, but some files were not attached/ });
    await partly.waitFor();
    const fileRow = (name: string) => chosen.getByRole('listitem').filter({ hasText: name });
    await fileRow('printer-log.txt').getByText('Attached').waitFor();
    await fileRow('fix-printer.exe').getByText('Not attached').waitFor();
    await fileRow('fix-printer.exe')
      .getByText('.exe files run by themselves and are not accepted', { exact: false })
      .waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, '26-portal-attachment');

    ticketId =
      /\/portal\/tickets\/([0-9a-f-]+)/.exec(
        (await partly.getByRole('link', { name: 'Open the ticket' }).getAttribute('href')) ?? '',
      )?.[1] ?? '';
    expect(ticketId).not.toBe('');

    // Without the refused file, sending again files no second ticket and opens the first.
    await page.getByRole('button', { name: 'Remove fix-printer.exe' }).click();
    await page.getByRole('button', { name: 'Send to the service desk' }).click();
    await page.waitForURL(new RegExp(`/portal/tickets/${ticketId}$`));
    await page.getByRole('heading', { name: `Label printer LP-2 still blank ${run}` }).waitFor();
    const attachmentsCard = page.getByRole('region', { name: 'Attachments' });
    await attachmentsCard.getByRole('button', { name: 'printer-log.txt' }).waitFor();

    const listed = await suite.fetch(`${suite.ticketsUrl}/${ticketId}/attachments`);
    const attachments = ((await listed.json()) as { items: AttachmentBody[] }).items;
    expect(attachments).toEqual([
      expect.objectContaining({
        fileName: 'printer-log.txt',
        contentType: 'text/plain',
        sizeBytes: LOG.length,
        uploadedBy: requester.id,
      }),
    ]);
    const ticket = (await (
      await suite.fetch(`${suite.ticketsUrl}/${ticketId}`)
    ).json()) as TicketBody & { description: string };
    expect(ticket.requesterId).toBe(requester.id);
    expect(ticket.description).toContain(
      `Read before reporting: ${TITLE} (${suite.platform.gatewayUrl}/portal/knowledge/${article.id})`,
    );
    expect(problems).toEqual([]);
  });

  it('attaches a file to a reply on the ticket page', async () => {
    await page.getByLabel('Reply').fill('Here is the log after calibrating.');
    await page
      .getByLabel('Attach files')
      .setInputFiles([{ name: 'after-calibration.txt', mimeType: 'text/plain', buffer: LOG }]);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const attachmentsCard = page.getByRole('region', { name: 'Attachments' });
    await attachmentsCard.getByRole('button', { name: 'after-calibration.txt' }).waitFor();
    await page.getByText('Here is the log after calibrating.').waitFor();

    const listed = await suite.fetch(`${suite.ticketsUrl}/${ticketId}/attachments`);
    expect(
      ((await listed.json()) as { items: AttachmentBody[] }).items.map((item) => item.fileName),
    ).toEqual(['printer-log.txt', 'after-calibration.txt']);
    expect(problems).toEqual([]);
  });

  it('fits a phone screen (375 px) without sideways scrolling, in Russian too', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${suite.platform.gatewayUrl}/portal/knowledge?q=label+printer`);
    await page.getByRole('link', { name: TITLE }).waitFor();
    await expect(
      page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).resolves.toBeLessThanOrEqual(0);
    await screenshot(page, '27-portal-knowledge-phone');

    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByRole('heading', { name: 'База знаний', level: 1 }).waitFor();
    await page.getByText('1 статья').waitFor();
    await page.getByRole('link', { name: `Печать ${run}` }).waitFor();
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { name: 'Knowledge base', level: 1 }).waitFor();
    expect(problems).toEqual([]);
  });
});
