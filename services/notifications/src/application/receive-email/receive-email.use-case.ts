import { createHash } from 'node:crypto';
import {
  cleanSubject,
  readReplyToken,
  stripQuotedReply,
  ticketNumbersInSubject,
  tokenFromAddress,
} from '../../domain/email-threading';
import { matchThread, screenInboundEmail, type ThreadMatch } from '../../domain/inbound-email';
import type { Locale } from '../../domain/locale';
import type {
  InboundEmailRecord,
  InboundMailStore,
  Sender,
  ThreadMatchedBy,
} from '../ports/inbound-mail-store';
import {
  ATTACHMENT_MAX_BYTES,
  AttachmentRefusedError,
  COMMENT_MAX_LENGTH,
  CommentRefusedError,
  IDEMPOTENCY_KEY_MAX_LENGTH,
  type InboundTicketType,
  TICKET_DESCRIPTION_MAX_LENGTH,
  TICKET_TITLE_MAX_LENGTH,
  type TicketDesk,
} from '../ports/ticket-desk';
import type { TimeSource } from '../ports/time-source';
import type { ReceivedAttachment, ReceivedEmail } from './received-email';

export interface ReceiveEmailLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

export interface SenderRateLimit {
  maxMessages: number;
  windowMs: number;
}

/** No person writes 20 messages in 10 minutes; an auto-responder answering our mail does. */
export const DEFAULT_SENDER_RATE_LIMIT: SenderRateLimit = { maxMessages: 20, windowMs: 600_000 };

export interface ReceiveEmailOptions {
  /** Verifies the reply tokens our notifications put into their reply address. */
  replySecret: string;
  /** The service desk's mailbox (MAIL_FROM_ADDRESS), e.g. support@itsm.local. */
  mailbox: string;
  ticketType: InboundTicketType;
  senderRateLimit: SenderRateLimit;
}

export type DropReason =
  'duplicate' | 'auto_reply' | 'loop' | 'bounce' | 'own_address' | 'null_sender' | 'empty';
export type RejectReason = 'unknown_sender' | 'inactive_sender';

export type ReceiveEmailOutcome =
  | {
      outcome: 'ticket_created';
      messageId: string;
      ticketId: string;
      ticketNumber: string;
      /** Set when the message answered a ticket that could take no more comments. */
      reason: CommentRefusedError['reason'] | null;
      matchedBy: ThreadMatchedBy | null;
      attachments: number;
    }
  | {
      outcome: 'comment_added';
      messageId: string;
      ticketId: string;
      matchedBy: ThreadMatchedBy;
      attachments: number;
    }
  | { outcome: 'dropped'; messageId: string; reason: DropReason }
  | { outcome: 'rejected'; messageId: string; reason: RejectReason };

/** Enough for any real thread; a header listing more is not worth a bigger query. */
const MAX_THREAD_IDS = 100;
/** Subjects naming more tickets than this are not replies to one of them. */
const MAX_SUBJECT_NUMBERS = 5;
const CUT_MARKER = '…';

const PLACEHOLDERS: Record<Locale, { noSubject: string; attached: string }> = {
  en: { noSubject: '(no subject)', attached: 'Attached:' },
  ru: { noSubject: '(без темы)', attached: 'Вложения:' },
};

/**
 * Email to the service desk becomes a ticket, or a public comment on the ticket it answers.
 * Machine mail (auto-replies, bounces, our own mail coming back, storms) is dropped and people
 * the directory does not know are turned away, each recorded with the reason. The ticket calls
 * are idempotent by the message's key and the record is written after them, so a message
 * processed again after a failure only repeats calls that change nothing.
 */
export class ReceiveEmailUseCase {
  constructor(
    private readonly store: InboundMailStore,
    private readonly ticketDesk: TicketDesk,
    private readonly time: TimeSource,
    private readonly logger: ReceiveEmailLogger,
    private readonly options: ReceiveEmailOptions,
  ) {}

