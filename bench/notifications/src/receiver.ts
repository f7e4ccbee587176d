import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** When a ticket's event reached the receiver the first time. */
export interface Arrival {
  ticketId: string;
  /** performance.now() of the bench process when the body was read. */
  atMs: number;
  /** Wall clock at the same moment, to compare with the ticket's creation time. */
  wallMs: number;
  /** The ticket's created_at from the event itself (the tickets service's clock, same machine). */
  createdAtMs: number;
}

/** What a webhook carried to check its signature after the measurement. */
export interface SignedPost {
  timestamp: string;
  signature: string;
  body: string;
}

export type PostedTicket =
  | { kind: 'ours'; ticketId: string; createdAtMs: number }
  | { kind: 'foreign' }
  | { kind: 'invalid'; reason: string };

interface TicketJson {
  id?: unknown;
  title?: unknown;
  createdAt?: unknown;
}

/**
 * The ticket a post is about: a webhook is a CloudEvents envelope with the event in `data`, the
 * baseline posts the Kafka value itself. A ticket of this run has the run's marker in its title;
 * any other (another platform on the shared Kafka) is foreign.
 */
export function ticketOfPost(body: string, marker: string): PostedTicket {
  let parsed: { data?: { ticket?: TicketJson }; ticket?: TicketJson };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return { kind: 'invalid', reason: `not JSON: ${body.slice(0, 80)}` };
  }
  const ticket = parsed?.data?.ticket ?? parsed?.ticket;
  if (typeof ticket?.id !== 'string' || typeof ticket.title !== 'string')
    return { kind: 'invalid', reason: `no ticket in ${body.slice(0, 80)}` };
  if (!ticket.title.startsWith(marker)) return { kind: 'foreign' };
  const createdAtMs = typeof ticket.createdAt === 'string' ? Date.parse(ticket.createdAt) : NaN;
  return { kind: 'ours', ticketId: ticket.id, createdAtMs };
}

/** The posts to one path of the receiver. */
export class Mailbox {
  /** First arrival per ticket of this run, in arrival order. */
  readonly arrivals = new Map<string, Arrival>();
  duplicates = 0;
  foreign = 0;
  invalid: string[] = [];
  readonly signed: SignedPost[] = [];
  private waiter: { count: number; resolve: () => void } | undefined;

  constructor(private readonly keepSignatures: boolean) {}

  receive(
    body: string,
    headers: IncomingMessage['headers'],
    ticket: PostedTicket,
    at: Arrival['atMs'],
    wallMs: number,
  ): void {
    if (ticket.kind === 'foreign') {
      this.foreign += 1;
      return;
    }
    if (ticket.kind === 'invalid') {
      this.invalid.push(ticket.reason);
      return;
    }
    if (this.arrivals.has(ticket.ticketId)) {
      this.duplicates += 1;
      return;
    }
    this.arrivals.set(ticket.ticketId, {
      ticketId: ticket.ticketId,
      atMs: at,
      wallMs,
      createdAtMs: ticket.createdAtMs,
    });
    if (this.keepSignatures) {
      this.signed.push({
        timestamp: String(headers['x-itsm-timestamp'] ?? ''),
        signature: String(headers['x-itsm-signature'] ?? ''),
        body,
      });
    }
    if (this.waiter && this.arrivals.size >= this.waiter.count) this.waiter.resolve();
  }

  /** Resolves once `count` tickets of this run arrived; fails after `timeoutMs`. */
  async untilCount(count: number, timeoutMs: number, what: string): Promise<void> {
    if (this.arrivals.size >= count) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        new Promise<void>((resolve) => (this.waiter = { count, resolve })),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new Error(
                  `${what}: ${this.arrivals.size} of ${count} events arrived in ${timeoutMs / 1000} s` +
                    (this.invalid.length > 0 ? `; invalid posts: ${this.invalid[0]}` : ''),
                ),
              ),
            timeoutMs,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
      this.waiter = undefined;
    }
  }
}

/**
 * A local HTTP endpoint for webhooks: answers 200 as soon as a body is read and only notes
 * which ticket it was about and when, so the figure is the sender's, not the receiver's.
 */
export class WebhookReceiver {
  private readonly mailboxes = new Map<string, Mailbox>();

  private constructor(
    private readonly server: Server,
    private readonly marker: string,
  ) {}

  static async start(marker: string): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server, marker);
    server.on('request', (request: IncomingMessage, response: ServerResponse) =>
      receiver.handle(request, response),
    );
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return receiver;
  }

  /** The mailbox of a path (`/platform`), created with `keepSignatures` on first use. */
  mailbox(path: string, keepSignatures = false): Mailbox {
    let mailbox = this.mailboxes.get(path);
    if (!mailbox) {
      mailbox = new Mailbox(keepSignatures);
      this.mailboxes.set(path, mailbox);
    }
    return mailbox;
  }

  urlOf(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const mailbox = request.method === 'POST' ? this.mailboxes.get(request.url ?? '') : undefined;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const atMs = performance.now();
      const wallMs = Date.now();
      if (!mailbox) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-length': '0' }).end();
      const body = Buffer.concat(chunks).toString('utf8');
      mailbox.receive(body, request.headers, ticketOfPost(body, this.marker), atMs, wallMs);
    });
  }
}
