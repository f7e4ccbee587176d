import { Agent, request } from 'node:http';

export interface SearchAnswer {
  ids: string[];
  total: number;
}

/** GET with keep-alive sockets, one per request in flight; resolves with the parsed body. */
export class JsonClient {
  private readonly agent: Agent;

  constructor(
    private readonly baseUrl: string,
    sockets: number,
    private readonly timeoutMs = 30_000,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const outgoing = request(
        new URL(path, this.baseUrl),
        {
          method,
          agent: this.agent,
          timeout: this.timeoutMs,
          headers: payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {},
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.once('end', () => {
            if (response.statusCode !== 200) {
              reject(
                new Error(
                  `${method} ${path}: status ${response.statusCode}: ${text.slice(0, 300)}`,
                ),
              );
              return;
            }
            try {
              resolve(JSON.parse(text) as unknown);
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
          response.once('error', reject);
        },
      );
      outgoing.once('timeout', () =>
        outgoing.destroy(new Error(`no response within ${this.timeoutMs} ms`)),
      );
      outgoing.once('error', reject);
      outgoing.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** The gateway's `GET /api/v1/knowledge/search` as a requester. */
export async function searchThroughGateway(
  client: JsonClient,
  params: Record<string, string>,
): Promise<SearchAnswer> {
  const body = (await client.send(
    'GET',
    `/api/v1/knowledge/search?${new URLSearchParams(params).toString()}`,
  )) as { items: { id: string }[]; total: number };
  return { ids: body.items.map((item) => item.id), total: body.total };
}

const TEXT_FIELDS = ['title.ru^3', 'title.en^3', 'body.ru', 'body.en'];

/**
 * The query the knowledge service sends for a requester's search, written out for the engine
 * directly (services/knowledge/src/infrastructure/search/article-search.query.ts). The benchmark
 * checks both sides return the same articles, so the two cannot drift apart unnoticed.
 */
export function rawSearchBody(params: Record<string, string>): Record<string, unknown> {
  const pageSize = 10;
  const page = Number(params['page'] ?? '1');
  const filter: unknown[] = [
    { terms: { audience: ['public'] } },
    {
      bool: {
        should: [
          { bool: { must_not: { exists: { field: 'expires_at' } } } },
          { range: { expires_at: { gt: 'now' } } },
        ],
        minimum_should_match: 1,
      },
    },
  ];
  if (params['language']) filter.push({ term: { language: params['language'] } });
  for (const tag of (params['tags'] ?? '').split(',').filter(Boolean)) {
    filter.push({ term: { tags: tag } });
  }
  if (params['service']) filter.push({ term: { service_ids: params['service'] } });
  const common = {
    from: (page - 1) * pageSize,
    size: pageSize,
    track_total_hits: 1000,
    _source: { excludes: ['body'] },
  };
  const text = params['q']?.trim() ?? '';
  if (!text) {
    return {
      ...common,
      query: { bool: { filter } },
      sort: [{ published_at: { order: 'desc' } }, { _id: { order: 'asc' } }],
    };
  }
  return {
    ...common,
    query: {
      bool: {
        must: [
          {
            bool: {
              should: [
                { multi_match: { query: text, fields: TEXT_FIELDS, type: 'most_fields' } },
                {
                  multi_match: {
                    query: text,
                    fields: ['title.ru^3', 'title.en^3'],
                    type: 'most_fields',
                    fuzziness: 'AUTO',
                    prefix_length: 1,
                    max_expansions: 50,
                  },
                },
              ],
              minimum_should_match: 1,
            },
          },
        ],
        should: [
          { multi_match: { query: text, fields: TEXT_FIELDS, type: 'phrase', slop: 2, boost: 2 } },
        ],
        filter,
      },
    },
    highlight: {
      encoder: 'html',
      pre_tags: ['<mark>'],
      post_tags: ['</mark>'],
      fields: {
        'title.ru': { number_of_fragments: 0 },
        'title.en': { number_of_fragments: 0 },
        'body.ru': { fragment_size: 160, number_of_fragments: 3 },
        'body.en': { fragment_size: 160, number_of_fragments: 3 },
      },
    },
  };
}

/** The same search straight against the engine's `_search`: the baseline. */
export async function searchEngineDirectly(
  client: JsonClient,
  alias: string,
  params: Record<string, string>,
): Promise<SearchAnswer> {
  const body = (await client.send('POST', `/${alias}/_search`, rawSearchBody(params))) as {
    hits: { total: { value: number }; hits: { _id: string }[] };
  };
  return { ids: body.hits.hits.map((hit) => hit._id), total: body.hits.total.value };
}
