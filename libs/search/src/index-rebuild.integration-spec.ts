import { randomUUID } from 'node:crypto';
import {
  bilingualTextField,
  bulkApply,
  completeRebuild,
  createSearchClient,
  ensureIndex,
  type IndexDefinition,
  ruEnAnalysisWithSynonyms,
  type SearchClient,
  startRebuild,
} from './index';

const OPENSEARCH_URL = process.env['OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200';

describe('versioned bulk changes, rebuilds and synonyms (real OpenSearch)', () => {
  const client: SearchClient = createSearchClient({
    node: OPENSEARCH_URL,
    flavour: 'opensearch',
    requestTimeoutMs: 10_000,
  });
  const definition: IndexDefinition = {
    name: `it-rebuild-${randomUUID().slice(0, 8)}`,
    version: 1,
    settings: {
      number_of_shards: 1,
      number_of_replicas: 0,
      analysis: ruEnAnalysisWithSynonyms(['впн, vpn']),
    },
    mappings: { properties: { title: bilingualTextField() } },
  };

  afterAll(async () => {
    await client.indices.delete(
      { index: `${definition.name}-v*` },
      { ignore: [404], maxRetries: 0 },
    );
    await client.close();
  });

  async function titles(index: string): Promise<Record<string, string>> {
    await client.indices.refresh({ index });
    const response = await client.search<{ title: string }>({ index, size: 100 });
    return Object.fromEntries(
      response.hits.hits.map((hit) => [hit._id ?? '', hit._source?.title ?? '']),
    );
  }

  it('applies a versioned change only when it is not older than the indexed one', async () => {
    await ensureIndex(client, definition);

    await bulkApply(client, definition.name, [
      { kind: 'index', id: 'a', body: { title: 'v3' }, version: 3 },
    ]);
    const result = await bulkApply(client, definition.name, [
      { kind: 'index', id: 'a', body: { title: 'v2' }, version: 2 },
      { kind: 'index', id: 'a', body: { title: 'v3 again' }, version: 3 },
      { kind: 'delete', id: 'missing', version: 1 },
    ]);

    expect(result).toEqual({ applied: 2, stale: ['a'] });
    expect(await titles(definition.name)).toEqual({ a: 'v3 again' });
  });

  it('finds the Latin spelling through a Cyrillic synonym', async () => {
    await bulkApply(
      client,
      definition.name,
      [{ kind: 'index', id: 'vpn', body: { title: 'Не работает VPN' }, version: 1 }],
      { refresh: true },
    );

    const response = await client.search({
      index: definition.name,
      query: { multi_match: { query: 'впн', fields: ['title.ru', 'title.en'] } },
    });

    expect(response.hits.hits.map((hit) => hit._id)).toEqual(['vpn']);
  });

  it('rebuilds into a new index and swaps the alias atomically; ensureIndex keeps it', async () => {
    const rebuild = await startRebuild(client, definition);
    await bulkApply(client, rebuild.index, [
      { kind: 'index', id: 'b', body: { title: 'rebuilt' }, version: 1 },
    ]);
    // Readers still see the old index while the new one loads.
    expect(Object.keys(await titles(definition.name)).sort()).toEqual(['a', 'vpn']);

    const completed = await completeRebuild(client, definition, rebuild);

    expect(completed).toEqual({
      index: `${definition.name}-v1-r1`,
      detachedFrom: [`${definition.name}-v1`],
      deleted: [`${definition.name}-v1`],
    });
    expect(await titles(definition.name)).toEqual({ b: 'rebuilt' });
    expect(await ensureIndex(client, definition)).toEqual({
      index: `${definition.name}-v1-r1`,
      created: false,
      detachedFrom: [],
    });
    const settings = await client.indices.getSettings({ index: rebuild.index });
    expect(settings[rebuild.index]?.settings?.index?.refresh_interval).toBe('1s');
  });
});
