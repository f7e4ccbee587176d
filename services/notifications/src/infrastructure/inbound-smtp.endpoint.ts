import type { AddressInfo } from 'node:net';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import {
  SMTPServer,
  type SMTPServerAddress,
  type SMTPServerDataStream,
  type SMTPServerSession,
} from 'smtp-server';
import { assertUnreachable } from '@itsm/lang';
import type { ReceiveEmailOutcome } from '../application/receive-email/receive-email.use-case';
import type { ReceivedEmail } from '../application/receive-email/received-email';
import { TicketDeskUnavailableError } from '../application/ports/ticket-desk';
import { messageIdsOf, tokenFromAddress } from '../domain/email-threading';

export interface InboundSmtpLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface EmailReceiver {
  receive(email: ReceivedEmail): Promise<ReceiveEmailOutcome>;
}

export interface InboundSmtpEndpointOptions {
  /** INBOUND_SMTP_HOST. */
  host: string;
  /** INBOUND_SMTP_PORT; 0 leaves the endpoint off. */
  port: number;
  /** The service desk's mailbox (MAIL_FROM_ADDRESS): the one address mail is taken for. */
  mailbox: string;
  /** INBOUND_MAX_MESSAGE_BYTES: announced with SIZE, and larger messages are refused. */
  maxMessageBytes: number;
  /** The name in the greeting; the host name when absent. */
  serverName?: string;
  /** STARTTLS is offered only with a certificate of our own, never with a built-in one. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** How long stop() lets open conversations finish before it closes them. */
  closeTimeoutMs?: number;
}

const DEFAULT_CLOSE_TIMEOUT_MS = 10_000;

type SmtpError = Error & { responseCode: number };

