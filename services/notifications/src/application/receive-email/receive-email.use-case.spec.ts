import { messageIdsOf, replyAddress, replyToken } from '../../domain/email-threading';
import type {
  InboundEmailRecord,
  InboundMailStore,
  Sender,
  TicketParticipants,
} from '../ports/inbound-mail-store';
import {
  ATTACHMENT_MAX_BYTES,
  AttachmentRefusedError,
  CommentRefusedError,
  type CreatedTicket,
  type NewAttachment,
  type NewTicket,
  type PublicComment,
  type TicketDesk,
  TicketDeskUnavailableError,
} from '../ports/ticket-desk';
import {
  DEFAULT_SENDER_RATE_LIMIT,
  type ReceiveEmailLogger,
  type ReceiveEmailOutcome,
  ReceiveEmailUseCase,
} from './receive-email.use-case';
import type { ReceivedAttachment, ReceivedEmail } from './received-email';

const MAILBOX = 'support@itsm.local';
const SECRET = 'a-reply-secret-of-at-least-32-characters';
const NOW = new Date('2026-11-27T09:00:00Z');
const MINUTE = 60_000;

const ticketId = (n: number) => `0193a7a0-0000-7000-8000-${String(n).padStart(12, '0')}`;

type Person = Sender & { email: string };
const ALICE: Person = {
  userId: 'u-alice',
  email: 'alice@example.com',
  organizationId: 'org-acme',
  active: true,
  language: 'en',
};
const IVAN: Person = {
  userId: 'u-ivan',
  email: 'ivan@example.ru',
  organizationId: null,
  active: true,
  language: 'ru',
};
const MALLORY: Person = {
  userId: 'u-mallory',
  email: 'mallory@example.com',
  organizationId: 'org-other',
  active: true,
  language: 'en',
};
const FORMER: Person = {
  userId: 'u-former',
  email: 'former@example.com',
  organizationId: 'org-acme',
  active: false,
  language: 'en',
};

/** A ticket Alice asked for, that an agent works on and Ivan watches. */
const PRINTER_TICKET: TicketParticipants & { number: string } = {
  ticketId: ticketId(900),
  number: 'INC-000123',
  requesterId: ALICE.userId,
  assigneeId: 'u-agent',
  watcherIds: [IVAN.userId],
};
/** The Message-ID of a notification we sent about it. */
const NOTIFICATION_ID = '<0193a7b1-aaaa-7000-8000-000000000001@itsm.local>';

class InMemoryInboundMailStore implements InboundMailStore {
  readonly records: InboundEmailRecord[] = [];
  readonly sentMessages = new Map<string, string>([[NOTIFICATION_ID, PRINTER_TICKET.ticketId]]);
  readonly tickets = [PRINTER_TICKET];
  readonly people: Person[] = [ALICE, IVAN, MALLORY, FORMER];

  async alreadyReceived(messageId: string): Promise<boolean> {
    return this.records.some((record) => record.messageId === messageId);
  }

  async ticketsOfMessageIds(messageIds: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const id of messageIds) {
      const received = this.records.find((record) => record.messageId === id)?.ticketId;
      const ticket = this.sentMessages.get(id) ?? received;
      if (ticket) found.set(id, ticket);
    }
    return found;
  }

  async ticketByNumber(number: string): Promise<TicketParticipants | null> {
    const ticket = this.tickets.find((each) => each.number === number.toUpperCase());
    if (!ticket) return null;
    const { number: _number, ...participants } = ticket;
    return participants;
  }

  async recipientByEmail(address: string): Promise<Sender | null> {
    const person = this.people.find((each) => each.email === address.toLowerCase());
    if (!person) return null;
    const { email: _email, ...sender } = person;
    return sender;
  }

  async recentFromSender(address: string, since: Date): Promise<number> {
    return this.records.filter(
      (record) => record.fromAddress === address && record.receivedAt >= since,
    ).length;
  }

  async record(email: InboundEmailRecord): Promise<boolean> {
    if (await this.alreadyReceived(email.messageId)) return false;
    this.records.push(email);
    return true;
  }
}

