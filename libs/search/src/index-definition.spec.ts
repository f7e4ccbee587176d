import { RU_EN_ANALYSIS } from './analysis';
import {
  completeRebuild,
  ensureIndex,
  type IndexDefinition,
  isIndexOfVersion,
  physicalIndexName,
  startRebuild,
} from './index-definition';
import { createSearchClient } from './search-client';
import { SearchErrorCode } from './search.error';
import { fakeSearchConnection, type RecordedRequest } from './testing/fake-search-connection';

const ARTICLES: IndexDefinition = {
  name: 'knowledge-articles',
  version: 2,
  settings: { analysis: RU_EN_ANALYSIS },
  mappings: { properties: { title: { type: 'text', analyzer: 'ru_text' } } },
};

describe('physicalIndexName', () => {
  it('appends the version to the alias', () => {
    expect(physicalIndexName({ name: 'knowledge-articles', version: 3 })).toBe(
      'knowledge-articles-v3',
    );
  });

  it.each([
    ['an upper-case alias', { name: 'Articles', version: 1 }],
    ['an alias starting with a dash', { name: '-articles', version: 1 }],
    ['an alias with a wildcard', { name: 'articles*', version: 1 }],
    ['version 0', { name: 'articles', version: 0 }],
    ['a fractional version', { name: 'articles', version: 1.5 }],
  ])('rejects %s', (_case, definition) => {
    expect(() => physicalIndexName(definition)).toThrow(
      expect.objectContaining({ code: SearchErrorCode.InvalidIndexDefinition }) as Error,
    );
  });
});

/** A fake engine holding a set of indices and which of them carry the alias. */
function engineWith(indices: Record<string, { aliases: string[] }>) {
  return fakeSearchConnection((request: RecordedRequest) => {
    const [, first, second, third] = request.path.split('/');
    if (request.method === 'HEAD' && first !== undefined) {
      return { statusCode: first in indices ? 200 : 404 };
    }
    if (request.method === 'PUT' && first !== undefined && second === undefined) {
      indices[first] = { aliases: [] };
      return { body: { acknowledged: true, index: first } };
    }
    if (
      request.method === 'GET' &&
      first === '_alias' &&
      second !== undefined &&
      third === undefined
    ) {
      const holders = Object.entries(indices).filter(([, index]) => index.aliases.includes(second));
      return holders.length === 0
        ? { statusCode: 404, body: { error: `alias [${second}] missing`, status: 404 } }
        : {
            body: Object.fromEntries(
              holders.map(([name]) => [name, { aliases: { [second]: {} } }]),
            ),
          };
    }
    if (request.method === 'POST' && first === '_aliases') {
      return { body: { acknowledged: true } };
    }
    return {
      statusCode: 400,
      body: { error: { type: 'unexpected_request', reason: `${request.method} ${request.path}` } },
    };
  });
}

describe('ensureIndex', () => {
  it('creates a missing index with the definition and points the alias at it', async () => {
    const engine = engineWith({});
    const client = createSearchClient(
      { node: 'http://search.test:9200', flavour: 'opensearch' },
      { Connection: engine.Connection },
    );

    const result = await ensureIndex(client, ARTICLES);

    expect(result).toEqual({ index: 'knowledge-articles-v2', created: true, detachedFrom: [] });
    const create = engine.requests.find((request) => request.method === 'PUT');
    expect(JSON.parse(create?.body ?? '{}')).toEqual({
      settings: ARTICLES.settings,
      mappings: ARTICLES.mappings,
    });
    const swap = engine.requests.find((request) => request.path === '/_aliases');
    expect(JSON.parse(swap?.body ?? '{}')).toEqual({
      actions: [{ add: { index: 'knowledge-articles-v2', alias: 'knowledge-articles' } }],
    });
  });

  it('moves the alias from the previous version in one atomic request', async () => {
    const engine = engineWith({ 'knowledge-articles-v1': { aliases: ['knowledge-articles'] } });
    const client = createSearchClient(
      { node: 'http://search.test:9200', flavour: 'opensearch' },
      { Connection: engine.Connection },
    );

    const result = await ensureIndex(client, ARTICLES);

    expect(result.detachedFrom).toEqual(['knowledge-articles-v1']);
    const swaps = engine.requests.filter((request) => request.path === '/_aliases');
    expect(swaps.map((swap) => JSON.parse(swap.body) as unknown)).toEqual([
      {
        actions: [
          { remove: { index: 'knowledge-articles-v1', alias: 'knowledge-articles' } },
          { add: { index: 'knowledge-articles-v2', alias: 'knowledge-articles' } },
        ],
      },
    ]);
  });

  it('changes nothing when the index exists and already holds the alias', async () => {
    const engine = engineWith({ 'knowledge-articles-v2': { aliases: ['knowledge-articles'] } });
    const client = createSearchClient(
      { node: 'http://search.test:9200', flavour: 'opensearch' },
      { Connection: engine.Connection },
    );

    const result = await ensureIndex(client, ARTICLES);

    expect(result).toEqual({ index: 'knowledge-articles-v2', created: false, detachedFrom: [] });
    expect(engine.requests.map((request) => request.method)).toEqual(['GET']);
  });
});

