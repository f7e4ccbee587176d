import { Agent, request } from 'node:http';

export interface GatewayResponse {
  status: number;
  body: string;
}

/** The JSON of a response with the expected status; throws with a short excerpt otherwise. */
export function expectJson<T>(response: GatewayResponse, status: number, what: string): T {
  if (response.status !== status) {
    throw new Error(
      `${what}: status ${response.status} (expected ${status}): ${response.body.slice(0, 300)}`,
    );
  }
  return JSON.parse(response.body) as T;
}

/**
 * Keep-alive HTTP/1.1 with one socket per in-flight request (as bench/gateway's client), so
 * the benchmark measures the platform, not connection set-up or queueing in the client.
 */
export class GatewayClient {
  private readonly agent: Agent;

  constructor(
    private readonly baseUrl: string,
    concurrency: number,
    private readonly timeoutMs = 30_000,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  }

  postJson(path: string, body: unknown, headers: Record<string, string>): Promise<GatewayResponse> {
    return this.send(path, headers, Buffer.from(JSON.stringify(body)));
  }

  /** Resolves once the whole response body is read. */
  private send(
    path: string,
    headers: Record<string, string>,
    payload: Buffer,
  ): Promise<GatewayResponse> {
    return new Promise((resolve, reject) => {
      const outgoing = request(
        new URL(path, this.baseUrl),
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': payload.length,
          },
          timeout: this.timeoutMs,
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.once('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
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
