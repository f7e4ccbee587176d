import type { estypes } from '@elastic/elasticsearch';
import { bulkApply, bulkFailures, bulkIndex, chunk } from './bulk-index';
import { createSearchClient } from './search-client';
import { SearchError, SearchErrorCode } from './search.error';
import { fakeSearchConnection } from './testing/fake-search-connection';

describe('chunk', () => {
  it.each([
    [[], 3, []],
    [[1, 2], 3, [[1, 2]]],
    [[1, 2, 3], 3, [[1, 2, 3]]],
    [[1, 2, 3, 4, 5, 6, 7], 3, [[1, 2, 3], [4, 5, 6], [7]]],
  ])('splits %j into chunks of %i', (items, size, expected) => {
    expect(chunk(items, size)).toEqual(expected);
  });

  it.each([0, -1, 2.5])('rejects chunk size %d', (size) => {
    expect(() => chunk([1], size)).toThrow(RangeError);
  });
});

describe('bulkFailures', () => {
  it('lists only the rejected items', () => {
    const response: estypes.BulkResponse = {
      took: 3,
      errors: true,
      items: [
        { index: { _index: 'kb-v1', _id: 'a', status: 201 } },
        {
          index: {
            _index: 'kb-v1',
            _id: 'b',
            status: 400,
            error: { type: 'mapper_parsing_exception', reason: 'failed to parse field [views]' },
          },
        },
      ],
    };

    expect(bulkFailures(response)).toEqual([
      {
        id: 'b',
        status: 400,
        type: 'mapper_parsing_exception',
        reason: 'failed to parse field [views]',
      },
    ]);
  });

  it('is empty when the engine reports no errors', () => {
    expect(
      bulkFailures({
        took: 1,
        errors: false,
        items: [{ index: { _index: 'kb-v1', _id: 'a', status: 200 } }],
      }),
    ).toEqual([]);
  });
});

describe('bulkIndex', () => {
  /** Fails every document whose id is listed; accepts the rest. */
  function engineRejecting(rejectedIds: string[]) {
    return fakeSearchConnection((request) => {
      const actions = request.body
        .split('\n')
        .filter((line, index) => line !== '' && index % 2 === 0)
        .map((line) => (JSON.parse(line) as { index: { _index: string; _id: string } }).index);
      const items = actions.map((action) =>
        rejectedIds.includes(action._id)
          ? {
              index: {
                ...action,
                status: 400,
                error: { type: 'mapper_parsing_exception', reason: 'bad document' },
              },
            }
          : { index: { ...action, status: 201 } },
      );
      return { body: { took: 1, errors: items.some((item) => 'error' in item.index), items } };
    });
  }

  const docs = Array.from({ length: 1200 }, (_, index) => ({
    id: `doc-${index}`,
    body: { title: `Article ${index}` },
  }));

  it('sends one bulk request per chunk of 500 through the alias', async () => {
    const engine = engineRejecting([]);
    const client = createSearchClient(
      { node: 'http://search.test:9200', flavour: 'opensearch' },
      { Connection: engine.Connection },
    );

    await bulkIndex(client, 'knowledge-articles', docs);

    expect(engine.requests.map((request) => request.path)).toEqual(['/_bulk', '/_bulk', '/_bulk']);
    expect(
      engine.requests.map((request) => request.body.split('\n').filter(Boolean).length / 2),
    ).toEqual([500, 500, 200]);
    expect(engine.requests[0]?.body.split('\n')[0]).toBe(
      '{"index":{"_index":"knowledge-articles","_id":"doc-0"}}',
    );
  });

  it('sends every chunk and then throws one error listing all rejected items', async () => {
    const engine = engineRejecting(['doc-3', 'doc-1100']);
    const client = createSearchClient(
      { node: 'http://search.test:9200', flavour: 'opensearch' },
      { Connection: engine.Connection },
    );

    const error = await bulkIndex(client, 'knowledge-articles', docs).catch(
      (caught: unknown) => caught,
    );

    expect(engine.requests).toHaveLength(3);
    expect(error).toBeInstanceOf(SearchError);
    expect(error).toMatchObject({
      code: SearchErrorCode.BulkItemsFailed,
      failures: [
        { id: 'doc-3', status: 400, type: 'mapper_parsing_exception', reason: 'bad document' },
        { id: 'doc-1100', status: 400, type: 'mapper_parsing_exception', reason: 'bad document' },
      ],
    });
  });

  it('sends nothing for no documents', async () => {
    const engine = engineRejecting([]);
    const client = createSearchClient(
      { node: 'http://search.test:9200', flavour: 'opensearch' },
      { Connection: engine.Connection },
    );

    await bulkIndex(client, 'knowledge-articles', []);

    expect(engine.requests).toHaveLength(0);
  });
});

