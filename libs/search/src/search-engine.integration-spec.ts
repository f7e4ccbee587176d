import { errors } from '@elastic/elasticsearch';
import { randomUUID } from 'node:crypto';
import {
  bilingualTextField,
  bulkIndex,
  createSearchClient,
  describeEngine,
  ensureIndex,
  type IndexDefinition,
  physicalIndexName,
  RU_EN_ANALYSIS,
  type SearchClient,
} from './index';

const OPENSEARCH_URL = process.env['OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200';

interface ArticleDocument {
  title: string;
  language: 'ru' | 'en';
}

const ARTICLES: { id: string; body: ArticleDocument }[] = [
  { id: 'vpn-down', body: { title: 'Не работает VPN на ноутбуке', language: 'ru' } },
  { id: 'vpn-setup', body: { title: 'Как настроить VPN-подключение', language: 'ru' } },
  { id: 'mail-password', body: { title: 'Password reset for the mail account', language: 'en' } },
  { id: 'printer-jam', body: { title: 'Printer jams on the third floor', language: 'en' } },
];

describe('search engine through @itsm/search (real OpenSearch)', () => {
  const client: SearchClient = createSearchClient({
    node: OPENSEARCH_URL,
    flavour: 'opensearch',
    requestTimeoutMs: 10_000,
  });
  // A unique alias per run, so parallel runs and leftovers never collide.
  const definition: IndexDefinition = {
    name: `it-search-${randomUUID().slice(0, 8)}`,
    version: 1,
    settings: { number_of_shards: 1, number_of_replicas: 0, analysis: RU_EN_ANALYSIS },
    mappings: {
      properties: { title: bilingualTextField(), language: { type: 'keyword' } },
    },
  };

  beforeAll(async () => {
    try {
      await client.transport.request({ method: 'GET', path: '/' }, { maxRetries: 0 });
    } catch (cause) {
      throw new Error(
        `OpenSearch is not reachable at ${OPENSEARCH_URL} (${String(cause)}). ` +
          'Start it with `deploy/local/infra.sh up opensearch` or set OPENSEARCH_URL.',
        { cause },
      );
    }
    await ensureIndex(client, definition);
    await bulkIndex(client, definition.name, ARTICLES);
    await client.indices.refresh({ index: definition.name });
  });

  afterAll(async () => {
    await client.indices.delete(
      { index: physicalIndexName(definition) },
      { ignore: [404], maxRetries: 0 },
    );
    await client.close();
  });

  async function searchTitles(text: string): Promise<string[]> {
    const response = await client.search<ArticleDocument>({
      index: definition.name,
      query: { multi_match: { query: text, fields: ['title.ru', 'title.en'] } },
    });
    return response.hits.hits.map((hit) => hit._id ?? '');
  }

  it('reports the OpenSearch distribution', async () => {
    const info = await describeEngine(client);
    const raw = await client.info();

    expect(info.distribution).toBe('opensearch');
    expect(info.version).toMatch(/^2\./);
    expect((raw.version as unknown as Record<string, unknown>)['distribution']).toBe('opensearch');
  });

  it.each([
    ['работают впн', 'vpn-down'],
    ['настройка подключения', 'vpn-setup'],
  ])('finds the Russian article for another word form: %s', async (text, expectedId) => {
    const ids = await searchTitles(text);

    expect(ids[0]).toBe(expectedId);
  });

  it('finds the English article for another word form', async () => {
    expect(await searchTitles('resetting passwords')).toEqual(['mail-password']);
  });

  it('finds nothing for words in no article', async () => {
    expect(await searchTitles('квантовая гравитация')).toEqual([]);
  });

  it('indexes through the alias into the versioned index', async () => {
    const aliases = await client.indices.getAlias({ name: definition.name });

    expect(Object.keys(aliases)).toEqual([physicalIndexName(definition)]);
    const count = await client.count({ index: physicalIndexName(definition) });
    expect(count.count).toBe(ARTICLES.length);
  });

  it('ensures an index idempotently and moves the alias on a version bump', async () => {
    // Its own alias, so moving it cannot empty the index the search tests read.
    const v1: IndexDefinition = { ...definition, name: `${definition.name}-bump` };
    const v2: IndexDefinition = { ...v1, version: 2 };
    try {
      expect(await ensureIndex(client, v1)).toMatchObject({ created: true, detachedFrom: [] });
      expect(await ensureIndex(client, v1)).toEqual({
        index: physicalIndexName(v1),
        created: false,
        detachedFrom: [],
      });

      expect(await ensureIndex(client, v2)).toEqual({
        index: physicalIndexName(v2),
        created: true,
        detachedFrom: [physicalIndexName(v1)],
      });
      const aliases = await client.indices.getAlias({ name: v1.name });
      expect(Object.keys(aliases)).toEqual([physicalIndexName(v2)]);
    } finally {
      await client.indices.delete(
        { index: [physicalIndexName(v1), physicalIndexName(v2)] },
        { ignore: [404] },
      );
    }
  });

  it('is refused by an unmodified Elasticsearch client, which is why the adapter exists', async () => {
    const vendorClient = createSearchClient({ node: OPENSEARCH_URL, flavour: 'elasticsearch' });
    try {
      await expect(vendorClient.info()).rejects.toBeInstanceOf(errors.ProductNotSupportedError);
    } finally {
      await vendorClient.close();
    }
  });
});