  async receive(email: ReceivedEmail): Promise<ReceiveEmailOutcome> {
    const messageId = email.messageId?.trim() || synthesisedMessageId(email.source);
    if (await this.store.alreadyReceived(messageId)) {
      this.logger.info({ messageId, from: email.from }, 'email received before; ignored');
      return { outcome: 'dropped', messageId, reason: 'duplicate' };
    }
    const receivedAt = this.time.now();
    const from = email.from.trim().toLowerCase();
    const entry = { messageId, fromAddress: from, subject: email.subject, receivedAt };

    const dropReason = await this.dropReasonOf(email, messageId, from, receivedAt);
    if (dropReason) {
      return this.finish(entry, { outcome: 'dropped', messageId, reason: dropReason });
    }
    const sender = from ? await this.store.recipientByEmail(from) : null;
    if (!sender || !sender.active) {
      const reason = sender ? 'inactive_sender' : 'unknown_sender';
      return this.finish(entry, { outcome: 'rejected', messageId, reason });
    }

    const attachments = this.attachmentsToKeep(email.attachments, messageId);
    const match = await this.threadOf(email, sender, messageId);
    if (match.kind === 'reply') {
      const body = this.commentBody(email.text, attachments, sender.language);
      if (!body) return this.finish(entry, { outcome: 'dropped', messageId, reason: 'empty' });
      try {
        await this.ticketDesk.addPublicComment({
          ticketId: match.ticketId,
          authorId: sender.userId,
          body,
          idempotencyKey: idempotencyKeyOf(messageId),
        });
      } catch (error) {
        if (!(error instanceof CommentRefusedError)) throw error;
        this.logger.info(
          { messageId, ticketId: match.ticketId, reason: error.reason },
          'the answered ticket takes no more comments; the email becomes a new ticket',
        );
        return this.openTicket(email, sender, attachments, entry, {
          reason: error.reason,
          matchedBy: match.via,
        });
      }
      const added = await this.attach(match.ticketId, sender.userId, attachments, messageId);
      return this.finish(
        entry,
        {
          outcome: 'comment_added',
          messageId,
          ticketId: match.ticketId,
          matchedBy: match.via,
          attachments: added,
        },
        email.attachments.length,
      );
    }
    if (!email.text.trim() && !cleanSubject(email.subject) && attachments.length === 0) {
      return this.finish(entry, { outcome: 'dropped', messageId, reason: 'empty' });
    }
    return this.openTicket(email, sender, attachments, entry, { reason: null, matchedBy: null });
  }

  private async dropReasonOf(
    email: ReceivedEmail,
    messageId: string,
    from: string,
    receivedAt: Date,
  ): Promise<DropReason | null> {
    const verdict = screenInboundEmail(email, [this.options.mailbox]);
    if (verdict.kind === 'drop') return verdict.reason;
    if (email.envelopeFrom === '') return 'null_sender';
    const { maxMessages, windowMs } = this.options.senderRateLimit;
    const recent = await this.store.recentFromSender(
      from,
      new Date(receivedAt.getTime() - windowMs),
    );
    if (recent >= maxMessages) {
      this.logger.warn(
        { messageId, from, recent, windowMs },
        'mail storm from one sender: dropping its messages until it calms down',
      );
      return 'loop';
    }
    return null;
  }

  private async threadOf(
    email: ReceivedEmail,
    sender: Sender,
    messageId: string,
  ): Promise<ThreadMatch> {
    const threadIds = [
      ...new Set([...email.inReplyTo, ...email.references.slice(-MAX_THREAD_IDS)]),
    ].slice(0, MAX_THREAD_IDS);
    const knownMessageIds =
      threadIds.length > 0 ? await this.store.ticketsOfMessageIds(threadIds) : new Map();
    return matchThread({
      email,
      knownMessageIds,
      tokenTicketId: this.tokenTicketOf(email, messageId),
      subjectTicket: await this.subjectTicketOf(email.subject, sender.userId),
      senderUserId: sender.userId,
    });
  }

  private tokenTicketOf(email: ReceivedEmail, messageId: string): string | null {
    const { mailbox, replySecret } = this.options;
    for (const address of [...email.to, ...email.cc, ...email.envelopeTo]) {
      const token = tokenFromAddress(address, mailbox);
      if (!token) continue;
      const ticketId = readReplyToken(token, replySecret);
      if (ticketId) return ticketId;
      // A forged address, or mail signed with a secret that was since replaced.
      this.logger.warn({ messageId, address }, 'reply token with a wrong signature; ignored');
    }
    return null;
  }

  /**
   * The first ticket the subject names that the sender takes part in; otherwise the first one
   * that exists, which matchThread then refuses to answer into.
   */
  private async subjectTicketOf(
    subject: string,
    senderId: string,
  ): Promise<{ ticketId: string; participantIds: string[] } | null> {
    let first: { ticketId: string; participantIds: string[] } | null = null;
    for (const number of ticketNumbersInSubject(subject).slice(0, MAX_SUBJECT_NUMBERS)) {
      const ticket = await this.store.ticketByNumber(number);
      if (!ticket) continue;
      const participantIds = [ticket.requesterId, ticket.assigneeId, ...ticket.watcherIds].filter(
        (id): id is string => Boolean(id),
      );
      const candidate = { ticketId: ticket.ticketId, participantIds };
      if (participantIds.includes(senderId)) return candidate;
      first ??= candidate;
    }
    return first;
  }

