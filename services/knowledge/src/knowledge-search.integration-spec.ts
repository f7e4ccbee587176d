import type { SearchArticlesQuery } from './application/search-articles/search-articles.use-case';
import { KnowledgeErrorCode } from './domain/knowledge-error';
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

describe('knowledge search on PostgreSQL and the real engine', () => {
  let kb: KnowledgeHarness;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    kb = await KnowledgeHarness.start();
    const network = await kb.createCategory().execute({
      name: 'Сеть',
      parentId: undefined,
      actorId: 'kb',
    });
    const remote = await kb.createCategory().execute({
      name: 'Удалённый доступ',
      parentId: network.id,
      actorId: 'kb',
    });
    ids['remote'] = remote.id;
    ids['network'] = network.id;
    const articles = {
      vpn: await kb.publish({
        title: 'Не работает VPN на ноутбуке',
        body: 'Если **VPN** не подключается, проверьте интернет и перезапустите клиент VPN.',
        tags: ['vpn', 'ноутбук'],
        categoryId: remote.id,
        serviceIds: ['svc-remote-access'],
      }),
      vpnInternal: await kb.publish({
        title: 'VPN-шлюз: перезапуск сервиса на стороне сервера',
        body: 'Для инженеров: перезапуск шлюза VPN и проверка сертификатов. Не работает VPN у всех.',
        audience: 'internal',
        tags: ['vpn'],
        categoryId: remote.id,
      }),
      printer: await kb.publish({
        title: 'Принтер на третьем этаже не печатает',
        body: 'Замените картридж и очистите очередь печати.',
        tags: ['принтер'],
      }),
      mail: await kb.publish(
        {
          title: 'Password reset for the mail account',
          body: 'Reset your password in the self-service portal; resetting takes a minute.',
          tags: ['mail'],
        },
        'en',
      ),
      expired: await kb.publish({
        title: 'Старый VPN-клиент Cisco',
        body: 'Не работает VPN в старом клиенте.',
        tags: ['vpn'],
      }),
    };
    for (const [name, article] of Object.entries(articles)) ids[name] = article.id;
    await kb.update().execute({
      articleId: articles.expired.id,
      expectedRevision: undefined,
      editorId: 'kb',
      edit: { expiresAt: new Date(Date.now() - 60_000) },
    });
    // A draft never reaches the index, whatever it says.
    await kb.createArticle().execute({
      language: 'ru',
      content: {
        title: 'Черновик про VPN',
        body: 'Не работает VPN',
        audience: 'public',
        categoryId: null,
        tags: [],
        serviceIds: [],
        configurationItemIds: [],
      },
      authorId: 'author-1',
      translationOf: undefined,
      reviewBy: null,
      expiresAt: null,
    });
    await kb.project();
  });

  afterAll(async () => {
    await kb?.stop();
  });

  const search = (text: string, overrides: Partial<typeof requester> = {}) =>
    kb.search().execute({ ...requester, ...overrides, text });

  it('finds the Russian article by its stem despite a typo, with highlights', async () => {
    const result = await search('не работет впн');

    expect(result.hits.map((hit) => hit.articleId)).toEqual([ids['vpn']]);
    expect(result.hits[0]?.titleHighlight).toBe(
      'Не <mark>работает</mark> <mark>VPN</mark> на ноутбуке',
    );
    expect(result.hits[0]?.bodyHighlights.join(' ')).toContain('<mark>VPN</mark>');
  });

  it.each([
    ['another word form', 'подключения ноутбуков'],
    ['a typo in the product name', 'принтр не пичатает'],
    ['English word forms', 'resetting passwords'],
  ])('finds by %s: %s', async (_case, text) => {
    const result = await search(text);
    expect(result.total).toBeGreaterThan(0);
  });

  it('never shows a requester an internal, expired or draft article', async () => {
    const requesterIds = (await search('не работает впн')).hits.map((hit) => hit.articleId);
    const agentIds = (await search('не работает впн', { viewer: 'agent' })).hits.map(
      (hit) => hit.articleId,
    );

    expect(requesterIds).toEqual([ids['vpn']]);
    expect(agentIds).toEqual(
      expect.arrayContaining([ids['vpn'], ids['vpnInternal'], ids['expired']]),
    );
    expect(agentIds).toHaveLength(3);
    await expect(search('впн', { audience: 'internal' })).rejects.toMatchObject({
      code: KnowledgeErrorCode.ValidationFailed,
    });
    await expect(
      kb.getArticle().execute(ids['vpnInternal'] ?? '', 'requester'),
    ).rejects.toMatchObject({ code: KnowledgeErrorCode.NotFound });
  });

  it('ranks the phrase first', async () => {
    const hits = (await search('перезапуск шлюза', { viewer: 'agent' })).hits;
    expect(hits[0]?.articleId).toBe(ids['vpnInternal']);
  });

  it('filters by category subtree, tags, service and language', async () => {
    const agent = { viewer: 'agent' as const };
    const idsOf = async (overrides: Partial<typeof requester>) =>
      (await search('', { ...agent, ...overrides })).hits.map((hit) => hit.articleId).sort();

    expect(await idsOf({ categoryId: ids['network'] })).toEqual(
      [ids['vpn'], ids['vpnInternal']].sort(),
    );
    expect(await idsOf({ tags: ['vpn', 'ноутбук'] })).toEqual([ids['vpn']]);
    expect(await idsOf({ serviceId: 'svc-remote-access' })).toEqual([ids['vpn']]);
    expect(await idsOf({ language: 'en' })).toEqual([ids['mail']]);
  });

  it('pages through results', async () => {
    const first = await search('', { viewer: 'agent', pageSize: 2 });
    const third = await search('', { viewer: 'agent', pageSize: 2, page: 3 });

    expect(first).toMatchObject({ total: 5, totalExact: true, page: 1, pageSize: 2 });
    expect(first.hits).toHaveLength(2);
    expect(third.hits).toHaveLength(1);
  });

  it("suggests the matching public article for a ticket's title and description", async () => {
    const { suggestionId, hits } = await kb.suggest().execute({
      title: 'Не подключается впн',
      description: 'Дома на ноутбуке клиент VPN пишет ошибку подключения',
      viewer: 'requester',
      language: undefined,
      serviceId: undefined,
      limit: 3,
    });

    expect(suggestionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(hits[0]?.articleId).toBe(ids['vpn']);
    expect(hits.map((hit) => hit.articleId)).not.toContain(ids['vpnInternal']);
  });

  it('counts searches that found nothing for the authors', async () => {
    await search('квантовая  гравитация');
    await search('Квантовая гравитация');

    expect(await kb.feedbackStore.unansweredSearches(5)).toEqual([
      expect.objectContaining({ query: 'квантовая гравитация', searches: 2, language: null }),
    ]);
  });

  it('rebuilds the index with bulk requests and moves the alias with no gap', async () => {
    const before = await kb.client.indices.getAlias({ name: kb.alias });

    const report = await kb.reindex().execute();

    expect(report).toMatchObject({ indexed: 5, detachedFrom: Object.keys(before) });
    expect(report.index).toBe(`${kb.alias}-v1-r1`);
    expect(Object.keys(await kb.client.indices.getAlias({ name: kb.alias }))).toEqual([
      report.index,
    ]);
    // The changes of the last minutes are queued again for the projector.
    expect(report.requeued).toBeGreaterThanOrEqual(5);
    await kb.project();
    expect((await search('не работет впн')).hits.map((hit) => hit.articleId)).toEqual([ids['vpn']]);
    expect(await kb.index.ensureIndex()).toEqual({ index: report.index, created: false });
  });
});
