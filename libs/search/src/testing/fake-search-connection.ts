import {
  BaseConnection,
  type ConnectionRequestOptions,
  type ConnectionRequestOptionsAsStream,
  type ConnectionRequestParams,
  type ConnectionRequestResponse,
  type ConnectionRequestResponseAsStream,
} from '@elastic/elasticsearch';
import type { IncomingHttpHeaders } from 'node:http';

export interface RecordedRequest {
  method: string;
  path: string;
  querystring: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeResponse {
  statusCode?: number;
  headers?: IncomingHttpHeaders;
  body?: unknown;
}

/**
 * An in-process stand-in for the engine at the connection layer, below the client's transport:
 * the real transport (headers, product check, serialisation) runs, only the socket is replaced.
 * Answers with plain JSON and no `x-elastic-product` header, as OpenSearch does.
 */
export function fakeSearchConnection(
  respond: (request: RecordedRequest) => FakeResponse = () => ({ body: {} }),
): {
  requests: RecordedRequest[];
  Connection: typeof BaseConnection;
} {
  const requests: RecordedRequest[] = [];

  class FakeSearchConnection extends BaseConnection {
    override request(
      params: ConnectionRequestParams,
      options: ConnectionRequestOptions,
    ): Promise<ConnectionRequestResponse>;
    override request(
      params: ConnectionRequestParams,
      options: ConnectionRequestOptionsAsStream,
    ): Promise<ConnectionRequestResponseAsStream>;
    override request(
      params: ConnectionRequestParams,
    ): Promise<ConnectionRequestResponse | ConnectionRequestResponseAsStream> {
      const recorded: RecordedRequest = {
        method: params.method,
        path: params.path,
        querystring: params.querystring ?? '',
        headers: { ...params.headers },
        body:
          typeof params.body === 'string' || Buffer.isBuffer(params.body)
            ? params.body.toString()
            : '',
      };
      requests.push(recorded);
      const response = respond(recorded);
      return Promise.resolve({
        statusCode: response.statusCode ?? 200,
        headers: { 'content-type': 'application/json; charset=UTF-8', ...response.headers },
        body: response.body === undefined ? '' : JSON.stringify(response.body),
      });
    }
  }

  return { requests, Connection: FakeSearchConnection };
}
