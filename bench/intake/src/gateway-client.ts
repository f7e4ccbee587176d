import { Agent, request } from 'node:http';

export interface GatewayResponse {
  status: number;
  body: string;
}

/**
 * A keep-alive HTTP/1.1 client with one socket per in-flight request, so the benchmark
 * measures the gateway rather than connection set-up or client-side queueing.
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

  /** POSTs JSON and resolves once the whole response is read. */
  postJson(path: string, body: unknown): Promise<GatewayResponse> {
    const payload = Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const outgoing = request(
        new URL(path, this.baseUrl),
        {
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': payload.length },
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
