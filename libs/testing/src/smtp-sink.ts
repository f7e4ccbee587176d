import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { eventually } from './eventually';

/** A message the sink received: the envelope and the parsed message. */
export interface ReceivedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
  raw: Buffer;
}

/**
 * A real SMTP server on a free local port that keeps every message it is given: where the
 * platform's notification email goes in tests.
 */
export class SmtpSink {
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    readonly messages: ReceivedMail[],
  ) {}

  static async start(): Promise<SmtpSink> {
    const messages: ReceivedMail[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw)
            .then((parsed) => {
              messages.push({
                envelopeTo: session.envelope.rcptTo.map(({ address }) => address.toLowerCase()),
                parsed,
                raw,
              });
              callback();
            })
            .catch((error: Error) => callback(error));
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.server.address() as AddressInfo;
    return new SmtpSink(server, port, messages);
  }

  /** smtp:// URL of the sink, for SMTP_URL. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Messages sent to an address (case-insensitive). */
  to(address: string): ReceivedMail[] {
    const wanted = address.toLowerCase();
    return this.messages.filter(({ envelopeTo }) => envelopeTo.includes(wanted));
  }

  /** Waits for the first message to the address that matches. */
  waitFor(
    address: string,
    matches: (mail: ReceivedMail) => boolean = () => true,
    timeoutMs = 30_000,
  ): Promise<ReceivedMail> {
    return eventually(`an email to ${address}`, async () => this.to(address).find(matches), {
      timeoutMs,
      intervalMs: 100,
    });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
