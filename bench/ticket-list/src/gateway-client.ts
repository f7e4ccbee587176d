import { Agent, request } from 'node:http';

export interface TicketPage {
  items: { id: string }[];
  nextCursor: string | null;
}

/** Checks the shape of a list response body; throws with a short excerpt otherwise. */
export function parseTicketPage(status: number, body: string): TicketPage {
  if (status !== 200) throw new Error(`status ${status}: ${body.slice(0, 300)}`);
  const page = JSON.parse(body) as Partial<TicketPage>;
  if (
    !Array.isArray(page.items) ||
    !(typeof page.nextCursor === 'string' || page.nextCursor === null)
  ) {
    throw new Error(`not a ticket page: ${body.slice(0, 300)}`);
  }
  return { items: page.items, nextCursor: page.nextCursor };
}

/**
 * Keep-alive HTTP/1.1 GETs with one socket per in-flight request (as bench/intake's
 * GatewayClient for POSTs), so the benchmark measures the gateway, not connection set-up.
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

  /** GETs a ticket page and resolves once the whole body is read and checked. */
  listTickets(path: string): Promise<TicketPage> {
    return new Promise((resolve, reject) => {
      const outgoing = request(
        new URL(path, this.baseUrl),
        { method: 'GET', agent: this.agent, timeout: this.timeoutMs },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.once('end', () => {
            try {
              resolve(parseTicketPage(response.statusCode ?? 0, text));
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
      outgoing.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
