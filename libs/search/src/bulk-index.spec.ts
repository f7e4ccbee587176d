import type { estypes } from '@elastic/elasticsearch';
import { bulkFailures, bulkIndex, chunk } from './bulk-index';
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