  private async openTicket(
    email: ReceivedEmail,
    sender: Sender,
    attachments: ReceivedAttachment[],
    entry: RecordEntry,
    followUp: { reason: CommentRefusedError['reason'] | null; matchedBy: ThreadMatchedBy | null },
  ): Promise<ReceiveEmailOutcome> {
    const subject = cleanSubject(email.subject);
    const title = cut(subject || PLACEHOLDERS[sender.language].noSubject, TICKET_TITLE_MAX_LENGTH);
    const description = cut(email.text.trim() || subject || title, TICKET_DESCRIPTION_MAX_LENGTH);
    const ticket = await this.ticketDesk.createTicket({
      idempotencyKey: idempotencyKeyOf(entry.messageId),
      type: this.options.ticketType,
      title,
      description,
      requesterId: sender.userId,
      organizationId: sender.organizationId,
    });
    const added = await this.attach(ticket.ticketId, sender.userId, attachments, entry.messageId);
    return this.finish(
      entry,
      {
        outcome: 'ticket_created',
        messageId: entry.messageId,
        ticketId: ticket.ticketId,
        ticketNumber: ticket.number,
        reason: followUp.reason,
        matchedBy: followUp.matchedBy,
        attachments: added,
      },
      email.attachments.length,
    );
  }

  /** The new part of a reply; when the reply brought only files, what they are. */
  private commentBody(
    text: string,
    attachments: ReceivedAttachment[],
    language: Locale,
  ): string | null {
    const reply = text.trim() ? stripQuotedReply(text).trim() : '';
    if (reply) return cut(reply, COMMENT_MAX_LENGTH);
    if (attachments.length === 0) return null;
    const names = attachments.map(({ fileName }) => fileName).join(', ');
    return cut(`${PLACEHOLDERS[language].attached} ${names}`, COMMENT_MAX_LENGTH);
  }

  /**
   * Files with a name, within the tickets service's size limit. Parts without a name are the
   * inline pictures of signatures and HTML bodies, not documents anyone attached.
   */
  private attachmentsToKeep(
    attachments: readonly ReceivedAttachment[],
    messageId: string,
  ): ReceivedAttachment[] {
    return attachments.filter((attachment) => {
      if (!attachment.fileName.trim() || attachment.content.length === 0) return false;
      if (attachment.content.length > ATTACHMENT_MAX_BYTES) {
        this.logger.warn(
          {
            messageId,
            fileName: attachment.fileName,
            sizeBytes: attachment.content.length,
            limitBytes: ATTACHMENT_MAX_BYTES,
          },
          'attachment larger than the tickets service accepts; skipped',
        );
        return false;
      }
      return true;
    });
  }

  /** Adds the files; one the tickets service refuses (type, name) does not stop the rest. */
  private async attach(
    ticketId: string,
    uploadedBy: string,
    attachments: readonly ReceivedAttachment[],
    messageId: string,
  ): Promise<number> {
    let added = 0;
    for (const { fileName, contentType, content } of attachments) {
      try {
        await this.ticketDesk.addAttachment({
          ticketId,
          fileName,
          contentType,
          content,
          uploadedBy,
        });
        added += 1;
      } catch (error) {
        if (!(error instanceof AttachmentRefusedError)) throw error;
        this.logger.warn(
          { messageId, ticketId, fileName, contentType, refusal: error.message },
          'attachment refused by the tickets service; skipped',
        );
      }
    }
    return added;
  }

  private async finish(
    entry: RecordEntry,
    outcome: ReceiveEmailOutcome,
    attachmentsInMessage = 0,
  ): Promise<ReceiveEmailOutcome> {
    const record: InboundEmailRecord = {
      ...entry,
      outcome: outcome.outcome,
      reason: 'reason' in outcome ? outcome.reason : null,
      ticketId: 'ticketId' in outcome ? outcome.ticketId : null,
      matchedBy: 'matchedBy' in outcome ? outcome.matchedBy : null,
      attachments: 'attachments' in outcome ? outcome.attachments : 0,
    };
    const inserted = await this.store.record(record);
    const facts = {
      messageId: entry.messageId,
      from: entry.fromAddress,
      outcome: record.outcome,
      reason: record.reason,
      ticketId: record.ticketId,
      matchedBy: record.matchedBy,
      attachments: record.attachments,
      attachmentsInMessage,
    };
    this.logger.info(
      facts,
      inserted ? 'email received' : 'email received; another replica recorded it first',
    );
    return outcome;
  }
}

type RecordEntry = Pick<InboundEmailRecord, 'messageId' | 'fromAddress' | 'subject' | 'receivedAt'>;

/** A resend of the same bytes gets the same id, so it is recognised as the same message. */
function synthesisedMessageId(source: Buffer): string {
  return `<${createHash('sha256').update(source).digest('hex')}@no-message-id.invalid>`;
}

/** 'email:' + the Message-ID; a hash of it when the id is too long for the tickets service. */
export function idempotencyKeyOf(messageId: string): string {
  const key = `email:${messageId}`;
  if (key.length <= IDEMPOTENCY_KEY_MAX_LENGTH) return key;
  return `email:sha256:${createHash('sha256').update(messageId).digest('hex')}`;
}

/** At most `max` UTF-16 units, marked where cut, never splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - CUT_MARKER.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}${CUT_MARKER}`;
}