describe('bulkApply', () => {
  /** Answers each action in order: `conflicts` with a version conflict, `broken` with a parse error. */
  function engineAnswering({
    conflicts = [],
    broken = [],
  }: {
    conflicts?: string[];
    broken?: string[];
  }) {
    return fakeSearchConnection((request) => {
      const lines = request.body.split('\n').filter(Boolean);
      const items: Record<string, Record<string, unknown>>[] = [];
      let errors = false;
      for (let index = 0; index < lines.length; index += 1) {
        const action = JSON.parse(lines[index] ?? '{}') as Record<string, { _id: string }>;
        const [kind, target] = Object.entries(action)[0] ?? ['index', { _id: '' }];
        if (kind === 'index') index += 1;
        const error = conflicts.includes(target._id)
          ? { type: 'version_conflict_engine_exception', reason: 'current version is higher' }
          : broken.includes(target._id)
            ? { type: 'mapper_parsing_exception', reason: 'bad document' }
            : undefined;
        errors ||= error !== undefined;
        items.push({
          [kind]: error
            ? { ...target, status: error.type.startsWith('version') ? 409 : 400, error }
            : { ...target, status: kind === 'delete' ? 404 : 201 },
        });
      }
      return {
        body: { took: 1, errors, items },
      };
    });
  }

  function clientOf(engine: ReturnType<typeof fakeSearchConnection>) {
    return createSearchClient(
      { node: 'http://search.test:9200', flavour: 'opensearch' },
      { Connection: engine.Connection },
    );
  }

  it('sends versioned index and delete actions as external_gte', async () => {
    const engine = engineAnswering({});

    const result = await bulkApply(clientOf(engine), 'knowledge-articles', [
      { kind: 'index', id: 'a', body: { title: 'VPN' }, version: 3 },
      { kind: 'delete', id: 'b', version: 7 },
      { kind: 'index', id: 'c', body: { title: 'Mail' } },
    ]);

    expect(result).toEqual({ applied: 3, stale: [] });
    expect(engine.requests[0]?.body.split('\n').filter(Boolean)).toEqual([
      '{"index":{"_index":"knowledge-articles","_id":"a","version":3,"version_type":"external_gte"}}',
      '{"title":"VPN"}',
      '{"delete":{"_index":"knowledge-articles","_id":"b","version":7,"version_type":"external_gte"}}',
      '{"index":{"_index":"knowledge-articles","_id":"c"}}',
      '{"title":"Mail"}',
    ]);
  });

  it('reports versioned changes older than the indexed document as stale, not as failures', async () => {
    const engine = engineAnswering({ conflicts: ['a'] });

    const result = await bulkApply(clientOf(engine), 'kb', [
      { kind: 'index', id: 'a', body: {}, version: 1 },
      { kind: 'delete', id: 'b', version: 2 },
    ]);

    expect(result).toEqual({ applied: 1, stale: ['a'] });
  });

  it('throws every other rejection after sending every chunk', async () => {
    const engine = engineAnswering({ broken: ['doc-1'], conflicts: ['doc-700'] });
    const changes = Array.from({ length: 800 }, (_, index) => ({
      kind: 'index' as const,
      id: `doc-${index}`,
      body: {},
    }));

    const error = await bulkApply(clientOf(engine), 'kb', changes).catch(
      (caught: unknown) => caught,
    );

    expect(engine.requests).toHaveLength(2);
    expect(error).toMatchObject({
      code: SearchErrorCode.BulkItemsFailed,
      failures: [
        expect.objectContaining({ id: 'doc-1', type: 'mapper_parsing_exception' }),
        // Without a version a conflict is not a stale write but a failure.
        expect.objectContaining({ id: 'doc-700', type: 'version_conflict_engine_exception' }),
      ],
    });
  });

  it('wraps an unreachable engine in a RequestFailed error', async () => {
    const engine = fakeSearchConnection(() => ({ statusCode: 503, body: { error: 'down' } }));
    const client = createSearchClient(
      { node: 'http://search.test:9200', flavour: 'opensearch' },
      { Connection: engine.Connection, maxRetries: 0 },
    );

    await expect(bulkApply(client, 'kb', [{ kind: 'delete', id: 'a' }])).rejects.toMatchObject({
      code: SearchErrorCode.RequestFailed,
    });
  });
});