describe('isIndexOfVersion', () => {
  it.each([
    ['knowledge-articles-v2', true],
    ['knowledge-articles-v2-r1', true],
    ['knowledge-articles-v2-r17', true],
    ['knowledge-articles-v1', false],
    ['knowledge-articles-v1-r3', false],
    ['knowledge-articles-v20', false],
    ['knowledge-articles-v2-rx', false],
  ])('%s belongs to version 2: %s', (index, expected) => {
    expect(isIndexOfVersion(ARTICLES, index)).toBe(expected);
  });
});

describe('ensureIndex after a rebuild', () => {
  it('leaves the alias on a rebuild of the same version and creates nothing', async () => {
    const engine = engineWith({ 'knowledge-articles-v2-r3': { aliases: ['knowledge-articles'] } });
    const client = createSearchClient(
      { node: 'http://search.test:9200', flavour: 'opensearch' },
      { Connection: engine.Connection },
    );

    expect(await ensureIndex(client, ARTICLES)).toEqual({
      index: 'knowledge-articles-v2-r3',
      created: false,
      detachedFrom: [],
    });
    expect(engine.requests.map((request) => request.method)).toEqual(['GET']);
  });

  it('moves the alias off a rebuild of an older version', async () => {
    const engine = engineWith({ 'knowledge-articles-v1-r2': { aliases: ['knowledge-articles'] } });
    const client = createSearchClient(
      { node: 'http://search.test:9200', flavour: 'opensearch' },
      { Connection: engine.Connection },
    );

    const result = await ensureIndex(client, ARTICLES);

    expect(result).toEqual({
      index: 'knowledge-articles-v2',
      created: true,
      detachedFrom: ['knowledge-articles-v1-r2'],
    });
  });
});

describe('startRebuild and completeRebuild', () => {
  it('creates the next generation tuned for loading, then swaps the alias and drops the old index', async () => {
    const engine = fakeSearchConnection((request) => {
      if (request.method === 'GET' && request.path.startsWith('/knowledge-articles-v2-r')) {
        return { body: { 'knowledge-articles-v2-r1': {}, 'knowledge-articles-v2-r4': {} } };
      }
      if (request.method === 'GET' && request.path === '/_alias/knowledge-articles') {
        return { body: { 'knowledge-articles-v2-r4': { aliases: { 'knowledge-articles': {} } } } };
      }
      return { body: { acknowledged: true } };
    });
    const client = createSearchClient(
      { node: 'http://search.test:9200', flavour: 'opensearch' },
      { Connection: engine.Connection },
    );

    const rebuild = await startRebuild(client, ARTICLES);
    const completed = await completeRebuild(client, ARTICLES, rebuild);

    expect(rebuild).toEqual({ index: 'knowledge-articles-v2-r5', alias: 'knowledge-articles' });
    expect(completed).toEqual({
      index: 'knowledge-articles-v2-r5',
      detachedFrom: ['knowledge-articles-v2-r4'],
      deleted: ['knowledge-articles-v2-r4'],
    });
    const create = engine.requests.find(
      (request) => request.method === 'PUT' && request.path === '/knowledge-articles-v2-r5',
    );
    expect(JSON.parse(create?.body ?? '{}')).toMatchObject({
      settings: { refresh_interval: '-1', number_of_replicas: 0 },
    });
    expect(engine.requests.map((request) => `${request.method} ${request.path}`).slice(2)).toEqual([
      'PUT /knowledge-articles-v2-r5/_settings',
      'GET /knowledge-articles-v2-r5/_refresh',
      'GET /_alias/knowledge-articles',
      'POST /_aliases',
      'DELETE /knowledge-articles-v2-r4',
    ]);
    const swap = engine.requests.find((request) => request.path === '/_aliases');
    expect(JSON.parse(swap?.body ?? '{}')).toEqual({
      actions: [
        { remove: { index: 'knowledge-articles-v2-r4', alias: 'knowledge-articles' } },
        { add: { index: 'knowledge-articles-v2-r5', alias: 'knowledge-articles' } },
      ],
    });
  });
});