type DeskCall =
  | { rpc: 'createTicket'; ticket: NewTicket }
  | { rpc: 'addPublicComment'; comment: PublicComment }
  | { rpc: 'addAttachment'; attachment: Omit<NewAttachment, 'content'> & { bytes: number } };

/** Idempotent by key, as the tickets service is. */
class RecordingTicketDesk implements TicketDesk {
  readonly calls: DeskCall[] = [];
  readonly closedTickets = new Set<string>();
  readonly refusedContentTypes = new Set<string>(['application/x-msdownload']);
  unavailable = false;
  private readonly created = new Map<string, CreatedTicket>();

  async createTicket(ticket: NewTicket): Promise<CreatedTicket> {
    this.failIfUnavailable();
    this.calls.push({ rpc: 'createTicket', ticket });
    const earlier = this.created.get(ticket.idempotencyKey);
    if (earlier) return earlier;
    const n = this.created.size + 1;
    const created = { ticketId: ticketId(n), number: `INC-${String(n).padStart(6, '0')}` };
    this.created.set(ticket.idempotencyKey, created);
    return created;
  }

  async addPublicComment(comment: PublicComment): Promise<void> {
    this.failIfUnavailable();
    if (this.closedTickets.has(comment.ticketId)) {
      throw new CommentRefusedError('ticket_closed', 'ticket INC-000123 is closed');
    }
    this.calls.push({ rpc: 'addPublicComment', comment });
  }

  async addAttachment({ content, ...attachment }: NewAttachment): Promise<void> {
    this.failIfUnavailable();
    if (this.refusedContentTypes.has(attachment.contentType)) {
      throw new AttachmentRefusedError(`${attachment.contentType} is not accepted`);
    }
    this.calls.push({ rpc: 'addAttachment', attachment: { ...attachment, bytes: content.length } });
  }

  rpcs(): DeskCall['rpc'][] {
    return this.calls.map(({ rpc }) => rpc);
  }

  private failIfUnavailable(): void {
    if (this.unavailable) throw new TicketDeskUnavailableError('14 UNAVAILABLE: no connection');
  }
}

class CollectingLogger implements ReceiveEmailLogger {
  readonly lines: { level: 'info' | 'warn'; message: string; facts: object }[] = [];
  info(facts: object, message: string): void {
    this.lines.push({ level: 'info', message, facts });
  }
  warn(facts: object, message: string): void {
    this.lines.push({ level: 'warn', message, facts });
  }
  warnings(): string[] {
    return this.lines.filter(({ level }) => level === 'warn').map(({ message }) => message);
  }
}

interface EmailInput {
  messageId?: string | null;
  from?: string;
  to?: string[];
  cc?: string[];
  subject?: string;
  text?: string;
  /** Raw header values as written, folding included; In-Reply-To and References are read from here. */
  headers?: Record<string, string>;
  envelopeFrom?: string;
  attachments?: ReceivedAttachment[];
  source?: string;
}

let sequence = 0;

