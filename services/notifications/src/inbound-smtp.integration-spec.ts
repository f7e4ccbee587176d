import { connect } from 'node:net';
import { createTransport, type Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '@itsm/persistence';
import { createTestDatabase, freePort, type TestDatabase } from '@itsm/testing';
import {
  type CreatedTicket,
  type NewAttachment,
  type NewTicket,
  type PublicComment,
  type TicketDesk,
  TicketDeskUnavailableError,
} from './application/ports/ticket-desk';
import {
  DEFAULT_SENDER_RATE_LIMIT,
  ReceiveEmailUseCase,
} from './application/receive-email/receive-email.use-case';
import { InboundSmtpEndpoint } from './infrastructure/inbound-smtp.endpoint';
import { SqlInboundMailStore } from './infrastructure/sql-inbound-mail.store';
import { notificationsMigrations } from './migrations';

const MAILBOX = 'support@itsm.local';
const SECRET = 'a-reply-secret-of-at-least-32-characters';
const ALICE = { userId: 'u-alice', email: 'alice@example.com', organizationId: 'org-acme' };

/**
 * The tickets service stands in as this recording implementation of the port: here the SMTP
 * conversation, the parsing and the intake log in PostgreSQL are real. The e2e suite runs the
 * same path against the real tickets service.
 */
class RecordingTicketDesk implements TicketDesk {
  readonly tickets: (NewTicket & CreatedTicket)[] = [];
  readonly comments: PublicComment[] = [];
  readonly attachments: NewAttachment[] = [];
  unavailable = false;

  async createTicket(ticket: NewTicket): Promise<CreatedTicket> {
    this.failIfUnavailable();
    const earlier = this.tickets.find((each) => each.idempotencyKey === ticket.idempotencyKey);
    if (earlier) return { ticketId: earlier.ticketId, number: earlier.number };
    const n = this.tickets.length + 1;
    const created = {
      ticketId: `0193a7a0-0000-7000-8000-${String(n).padStart(12, '0')}`,
      number: `INC-${String(n).padStart(6, '0')}`,
    };
    this.tickets.push({ ...ticket, ...created });
    return created;
  }

  async addPublicComment(comment: PublicComment): Promise<void> {
    this.failIfUnavailable();
    this.comments.push(comment);
  }

  async addAttachment(attachment: NewAttachment): Promise<void> {
    this.failIfUnavailable();
    this.attachments.push(attachment);
  }

  private failIfUnavailable(): void {
    if (this.unavailable) throw new TicketDeskUnavailableError('14 UNAVAILABLE: no connection');
  }
}

interface InboundRow {
  message_id: string;
  from_address: string;
  subject: string;
  outcome: string;
  reason: string | null;
  ticket_id: string | null;
  matched_by: string | null;
  attachments: number;
}

const quietLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('inbound SMTP endpoint with PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let desk: RecordingTicketDesk;
  let endpoint: InboundSmtpEndpoint;
  let port: number;
  let mailer: Transporter;

  const rowOf = async (messageId: string) =>
    (
      await database.query<InboundRow>(
        `SELECT message_id, from_address, subject, outcome, reason, ticket_id::text AS ticket_id,
                matched_by, attachments
           FROM inbound_emails WHERE message_id = $1`,
        [messageId],
      )
    )[0];

  beforeAll(async () => {
    database = await createTestDatabase('itsm_notifications_inbound');
    const settings = {
      url: database.url,
      poolSize: 4,
      applicationName: 'itsm-notifications-test',
      entities: [],
      migrations: notificationsMigrations,
    };
    await runMigrations(createDataSource(settings));
    dataSource = createDataSource(settings);
    await dataSource.initialize();
    await database.query(
      `INSERT INTO recipients
         (user_id, email, display_name, language, time_zone, roles, organization_id, active, version)
       VALUES ($1, $2, 'Alice', 'en', 'Europe/Moscow', '{requester}', $3, true, 1)`,
      [ALICE.userId, 'Alice@Example.com', ALICE.organizationId],
    );

    desk = new RecordingTicketDesk();
    const receiveEmail = new ReceiveEmailUseCase(
      new SqlInboundMailStore(dataSource),
      desk,
      { now: () => new Date() },
      quietLogger,
      {
        replySecret: SECRET,
        mailbox: MAILBOX,
        ticketType: 'incident',
        senderRateLimit: DEFAULT_SENDER_RATE_LIMIT,
      },
    );
    port = await freePort();
    endpoint = new InboundSmtpEndpoint(receiveEmail, quietLogger, {
      host: '127.0.0.1',
      port,
      mailbox: MAILBOX,
      maxMessageBytes: 1024 * 1024,
      closeTimeoutMs: 2_000,
    });
    await endpoint.start();
    mailer = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  });

  afterAll(async () => {
    mailer?.close();
    await endpoint?.stop();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('turns a message with an attachment into a ticket with that file', async () => {
    const pdf = Buffer.from('%PDF-1.4 the error report');

    const info = await mailer.sendMail({
      from: '"Alice" <alice@example.com>',
      to: `"Service desk" <${MAILBOX}>`,
      subject: 'Printer on floor 3 jams',
      text: 'The printer jams on every second page.',
      messageId: '<first.1@mail.example.com>',
      attachments: [{ filename: 'report.pdf', content: pdf, contentType: 'application/pdf' }],
    });

    expect(info.response).toMatch(/^250 OK: ticket INC-000001 created/);
    expect(desk.tickets).toEqual([
      expect.objectContaining({
        idempotencyKey: 'email:<first.1@mail.example.com>',
        type: 'incident',
        title: 'Printer on floor 3 jams',
        description: 'The printer jams on every second page.',
        requesterId: ALICE.userId,
        organizationId: ALICE.organizationId,
      }),
    ]);
    expect(desk.attachments).toEqual([
      {
        ticketId: desk.tickets[0]?.ticketId,
        fileName: 'report.pdf',
        contentType: 'application/pdf',
        content: pdf,
        uploadedBy: ALICE.userId,
      },
    ]);
    expect(await rowOf('<first.1@mail.example.com>')).toEqual({
      message_id: '<first.1@mail.example.com>',
      from_address: 'alice@example.com',
      subject: 'Printer on floor 3 jams',
      outcome: 'ticket_created',
      reason: null,
      ticket_id: desk.tickets[0]?.ticketId,
      matched_by: null,
      attachments: 1,
    });
  });

  it('adds a reply to our notification, found through its folded References, as a comment', async () => {
    const ticketId = desk.tickets[0]?.ticketId ?? '';
    const notificationId = '<0193a7b1-aaaa-7000-8000-000000000001@itsm.local>';
    await database.query(`INSERT INTO email_threads (message_id, ticket_id) VALUES ($1, $2)`, [
      notificationId,
      ticketId,
    ]);
    const raw = await new MailComposer({
      from: 'alice@example.com',
      to: MAILBOX,
      subject: 'Re: [INC-000001] Printer on floor 3 jams',
      messageId: '<reply.2@mail.example.com>',
      // Answers a colleague's message we never saw: only References leads to the ticket.
      inReplyTo: '<colleague.1@mail.example.com>',
      references: [
        `<ticket-${ticketId}@itsm.local>`,
        notificationId,
        '<colleague.1@mail.example.com>',
      ],
      text: [
        'It jams again since this morning.',
        '',
        'On Tue, 24 Nov 2026 at 10:00, Service desk <support@itsm.local> wrote:',
        '> Your ticket INC-000001 was resolved.',
      ].join('\n'),
    })
      .compile()
      .build();
    expect(raw.toString()).toMatch(/\r\nReferences: [^\r\n]+\r\n[ \t]+</);

    const info = await mailer.sendMail({
      envelope: { from: 'alice@example.com', to: [MAILBOX] },
      raw,
    });

    expect(info.response).toMatch(/^250 OK: added to the ticket/);
    expect(desk.comments).toEqual([
      {
        ticketId,
        authorId: ALICE.userId,
        body: 'It jams again since this morning.',
        idempotencyKey: 'email:<reply.2@mail.example.com>',
      },
    ]);
    expect(await rowOf('<reply.2@mail.example.com>')).toMatchObject({
      outcome: 'comment_added',
      ticket_id: ticketId,
      matched_by: 'message_id',
      attachments: 0,
    });
  });

  it('finds the ticket number in the subject of a mail from its requester', async () => {
    const ticketId = '0193a7a0-0000-7000-8000-000000000777';
    await database.query(
      `INSERT INTO ticket_projections
         (ticket_id, number, type, title, status, priority, requester_id, watcher_ids, version)
       VALUES ($1, 'INC-000777', 'incident', 'VPN', 'in_progress', 'medium', $2, '{}', 1)`,
      [ticketId, ALICE.userId],
    );

    await mailer.sendMail({
      from: 'alice@example.com',
      to: MAILBOX,
      subject: 'RE: [inc-000777] VPN',
      text: 'Works again, thank you.',
      messageId: '<subject.6@mail.example.com>',
    });

    expect(desk.comments.at(-1)).toMatchObject({ ticketId, body: 'Works again, thank you.' });
    expect(await rowOf('<subject.6@mail.example.com>')).toMatchObject({
      outcome: 'comment_added',
      ticket_id: ticketId,
      matched_by: 'subject_number',
    });
  });

  it('takes mail for the signed plus address too', async () => {
    const info = await mailer.sendMail({
      from: 'alice@example.com',
      to: `SUPPORT+0193a7a0000070008000000000000001.0123456789abcdef@ITSM.local`,
      subject: 'Question',
      text: 'Is the VPN down?',
      messageId: '<plus.3@mail.example.com>',
    });

    expect(info.accepted).toHaveLength(1);
    // A token with a wrong signature is no reply: the message opens a ticket of its own.
    expect(await rowOf('<plus.3@mail.example.com>')).toMatchObject({
      outcome: 'ticket_created',
      matched_by: null,
    });
  });

  it('refuses RCPT TO a foreign address with 550', async () => {
    const refused = mailer.sendMail({
      from: 'alice@example.com',
      to: 'postmaster@elsewhere.example',
      subject: 'Relay me',
      text: 'Please',
    });

    await expect(refused).rejects.toMatchObject({
      code: 'EENVELOPE',
      rejectedErrors: [expect.objectContaining({ responseCode: 550 })],
    });
  });

  it('defers mail with 451 while the tickets service is away, and takes it on retry', async () => {
    const message = {
      from: 'alice@example.com',
      to: MAILBOX,
      subject: 'Monitor flickers',
      text: 'Since the update.',
      messageId: '<deferred.4@mail.example.com>',
    };
    desk.unavailable = true;

    await expect(mailer.sendMail(message)).rejects.toMatchObject({ responseCode: 451 });
    expect(await rowOf('<deferred.4@mail.example.com>')).toBeUndefined();

    desk.unavailable = false;
    const info = await mailer.sendMail(message);

    expect(info.response).toMatch(/^250 /);
    expect(await rowOf('<deferred.4@mail.example.com>')).toMatchObject({
      outcome: 'ticket_created',
    });
    const tickets = desk.tickets.filter((ticket) => ticket.title === 'Monitor flickers');
    expect(tickets).toHaveLength(1);
  });

  it('acknowledges an auto-reply and only records it', async () => {
    const before = desk.tickets.length;

    const info = await mailer.sendMail({
      from: 'alice@example.com',
      to: MAILBOX,
      subject: 'Automatic reply: Printer on floor 3 jams',
      text: 'I am out of office until Monday.',
      messageId: '<ooo.5@mail.example.com>',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });

    expect(info.response).toMatch(/^250 /);
    expect(desk.tickets).toHaveLength(before);
    expect(await rowOf('<ooo.5@mail.example.com>')).toMatchObject({
      outcome: 'dropped',
      reason: 'auto_reply',
    });
  });

  it('stops cleanly: an idle conversation is told 421, then the port is closed', async () => {
    mailer.close();
    const idle = connect(port, '127.0.0.1');
    const transcript: string[] = [];
    idle.on('data', (chunk: Buffer) => transcript.push(chunk.toString()));
    const closed = new Promise<void>((resolve) => idle.once('close', () => resolve()));
    await new Promise<void>((resolve) => idle.once('data', () => resolve()));

    await endpoint.stop();
    await closed;

    expect(transcript.join('')).toMatch(/^220 [\s\S]*\r\n421 /);

    const refused = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(null);
      });
      socket.once('error', (error) => resolve(error));
    });
    expect(refused?.code).toBe('ECONNREFUSED');
    expect(endpoint.address()).toBeNull();
  });
});
