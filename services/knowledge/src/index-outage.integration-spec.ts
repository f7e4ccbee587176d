import type { SearchArticlesQuery } from './application/search-articles/search-articles.use-case';
import { createServer, type Socket } from 'node:net';
import { createSearchClient } from '@itsm/search';
import { freePort } from '@itsm/testing';
import { OpenSearchArticleIndex } from './infrastructure/search/opensearch-article-index';
import { KnowledgeHarness } from './testing/knowledge-harness';

const requester: Omit<SearchArticlesQuery, 'text'> = {
  viewer: 'requester',
  audience: undefined,
  language: undefined,
  categoryId: undefined,
  tags: [],
  serviceId: undefined,
  page: undefined,
  pageSize: undefined,
};

/**
 * The fault test of the issue without stopping the shared engine: the projector writes to a port
 * where nothing listens while articles change, then to the real engine again.
 */
describe('a search engine outage loses no article change', () => {
  let kb: KnowledgeHarness;

  beforeAll(async () => {
    kb = await KnowledgeHarness.start();
  });

  afterAll(async () => {
    await kb?.stop();
  });

  async function pending(): Promise<number> {
    const [row] = await kb.database.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM article_index_queue`,
    );
    return row?.count ?? 0;
  }

  const hitIds = async (text: string) =>
    (await kb.search().execute({ ...requester, text })).hits.map((hit) => hit.articleId);

  it('queues edits while the engine is unreachable and applies them when it is back', async () => {
    const stays = await kb.publish({
      title: 'Почта Outlook не синхронизируется',
      body: 'Перезапустите Outlook.',
    });
    const archived = await kb.publish({
      title: 'Старый сервер почты',
      body: 'Сервер почты выведен.',
    });
    await kb.project();
    expect(await hitIds('почта')).toEqual(expect.arrayContaining([stays.id, archived.id]));

    // A port nothing listens on: every request is refused at once.
    const deadPort = await freePort();
    const unreachable = createSearchClient(
      { node: `http://127.0.0.1:${deadPort}`, flavour: 'opensearch', requestTimeoutMs: 500 },
      { maxRetries: 0 },
    );
    const down = kb.projectorWith(new OpenSearchArticleIndex(unreachable, kb.definition));

    const added = await kb.publish({
      title: 'Почтовый ящик переполнен',
      body: 'Удалите старые письма из почты.',
    });
    await kb.transition().execute({
      articleId: archived.id,
      action: 'archive',
      actorId: 'kb-manager',
      comment: undefined,
      version: undefined,
      expectedRevision: undefined,
    });
    const edited = await kb.update().execute({
      articleId: stays.id,
      expectedRevision: undefined,
      editorId: 'kb-manager',
      edit: { outdated: true },
    });
    await expect(down.projectBatch()).rejects.toThrow(/ECONNREFUSED|connect|Connection/i);
    await expect(down.projectBatch()).rejects.toThrow();
    await unreachable.close();

    // Nothing was lost: the three changes wait, and readers still see the old index.
    expect(await pending()).toBe(3);
    const [failure] = await kb.database.query<{ attempts: number }>(
      `SELECT max(attempts)::int AS attempts FROM article_index_queue`,
    );
    expect(failure?.attempts).toBe(0);
    expect(await hitIds('почта')).toEqual(expect.arrayContaining([stays.id, archived.id]));
    expect(await hitIds('почта')).not.toContain(added.id);

    // The engine is back: one bulk round applies the backlog.
    expect(await kb.project()).toBe(3);
    expect(await pending()).toBe(0);
    const after = await kb.search().execute({ ...requester, text: 'почта' });
    expect(after.hits.map((hit) => hit.articleId).sort()).toEqual([stays.id, added.id].sort());
    expect(after.hits.find((hit) => hit.articleId === stays.id)?.outdated).toBe(true);
    expect(edited.revision).toBeGreaterThan(stays.revision);
    const document = await kb.client.get({ index: kb.alias, id: stays.id });
    expect(document._version).toBe(edited.revision);
  });

  it('never lets an older state overwrite a newer one', async () => {
    const article = await kb.publish({
      title: 'Wi-Fi в переговорной',
      body: 'Подключитесь к сети Guest.',
    });
    await kb.project();
    const [entry] = await kb.queue
      .searchableBatch(undefined, 1000)
      .then((entries) => entries.filter((candidate) => candidate.articleId === article.id));
    await kb.update().execute({
      articleId: article.id,
      expectedRevision: undefined,
      editorId: 'kb-manager',
      edit: { outdated: true },
    });
    await kb.project();

    // A late writer (another replica, or a rebuild) holding the older state.
    if (!entry) throw new Error('the article was not searchable');
    expect(await kb.index.write([entry])).toEqual({ applied: 0, stale: 1 });
    const document = await kb.client.get<{ outdated: boolean }>({
      index: kb.alias,
      id: article.id,
    });
    expect(document._source?.outdated).toBe(true);
  });

  it('keeps writes to PostgreSQL independent of the engine', async () => {
    // Holds connections open without answering: an engine that hangs rather than refuses.
    const sockets = new Set<Socket>();
    const hanging = createServer((socket) => {
      sockets.add(socket);
    });
    const port = await freePort();
    await new Promise<void>((resolve) => hanging.listen(port, '127.0.0.1', resolve));
    const stuck = createSearchClient(
      { node: `http://127.0.0.1:${port}`, flavour: 'opensearch', requestTimeoutMs: 2000 },
      { maxRetries: 0 },
    );
    try {
      const projector = kb.projectorWith(new OpenSearchArticleIndex(stuck, kb.definition));
      const draining = projector.projectBatch().catch((error: unknown) => error);
      const started = Date.now();
      await kb.publish({ title: 'Пока движок висит', body: 'Статья сохраняется.' });
      expect(Date.now() - started).toBeLessThan(1500);
      expect(await draining).toBeInstanceOf(Error);
    } finally {
      await stuck.close();
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => hanging.close(resolve));
    }
    expect(await kb.project()).toBeGreaterThanOrEqual(1);
  });
});
