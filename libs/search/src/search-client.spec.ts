import { errors } from '@elastic/elasticsearch';
import {
  clientOptions,
  createSearchClient,
  OpenSearchCompatibleTransport,
  parseEngineInfo,
  type SearchClientConfig,
} from './search-client';
import { SearchError, SearchErrorCode } from './search.error';
import { fakeSearchConnection } from './testing/fake-search-connection';

const NODE = 'http://search.test:9200';
const OPENSEARCH_INFO = { version: { distribution: 'opensearch', number: '2.19.6' } };

function clientAgainstFakeOpenSearch(flavour: SearchClientConfig['flavour']) {
  const fake = fakeSearchConnection((request) =>
    request.path === '/'
      ? { body: OPENSEARCH_INFO }
      : { body: { took: 1, errors: false, items: [] } },
  );
  const client = createSearchClient(
    { node: NODE, flavour },
    { Connection: fake.Connection, maxRetries: 0 },
  );
  return { client, requests: fake.requests };
}

describe('createSearchClient for opensearch', () => {
  it('accepts answers that lack the x-elastic-product header', async () => {
    const { client } = clientAgainstFakeOpenSearch('opensearch');

    await expect(client.info()).resolves.toMatchObject(OPENSEARCH_INFO);
  });

  it('sends plain JSON media types on requests with and without a body', async () => {
    const { client, requests } = clientAgainstFakeOpenSearch('opensearch');

    await client.info();
    await client.search({ index: 'articles', query: { match_all: {} } });

    expect(
      requests.map((request) => [request.headers['content-type'], request.headers['accept']]),
    ).toEqual([
      ['application/json', 'application/json, text/plain'],
      ['application/json', 'application/json'],
    ]);
  });

  it('sends bulk bodies as plain NDJSON', async () => {
    const { client, requests } = clientAgainstFakeOpenSearch('opensearch');

    await client.bulk({
      operations: [{ index: { _index: 'articles', _id: '1' } }, { title: 'VPN' }],
    });

    expect(requests[0]?.headers['content-type']).toBe('application/x-ndjson');
    expect(requests[0]?.headers['accept']).toBe('application/json');
    expect(requests[0]?.body).toBe('{"index":{"_index":"articles","_id":"1"}}\n{"title":"VPN"}\n');
  });

  it('keeps the compatible transport for child clients', async () => {
    const { client, requests } = clientAgainstFakeOpenSearch('opensearch');

    await expect(
      client.child({ headers: { 'x-opaque-id': 'child' } }).info(),
    ).resolves.toMatchObject(OPENSEARCH_INFO);
    expect(requests[0]?.headers['content-type']).toBe('application/json');
  });
});

describe('createSearchClient for elasticsearch', () => {
  it('leaves the vendor client unchanged: vendored media types and the product check', async () => {
    const { client, requests } = clientAgainstFakeOpenSearch('elasticsearch');

    await expect(client.info()).rejects.toBeInstanceOf(errors.ProductNotSupportedError);
    expect(requests[0]?.headers['accept']).toBe(
      'application/vnd.elasticsearch+json; compatible-with=9,text/plain',
    );
  });

  it('does not swap the transport class', () => {
    expect(clientOptions({ node: NODE, flavour: 'elasticsearch' }).Transport).toBeUndefined();
    expect(clientOptions({ node: NODE, flavour: 'opensearch' }).Transport).toBe(
      OpenSearchCompatibleTransport,
    );
  });
});

describe('clientOptions', () => {
  it('passes credentials and the request timeout through', () => {
    const options = clientOptions({
      node: NODE,
      flavour: 'opensearch',
      username: 'kb',
      password: 's3cret',
      requestTimeoutMs: 2500,
    });

    expect(options.auth).toEqual({ username: 'kb', password: 's3cret' });
    expect(options.requestTimeout).toBe(2500);
  });

  it.each<[string, SearchClientConfig]>([
    ['a node that is not a URL', { node: 'localhost:9200', flavour: 'opensearch' }],
    ['a node that is not http(s)', { node: 'ftp://search.test', flavour: 'opensearch' }],
    ['a username without a password', { node: NODE, flavour: 'opensearch', username: 'kb' }],
    ['a password without a username', { node: NODE, flavour: 'opensearch', password: 's3cret' }],
    ['a zero timeout', { node: NODE, flavour: 'opensearch', requestTimeoutMs: 0 }],
    ['an unknown flavour', { node: NODE, flavour: 'solr' as SearchClientConfig['flavour'] }],
  ])('rejects %s', (_case, config) => {
    expect(() => clientOptions(config)).toThrow(
      expect.objectContaining({ code: SearchErrorCode.InvalidConfig }) as SearchError,
    );
  });
});

describe('parseEngineInfo', () => {
  it.each([
    ['OpenSearch', OPENSEARCH_INFO, { distribution: 'opensearch', version: '2.19.6' }],
    [
      'Elasticsearch',
      { version: { number: '9.1.0', build_flavor: 'default' } },
      { distribution: 'elasticsearch', version: '9.1.0' },
    ],
  ])('reads the distribution of %s', (_engine, body, expected) => {
    expect(parseEngineInfo(body)).toEqual(expected);
  });

  it('rejects an answer without a version number', () => {
    expect(() => parseEngineInfo({ tagline: 'You Know, for Search' })).toThrow(SearchError);
  });
});