/** A received email as the inbound endpoint builds it. */
function email(input: EmailInput = {}): ReceivedEmail {
  sequence += 1;
  const headers = new Map(
    Object.entries(input.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
  );
  const from = input.from ?? ALICE.email;
  return {
    messageId: input.messageId === undefined ? `<m${sequence}@mail.example.com>` : input.messageId,
    from,
    to: input.to ?? [MAILBOX],
    cc: input.cc ?? [],
    subject: input.subject ?? 'Printer on floor 3 jams',
    text: input.text ?? 'The printer jams on every second page.',
    headers,
    inReplyTo: messageIdsOf(headers.get('in-reply-to')),
    references: messageIdsOf(headers.get('references')),
    envelopeFrom: input.envelopeFrom ?? from,
    envelopeTo: input.to ?? [MAILBOX],
    attachments: input.attachments ?? [],
    source: Buffer.from(input.source ?? `message ${sequence}`),
  };
}

function attachment(fileName: string, bytes = 100, contentType = 'application/pdf') {
  return { fileName, contentType, content: Buffer.alloc(bytes, 1) };
}

function setUp() {
  const store = new InMemoryInboundMailStore();
  const desk = new RecordingTicketDesk();
  const logger = new CollectingLogger();
  const useCase = new ReceiveEmailUseCase(store, desk, { now: () => NOW }, logger, {
    replySecret: SECRET,
    mailbox: MAILBOX,
    ticketType: 'incident',
    senderRateLimit: DEFAULT_SENDER_RATE_LIMIT,
  });
  return { store, desk, logger, useCase };
}

const QUOTED_REPLY = [
  'It jams again since this morning.',
  '',
  'On Tue, 24 Nov 2026 at 10:00, Service desk <support@itsm.local> wrote:',
  '> Your ticket INC-000123 was resolved.',
].join('\n');

describe('ReceiveEmailUseCase', () => {
  describe('where an email goes', () => {
    const tokenAddress = replyAddress(MAILBOX, replyToken(PRINTER_TICKET.ticketId, SECRET));
    const forgedAddress = replyAddress(
      MAILBOX,
      replyToken(PRINTER_TICKET.ticketId, 'another-secret-of-at-least-32-characters'),
    );

    it.each<{
      scenario: string;
      /** Received before, from the same sender. */
      earlier?: EmailInput;
      email: EmailInput;
      outcome: Partial<ReceiveEmailOutcome>;
      calls: DeskCall['rpc'][];
    }>([
      {
        scenario: 'a new message becomes a ticket',
        email: {},
        outcome: { outcome: 'ticket_created', ticketNumber: 'INC-000001', matchedBy: null },
        calls: ['createTicket'],
      },
      {
        scenario: 'a reply to our notification (In-Reply-To) is a comment',
        email: {
          subject: 'Re: Your ticket was resolved',
          text: QUOTED_REPLY,
          headers: { 'In-Reply-To': NOTIFICATION_ID },
        },
        outcome: {
          outcome: 'comment_added',
          ticketId: PRINTER_TICKET.ticketId,
          matchedBy: 'message_id',
        },
        calls: ['addPublicComment'],
      },
      {
        scenario: 'a reply whose folded References name our notification is a comment',
        email: {
          subject: 'Re: Your ticket was resolved',
          text: QUOTED_REPLY,
          headers: {
            References: `<ticket-${PRINTER_TICKET.ticketId}@itsm.local>\r\n ${NOTIFICATION_ID}\r\n\t<CAF=x1@mail.example.com>`,
          },
        },
        outcome: {
          outcome: 'comment_added',
          ticketId: PRINTER_TICKET.ticketId,
          matchedBy: 'message_id',
        },
        calls: ['addPublicComment'],
      },
      {
        scenario: 'a reply to the signed reply address, headers lost on the way, is a comment',
        email: { subject: 'Printer', text: 'Still broken.', to: [tokenAddress] },
        outcome: {
          outcome: 'comment_added',
          ticketId: PRINTER_TICKET.ticketId,
          matchedBy: 'reply_token',
        },
        calls: ['addPublicComment'],
      },
      {
        scenario: 'the signed reply address in Cc is found too',
        email: { text: 'Still broken.', cc: [`"Service desk" <${tokenAddress.toUpperCase()}>`] },
        outcome: { outcome: 'comment_added', matchedBy: 'reply_token' },
        calls: ['addPublicComment'],
      },
      {
        scenario: 'a reply address with a forged signature opens a new ticket',
        email: { to: [forgedAddress] },
        outcome: { outcome: 'ticket_created' },
        calls: ['createTicket'],
      },
      {
        scenario: 'the ticket number in the subject, from the requester, is a comment',
        email: { subject: 'RE: [INC-000123] Printer on floor 3 jams', text: 'Again!' },
        outcome: {
          outcome: 'comment_added',
          ticketId: PRINTER_TICKET.ticketId,
          matchedBy: 'subject_number',
        },
        calls: ['addPublicComment'],
      },
      {
        scenario: 'the ticket number in the subject, from a watcher, is a comment',
        email: { from: IVAN.email, subject: 'Ответ: [INC-000123] Принтер', text: 'У меня тоже.' },
        outcome: { outcome: 'comment_added', matchedBy: 'subject_number' },
        calls: ['addPublicComment'],
      },
      {
        scenario: 'the ticket number in the subject, from a stranger, opens a new ticket',
        email: { from: MALLORY.email, subject: 'Re: [INC-000123] Printer', text: 'Close it.' },
        outcome: { outcome: 'ticket_created', matchedBy: null },
        calls: ['createTicket'],
      },
      {
        scenario: 'a reply to the requester’s own earlier email is a follow-up',
        earlier: { messageId: '<first@mail.example.com>' },
        email: {
          headers: { 'In-Reply-To': '<first@mail.example.com>' },
          text: 'Forgot: it is the one by the window.',
        },
        outcome: { outcome: 'comment_added', ticketId: ticketId(1), matchedBy: 'message_id' },
        calls: ['addPublicComment'],
      },
      {
        scenario: 'an out-of-office reply is dropped',
        email: {
          subject: 'Automatic reply: Your ticket INC-000123',
          headers: { 'Auto-Submitted': 'auto-replied' },
        },
        outcome: { outcome: 'dropped', reason: 'auto_reply' },
        calls: [],
      },
      {
        scenario: 'a bounce is dropped',
        email: {
          from: 'mailer-daemon@mx.example.com',
          subject: 'Undelivered Mail Returned to Sender',
          headers: {
            'Content-Type': 'multipart/report; report-type=delivery-status; boundary="b"',
          },
        },
        outcome: { outcome: 'dropped', reason: 'bounce' },
        calls: [],
      },
      {
        scenario: 'mail from our own mailbox is dropped',
        email: { from: MAILBOX },
        outcome: { outcome: 'dropped', reason: 'own_address' },
        calls: [],
      },
      {
        scenario: 'our own notification coming back is dropped',
        email: { headers: { 'X-ITSM-Loop': 'itsm.local' } },
        outcome: { outcome: 'dropped', reason: 'loop' },
        calls: [],
      },
      {
        scenario: 'mail with the null reverse-path is dropped',
        email: { envelopeFrom: '' },
        outcome: { outcome: 'dropped', reason: 'null_sender' },
        calls: [],
      },
      {
        scenario: 'a sender the directory does not know is turned away',
        email: { from: 'someone@elsewhere.example' },
        outcome: { outcome: 'rejected', reason: 'unknown_sender' },
        calls: [],
      },
      {
        scenario: 'a deactivated person is turned away',
        email: { from: FORMER.email },
        outcome: { outcome: 'rejected', reason: 'inactive_sender' },
        calls: [],
      },
      {
        scenario: 'a message without sender address is turned away',
        email: { from: '', envelopeFrom: 'bounces@lists.example.com' },
        outcome: { outcome: 'rejected', reason: 'unknown_sender' },
        calls: [],
      },
      {
        scenario: 'an empty message is dropped',
        email: { subject: '', text: '  ' },
        outcome: { outcome: 'dropped', reason: 'empty' },
        calls: [],
      },
    ])('$scenario', async ({ earlier, email: input, outcome, calls }) => {
      const { store, desk, useCase } = setUp();
      if (earlier) {
        await useCase.receive(email(earlier));
        desk.calls.length = 0;
      }
      const received = email(input);

      const result = await useCase.receive(received);

      expect(result).toMatchObject({ ...outcome, messageId: received.messageId });
      expect(desk.rpcs()).toEqual(calls);
      expect(store.records.at(-1)).toMatchObject({
        messageId: received.messageId,
        fromAddress: received.from,
        subject: received.subject,
        receivedAt: NOW,
        outcome: result.outcome,
        reason: 'reason' in result ? result.reason : null,
        ticketId: 'ticketId' in result ? result.ticketId : null,
        matchedBy: 'matchedBy' in result ? result.matchedBy : null,
      });
    });
  });

  describe('a new ticket', () => {
    it('is the sender’s, in their organisation, with the cleaned subject as title', async () => {
      const { desk, useCase } = setUp();
      const received = email({
        subject: 'Fwd: Printer on floor 3 jams',
        text: 'The printer jams on every second page.\n',
      });

      await useCase.receive(received);

      expect(desk.calls).toEqual([
        {
          rpc: 'createTicket',
          ticket: {
            idempotencyKey: `email:${received.messageId}`,
            type: 'incident',
            title: 'Printer on floor 3 jams',
            description: 'The printer jams on every second page.',
            requesterId: ALICE.userId,
            organizationId: 'org-acme',
          },
        },
      ]);
    });

    it.each([
      { language: 'en', person: ALICE, title: '(no subject)' },
      { language: 'ru', person: IVAN, title: '(без темы)' },
    ])(
      'without subject is titled in the sender’s language ($language)',
      async ({ person, title }) => {
        const { desk, useCase } = setUp();
        await useCase.receive(email({ from: person.email, subject: 'Re: ', text: 'Help' }));
        expect(desk.calls[0]).toMatchObject({ ticket: { title, description: 'Help' } });
      },
    );

    it('without text is described by its subject', async () => {
      const { desk, useCase } = setUp();
      await useCase.receive(email({ subject: 'VPN is down', text: '' }));
      expect(desk.calls[0]).toMatchObject({
        ticket: { title: 'VPN is down', description: 'VPN is down' },
      });
    });

    it('keeps title and description within the tickets service’s limits', async () => {
      const { desk, useCase } = setUp();
      await useCase.receive(email({ subject: 'Слишком '.repeat(40), text: 'x'.repeat(25_000) }));
      const call = desk.calls[0];
      if (call?.rpc !== 'createTicket') throw new Error('no ticket created');
      expect(call.ticket.title.length).toBeLessThanOrEqual(200);
      expect(call.ticket.title.endsWith('…')).toBe(true);
      expect(call.ticket.description).toHaveLength(20_000);
    });

    it('of a message with a very long Message-ID has a hashed idempotency key', async () => {
      const { desk, useCase } = setUp();
      await useCase.receive(email({ messageId: `<${'x'.repeat(300)}@mail.example.com>` }));
      const call = desk.calls[0];
      if (call?.rpc !== 'createTicket') throw new Error('no ticket created');
      expect(call.ticket.idempotencyKey).toMatch(/^email:sha256:[0-9a-f]{64}$/);
    });
  });

  describe('a reply', () => {
    it('adds only the new part of the text, by the sender, keyed by the message', async () => {
      const { desk, useCase } = setUp();
      const received = email({ text: QUOTED_REPLY, headers: { 'In-Reply-To': NOTIFICATION_ID } });

      await useCase.receive(received);

      expect(desk.calls).toEqual([
        {
          rpc: 'addPublicComment',
          comment: {
            ticketId: PRINTER_TICKET.ticketId,
            authorId: ALICE.userId,
            body: 'It jams again since this morning.',
            idempotencyKey: `email:${received.messageId}`,
          },
        },
      ]);
    });

    it('bringing only a file says what it brought', async () => {
      const { desk, useCase } = setUp();
      await useCase.receive(
        email({
          text: '',
          headers: { 'In-Reply-To': NOTIFICATION_ID },
          attachments: [attachment('error.png', 100, 'image/png')],
        }),
      );
      expect(desk.calls[0]).toMatchObject({ comment: { body: 'Attached: error.png' } });
      expect(desk.rpcs()).toEqual(['addPublicComment', 'addAttachment']);
    });

    it('to a closed ticket opens a new ticket instead', async () => {
      const { store, desk, useCase } = setUp();
      desk.closedTickets.add(PRINTER_TICKET.ticketId);
      const received = email({
        subject: 'Re: [INC-000123] Printer on floor 3 jams',
        text: QUOTED_REPLY,
        headers: { 'In-Reply-To': NOTIFICATION_ID },
      });

      const result = await useCase.receive(received);

      expect(result).toMatchObject({
        outcome: 'ticket_created',
        reason: 'ticket_closed',
        matchedBy: 'message_id',
      });
      expect(desk.calls[0]).toMatchObject({
        rpc: 'createTicket',
        ticket: { title: 'Printer on floor 3 jams', description: QUOTED_REPLY },
      });
      expect(store.records[0]).toMatchObject({
        outcome: 'ticket_created',
        reason: 'ticket_closed',
      });
    });
  });

  describe('attachments', () => {
    it('go to the ticket when named, accepted and small enough; the count is recorded', async () => {
      const { store, desk, logger, useCase } = setUp();

      const result = await useCase.receive(
        email({
          attachments: [
            attachment('report.pdf', 2048),
            attachment('', 512, 'image/png'),
            attachment('dump.bin', ATTACHMENT_MAX_BYTES + 1),
            attachment('setup.exe', 64, 'application/x-msdownload'),
            attachment('screen.png', ATTACHMENT_MAX_BYTES, 'image/png'),
          ],
        }),
      );

      expect(desk.calls.filter((call) => call.rpc === 'addAttachment')).toEqual([
        {
          rpc: 'addAttachment',
          attachment: {
            ticketId: ticketId(1),
            fileName: 'report.pdf',
            contentType: 'application/pdf',
            uploadedBy: ALICE.userId,
            bytes: 2048,
          },
        },
        {
          rpc: 'addAttachment',
          attachment: {
            ticketId: ticketId(1),
            fileName: 'screen.png',
            contentType: 'image/png',
            uploadedBy: ALICE.userId,
            bytes: ATTACHMENT_MAX_BYTES,
          },
        },
      ]);
      expect(result).toMatchObject({ outcome: 'ticket_created', attachments: 2 });
      expect(store.records[0]?.attachments).toBe(2);
      expect(logger.warnings()).toEqual([
        'attachment larger than the tickets service accepts; skipped',
        'attachment refused by the tickets service; skipped',
      ]);
    });

    it('of a reply go to the answered ticket', async () => {
      const { desk, useCase } = setUp();
      await useCase.receive(
        email({
          headers: { 'In-Reply-To': NOTIFICATION_ID },
          attachments: [attachment('log.txt', 10, 'text/plain')],
        }),
      );
      expect(desk.calls[1]).toMatchObject({
        rpc: 'addAttachment',
        attachment: { ticketId: PRINTER_TICKET.ticketId, fileName: 'log.txt' },
      });
    });
  });

  describe('the same message twice', () => {
    it('is dropped as a duplicate the second time, with nothing else done', async () => {
      const { store, desk, useCase } = setUp();
      const received = email();
      await useCase.receive(received);

      const again = await useCase.receive({ ...received, subject: 'changed on the way' });

      expect(again).toEqual({
        outcome: 'dropped',
        messageId: received.messageId,
        reason: 'duplicate',
      });
      expect(desk.rpcs()).toEqual(['createTicket']);
      expect(store.records).toHaveLength(1);
    });

    it('without Message-ID is recognised by its bytes', async () => {
      const { store, desk, useCase } = setUp();
      const first = await useCase.receive(email({ messageId: null, source: 'raw bytes' }));
      const resent = await useCase.receive(email({ messageId: null, source: 'raw bytes' }));
      const other = await useCase.receive(email({ messageId: null, source: 'other bytes' }));

      expect(first.messageId).toMatch(/^<[0-9a-f]{64}@no-message-id\.invalid>$/);
      expect(resent).toEqual({
        outcome: 'dropped',
        messageId: first.messageId,
        reason: 'duplicate',
      });
      expect(other.outcome).toBe('ticket_created');
      expect(other.messageId).not.toBe(first.messageId);
      expect(desk.rpcs()).toEqual(['createTicket', 'createTicket']);
      expect(store.records).toHaveLength(2);
    });
  });

  describe('a mail storm', () => {
    async function afterEarlierMessages(count: number, minutesAgo: number) {
      const world = setUp();
      for (let n = 0; n < count; n += 1) {
        world.store.records.push({
          messageId: `<earlier-${n}@mail.example.com>`,
          fromAddress: ALICE.email,
          subject: 'Printer',
          receivedAt: new Date(NOW.getTime() - minutesAgo * MINUTE),
          outcome: 'ticket_created',
          reason: null,
          ticketId: ticketId(500 + n),
          matchedBy: null,
          attachments: 0,
        });
      }
      return world;
    }

    const STORM_WARNING = 'mail storm from one sender: dropping its messages until it calms down';

    it.each([
      {
        earlier: 19,
        minutesAgo: 5,
        expected: { outcome: 'ticket_created' },
        calls: 1,
        warnings: [],
      },
      {
        earlier: 20,
        minutesAgo: 5,
        expected: { outcome: 'dropped', reason: 'loop' },
        calls: 0,
        warnings: [STORM_WARNING],
      },
      {
        earlier: 20,
        minutesAgo: 11,
        expected: { outcome: 'ticket_created' },
        calls: 1,
        warnings: [],
      },
    ])(
      'after $earlier messages $minutesAgo minutes ago: $expected.outcome',
      async ({ earlier, minutesAgo, expected, calls, warnings }) => {
        const { desk, logger, useCase } = await afterEarlierMessages(earlier, minutesAgo);
        const result = await useCase.receive(email());
        expect(result).toMatchObject(expected);
        expect(desk.calls).toHaveLength(calls);
        expect(logger.warnings()).toEqual(warnings);
      },
    );
  });

  describe('when the tickets service is unavailable', () => {
    it.each([
      { failing: 'creating the ticket', attachments: [] },
      { failing: 'adding an attachment', attachments: [attachment('report.pdf')] },
    ])(
      '$failing fails the message unrecorded; the retry creates one ticket',
      async ({ failing, attachments }) => {
        const { store, desk, useCase } = setUp();
        const received = email({ attachments });
        if (failing === 'adding an attachment') {
          const addAttachment = desk.addAttachment.bind(desk);
          let failures = 1;
          desk.addAttachment = async (attachment) => {
            if (failures-- > 0) throw new TicketDeskUnavailableError('4 DEADLINE_EXCEEDED');
            return addAttachment(attachment);
          };
        } else {
          desk.unavailable = true;
        }

        await expect(useCase.receive(received)).rejects.toBeInstanceOf(TicketDeskUnavailableError);
        expect(store.records).toEqual([]);

        desk.unavailable = false;
        const retried = await useCase.receive(received);

        expect(retried).toMatchObject({ outcome: 'ticket_created', ticketId: ticketId(1) });
        expect(store.records).toHaveLength(1);
        const keys = desk.calls.flatMap((call) =>
          call.rpc === 'createTicket' ? [call.ticket.idempotencyKey] : [],
        );
        expect(new Set(keys)).toEqual(new Set([`email:${received.messageId}`]));
      },
    );

    it('a failing comment leaves the message unrecorded too', async () => {
      const { store, desk, useCase } = setUp();
      desk.unavailable = true;
      await expect(
        useCase.receive(email({ headers: { 'In-Reply-To': NOTIFICATION_ID } })),
      ).rejects.toBeInstanceOf(TicketDeskUnavailableError);
      expect(store.records).toEqual([]);
    });
  });
});
