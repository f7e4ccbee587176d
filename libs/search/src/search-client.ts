import {
  Client,
  type ClientOptions,
  SniffingTransport,
  type TransportOptions,
} from '@elastic/elasticsearch';
import { requestFailed, SearchError, SearchErrorCode } from './search.error';

/** Which engine sits behind `node`. Both speak the same REST API for what we use. */
export type SearchFlavour = 'elasticsearch' | 'opensearch';

export interface SearchClientConfig {
  node: string;
  flavour: SearchFlavour;
  username?: string;
  password?: string;
  requestTimeoutMs?: number;
}

/** Services depend on this name rather than on the vendor client class. */
export type SearchClient = Client;

/**
 * The media types every server understands. The v9 client defaults to
 * `application/vnd.elasticsearch+json; compatible-with=9`, which OpenSearch answers with
 * 406 / "Content-Type header [...] is not supported".
 */
export const PLAIN_MEDIA_TYPES = {
  jsonContentType: 'application/json',
  ndjsonContentType: 'application/x-ndjson',
  accept: 'application/json, text/plain',
} as const;

/**
 * Options for a transport that talks to OpenSearch: no product check (OpenSearch does not send
 * `x-elastic-product: Elasticsearch`, so the client would reject every 2xx answer) and plain
 * media types. Kept as a function so the choice is testable without a server.
 */
export function openSearchTransportOptions(options: TransportOptions): TransportOptions {
  return { ...options, productCheck: undefined, vendoredHeaders: { ...PLAIN_MEDIA_TYPES } };
}

/**
 * The client hard-codes `productCheck` and `vendoredHeaders` when it builds its transport, so
 * the only supported seam is the `Transport` class option. Extends the client's own default
 * (SniffingTransport) so sniffing keeps working if it is ever turned on.
 */
export class OpenSearchCompatibleTransport extends SniffingTransport {
  constructor(options: TransportOptions) {
    super(openSearchTransportOptions(options));
  }
}

/**
 * The one place that builds a search client. `elasticsearch` gets the vendor client unchanged;
 * `opensearch` gets the compatible transport. Extra options (a fake connection in tests) are
 * applied last.
 */
export function createSearchClient(
  config: SearchClientConfig,
  extra: Partial<ClientOptions> = {},
): SearchClient {
  return new Client({ ...clientOptions(config), ...extra });
}

export function clientOptions(config: SearchClientConfig): ClientOptions {
  const options: ClientOptions = { node: parseNode(config.node) };
  if (config.username !== undefined || config.password !== undefined) {
    if (!config.username || config.password === undefined) {
      throw new SearchError(
        SearchErrorCode.InvalidConfig,
        'Search username and password must be given together',
      );
    }
    options.auth = { username: config.username, password: config.password };
  }
  if (config.requestTimeoutMs !== undefined) {
    if (!Number.isInteger(config.requestTimeoutMs) || config.requestTimeoutMs <= 0) {
      throw new SearchError(
        SearchErrorCode.InvalidConfig,
        `Search request timeout must be a positive integer of milliseconds, got ${config.requestTimeoutMs}`,
      );
    }
    options.requestTimeout = config.requestTimeoutMs;
  }
  switch (config.flavour) {
    case 'elasticsearch':
      return options;
    case 'opensearch':
      return { ...options, Transport: OpenSearchCompatibleTransport };
    default:
      // Configuration can name a flavour the type does not know: a SearchError, not a bug.
      throw new SearchError(
        SearchErrorCode.InvalidConfig,
        `Unknown search flavour: ${String(config.flavour satisfies never)}`,
      );
  }
}

function parseNode(node: string): string {
  let url: URL;
  try {
    url = new URL(node);
  } catch (cause) {
    throw new SearchError(
      SearchErrorCode.InvalidConfig,
      `Search node is not a URL: ${JSON.stringify(node)}`,
      { cause },
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SearchError(
      SearchErrorCode.InvalidConfig,
      `Search node must be http(s), got ${url.protocol}`,
    );
  }
  return node;
}

/** What `GET /` says about the server; lets a readiness probe catch a flavour mismatch. */
export interface SearchEngineInfo {
  distribution: SearchFlavour;
  version: string;
}

export async function describeEngine(client: SearchClient): Promise<SearchEngineInfo> {
  let body: unknown;
  try {
    body = await client.info();
  } catch (cause) {
    throw requestFailed('GET /', cause);
  }
  return parseEngineInfo(body);
}

/** Elasticsearch has no `version.distribution`; OpenSearch sets it to `opensearch`. */
export function parseEngineInfo(body: unknown): SearchEngineInfo {
  const version = isRecord(body) ? body['version'] : undefined;
  const number = isRecord(version) ? version['number'] : undefined;
  if (typeof number !== 'string') {
    throw new SearchError(SearchErrorCode.RequestFailed, 'GET / returned no version.number');
  }
  const distribution = isRecord(version) ? version['distribution'] : undefined;
  return {
    distribution: distribution === 'opensearch' ? 'opensearch' : 'elasticsearch',
    version: number,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