function smtpError(responseCode: number, message: string): SmtpError {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * The service desk's inbound mail server: the organisation's MX (or a forwarding rule) hands
 * mail for the mailbox over here, and each message becomes a ticket or a comment before it is
 * acknowledged. A message the service desk cannot take now is answered 451, so the sending
 * server keeps it and tries again: mail is never lost on our side of the conversation.
 */
export class InboundSmtpEndpoint {
  private server: SMTPServer | null = null;
  private readonly mailbox: string;

  constructor(
    private readonly receiver: EmailReceiver,
    private readonly logger: InboundSmtpLogger,
    private readonly options: InboundSmtpEndpointOptions,
  ) {
    this.mailbox = options.mailbox.trim().toLowerCase();
  }

  /** Resolves once the endpoint listens (at once when it is off). */
  async start(): Promise<void> {
    if (this.server) return;
    const { host, port } = this.options;
    if (port === 0) {
      this.logger.info({}, 'inbound SMTP endpoint is off (port 0)');
      return;
    }
    const server = this.createServer();
    await new Promise<void>((resolve, reject) => {
      const failed = (error: Error) => reject(error);
      server.once('error', failed);
      server.listen(port, host, () => {
        server.off('error', failed);
        resolve();
      });
    });
    // Connection-level trouble (a client resetting, a TLS handshake failing) is the client's.
    server.on('error', (error: Error) =>
      this.logger.warn({ err: error }, 'inbound SMTP connection failed'),
    );
    this.server = server;
    this.logger.info({ host, port: this.address()?.port }, 'inbound SMTP endpoint listening');
  }

  /** Where it listens; null when it does not. */
  address(): { host: string; port: number } | null {
    const bound = this.server?.server.address() as AddressInfo | null | undefined;
    return bound ? { host: bound.address, port: bound.port } : null;
  }

  /**
   * Stops taking connections and lets conversations in progress end, up to closeTimeoutMs;
   * those still open then are told 421 (the sender retries elsewhere or later) and closed.
   */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.logger.info({}, 'inbound SMTP endpoint stopped');
  }

  private createServer(): SMTPServer {
    const { tls, maxMessageBytes, serverName, closeTimeoutMs } = this.options;
    return new SMTPServer({
      ...(serverName ? { name: serverName } : {}),
      ...(tls ? { key: tls.key, cert: tls.cert } : {}),
      secure: false,
      // Mail is delivered to us, not sent through us: there is nobody to authenticate.
      authOptional: true,
      disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
      size: maxMessageBytes,
      disableReverseLookup: true,
      closeTimeout: closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS,
      logger: false,
      onRcptTo: (address, session, callback) => callback(this.refusalOf(address, session)),
      onData: (stream, session, callback) => {
        this.handle(stream, session).then(
          (reply) => callback(null, reply),
          (error: Error) => callback(error),
        );
      },
    });
  }

  /** Only the mailbox and its plus addresses (support+<token>@…) are ours. */
  private refusalOf(address: SMTPServerAddress, session: SMTPServerSession): Error | null {
    const recipient = address.address.trim().toLowerCase();
    if (recipient === this.mailbox || tokenFromAddress(recipient, this.mailbox) !== null) {
      return null;
    }
    this.logger.info(
      { session: session.id, remoteAddress: session.remoteAddress, recipient },
      'inbound mail for a foreign address refused',
    );
    return smtpError(550, `5.1.1 <${recipient}>: no such mailbox here`);
  }

  private async handle(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<string> {
    const source = await readWhole(stream, this.options.maxMessageBytes);
    // smtp-server answers 552 itself for an oversized message, whatever this returns.
    if (stream.sizeExceeded) return 'refused: too large';
    const facts = { session: session.id, remoteAddress: session.remoteAddress };
    let parsed: ParsedMail;
    try {
      parsed = await simpleParser(source, {
        skipImageLinks: true,
        skipTextToHtml: true,
        skipTextLinks: true,
      });
    } catch (error) {
      this.logger.warn({ ...facts, err: error }, 'inbound mail that cannot be parsed refused');
      throw smtpError(554, '5.6.0 message cannot be parsed');
    }
    const email = receivedEmailOf(parsed, source, session);
    let outcome: ReceiveEmailOutcome;
    try {
      outcome = await this.receiver.receive(email);
    } catch (error) {
      if (error instanceof TicketDeskUnavailableError) {
        this.logger.warn(
          { ...facts, messageId: email.messageId, err: error },
          'tickets service unavailable; inbound mail deferred for the sender to retry',
        );
        throw smtpError(451, '4.3.0 service desk temporarily unavailable, try again later');
      }
      // Most likely ours to fix (or the database is away): the sending server keeps the
      // message and retries for days, so nothing is lost while someone looks.
      this.logger.error(
        { ...facts, messageId: email.messageId, err: error },
        'inbound mail could not be processed; deferred',
      );
      throw smtpError(451, '4.3.0 local error in processing, try again later');
    }
    return replyOf(outcome);
  }
}

function replyOf(outcome: ReceiveEmailOutcome): string {
  switch (outcome.outcome) {
    case 'ticket_created':
      return `OK: ticket ${outcome.ticketNumber} created`;
    case 'comment_added':
      return 'OK: added to the ticket';
    case 'dropped':
    case 'rejected':
      // Accepted all the same: a refusal would make a robot's mail server write back to it.
      return 'OK: accepted';
    default:
      return assertUnreachable(outcome, 'inbound outcome');
  }
}

/** The whole message; past the limit the rest is read and thrown away. */
function readWhole(stream: SMTPServerDataStream, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    stream.on('data', (chunk: Buffer) => {
      if (length + chunk.length <= limit) chunks.push(chunk);
      length += chunk.length;
    });
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

export function receivedEmailOf(
  parsed: ParsedMail,
  source: Buffer,
  session: Pick<SMTPServerSession, 'envelope'>,
): ReceivedEmail {
  const headers = headerMapOf(parsed.headerLines);
  const { mailFrom, rcptTo } = session.envelope;
  return {
    messageId: messageIdsOf(headers.get('message-id'))[0] ?? null,
    from: addressesOf(parsed.from)[0] ?? '',
    to: addressesOf(parsed.to),
    cc: addressesOf(parsed.cc),
    subject: withoutNul(parsed.subject ?? ''),
    text: withoutNul(parsed.text ?? ''),
    headers,
    inReplyTo: messageIdsOf(headers.get('in-reply-to')),
    references: messageIdsOf(headers.get('references')),
    envelopeFrom: mailFrom ? mailFrom.address.trim().toLowerCase() : '',
    envelopeTo: rcptTo.map(({ address }) => address.trim().toLowerCase()),
    attachments: parsed.attachments.map((attachment) => ({
      fileName: withoutNul(attachment.filename ?? ''),
      contentType: attachment.contentType,
      content: attachment.content,
    })),
    source,
  };
}

/**
 * Header names lower-cased, values unfolded as they were written (not decoded): what the
 * screening of machine mail reads. The first of repeated headers is the newest.
 */
function headerMapOf(lines: ParsedMail['headerLines']): Map<string, string> {
  const headers = new Map<string, string>();
  for (const { key, line } of lines) {
    const name = key.toLowerCase();
    if (headers.has(name)) continue;
    const colon = line.indexOf(':');
    const value = line.slice(colon + 1).replace(/\r?\n(?=[ \t])/g, '');
    headers.set(name, value.trim());
  }
  return headers;
}

function addressesOf(value: AddressObject | AddressObject[] | undefined): string[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return objects
    .flatMap(({ value: entries }) => entries.flatMap((entry) => [entry, ...(entry.group ?? [])]))
    .map(({ address }) => address?.trim().toLowerCase() ?? '')
    .filter((address) => address.length > 0);
}

/** PostgreSQL text cannot hold NUL, and no person writes one. */
function withoutNul(text: string): string {
  return text.replaceAll('\u0000', '');
}
