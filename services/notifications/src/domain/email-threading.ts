import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUuid } from './identifiers';
import { NotificationError, NotificationErrorCode } from './notification-error';

// How a reply finds its ticket. Three ways, strongest first: the Message-IDs it answers
// (every notification of a ticket References the ticket's thread root), the signed token in
// the address it was sent to, and the ticket number in its subject.

const REPLY_TOKEN = /^([0-9a-f]{32})\.([0-9a-f]{16})$/;
const SIGNATURE_HEX_LENGTH = 16;

/** The thread root of a ticket: never sent itself, referenced by every notification about it. */
export function threadMessageId(ticketId: string, domain: string): string {
  return `<ticket-${ticketId}@${domain}>`;
}

/** The Message-ID of one delivery, unique as the delivery is. */
export function deliveryMessageId(deliveryId: string, domain: string): string {
  return `<${deliveryId}@${domain}>`;
}

/**
 * A token for the reply address of a ticket's mail: the ticket id without dashes, a dot and
 * the first 16 hex digits of its HMAC-SHA256, short enough for a local part (64 characters)
 * and signed, so nobody can write into a ticket by guessing an address.
 */
export function replyToken(ticketId: string, secret: string): string {
  if (!isUuid(ticketId)) {
    throw new NotificationError(
      NotificationErrorCode.ValidationFailed,
      'a reply token needs a ticket UUID',
      [{ field: 'ticketId', message: `"${ticketId}" is not a UUID` }],
    );
  }
  const id = ticketId.toLowerCase();
  return `${id.replace(/-/g, '')}.${signatureOf(id, secret)}`;
}

/**
 * The ticket id of a genuine token, or null. Case-insensitive, since some mail servers change
 * the case of the local part on the way.
 */
export function readReplyToken(token: string, secret: string): string | null {
  const match = REPLY_TOKEN.exec(token.trim().toLowerCase());
  if (!match) return null;
  const [, hex = '', signature = ''] = match;
  const id = [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
  const expected = Buffer.from(signatureOf(id, secret));
  return timingSafeEqual(Buffer.from(signature), expected) ? id : null;
}

/** The mailbox with the token as its plus tag: support@itsm.local → support+<token>@itsm.local. */
export function replyAddress(mailbox: string, token: string): string {
  const { local, domain } = splitAddress(mailbox);
  return `${local}+${token}@${domain}`;
}

/**
 * The plus tag of an address of our mailbox ('"Support" <support+tag@itsm.local>' works), or
 * null for any other address or one without a tag. The tag is not verified here.
 */
export function tokenFromAddress(address: string, mailbox: string): string | null {
  const spec = addressSpecOf(address).toLowerCase();
  const at = spec.lastIndexOf('@');
  if (at < 0) return null;
  const own = splitAddress(mailbox.toLowerCase());
  if (spec.slice(at + 1) !== own.domain) return null;
  const local = spec.slice(0, at);
  const prefix = `${own.local}+`;
  if (!local.startsWith(prefix) || local.length === prefix.length) return null;
  return local.slice(prefix.length);
}

const TICKET_NUMBER = '(?:INC|REQ|PRB|CHG)-\\d{6,}';
const BRACKETED_NUMBER = new RegExp(`\\[\\s*(${TICKET_NUMBER})\\s*\\]`, 'gi');
// Longer spellings first, so "ответ" is not read as "отв" and a dangling "ет:".
const REPLY_PREFIX_WORDS = 'ответ|отв|пересл|fwd|fw|re|aw|wg|sv';
const REPLY_PREFIX = new RegExp(
  `^\\s*(?:${REPLY_PREFIX_WORDS})\\s*(?:\\[\\d+\\]|\\(\\d+\\))?\\s*[:：]\\s*`,
  'i',
);
const NUMBER_AFTER_PREFIXES = new RegExp(
  `^(?:\\s*(?:${REPLY_PREFIX_WORDS})\\s*(?:\\[\\d+\\]|\\(\\d+\\))?\\s*[:：])+\\s*(${TICKET_NUMBER})(?!\\d)`,
  'i',
);

/**
 * Ticket numbers in a subject, upper-cased, each once, in the order they appear: every
 * [INC-000123] in brackets, and a bare number right after reply prefixes ("Re: INC-000123"),
 * as clients that drop brackets leave it.
 */
export function ticketNumbersInSubject(subject: string): string[] {
  const found: { index: number; number: string }[] = [];
  for (const match of subject.matchAll(BRACKETED_NUMBER)) {
    found.push({ index: match.index, number: (match[1] ?? '').toUpperCase() });
  }
  const bare = NUMBER_AFTER_PREFIXES.exec(subject);
  if (bare?.[1]) {
    found.push({ index: bare[0].length - bare[1].length, number: bare[1].toUpperCase() });
  }
  return [...new Set(found.sort((a, b) => a.index - b.index).map(({ number }) => number))];
}

/**
 * The Message-IDs in an In-Reply-To or References value, each once, in order, with their
 * angle brackets. Folded (multi-line) values are read whole; ids some clients send without
 * brackets are taken too.
 */
export function messageIdsOf(headerValue: string | undefined): string[] {
  if (!headerValue) return [];
  const unfolded = headerValue.replace(/\r?\n/g, ' ');
  const bracketed = unfolded.match(/<[^<>\s]+>/g);
  const ids =
    bracketed ??
    unfolded
      .replace(/\([^()]*\)/g, ' ')
      .split(/[\s,]+/)
      .filter((token) => /^[^@\s<>]+@[^@\s<>]+$/.test(token))
      .map((token) => `<${token}>`);
  return [...new Set(ids)];
}

/** A subject as a ticket title: without reply and forward prefixes and the ticket number. */
export function cleanSubject(subject: string): string {
  let rest = subject.replace(BRACKETED_NUMBER, ' ');
  for (let match = REPLY_PREFIX.exec(rest); match; match = REPLY_PREFIX.exec(rest)) {
    rest = rest.slice(match[0].length);
  }
  return rest.replace(/\s+/g, ' ').trim();
}

const QUOTE_LINE = /^\s*>/;
const ORIGINAL_MESSAGE = /^\s*-{2,}\s*(?:original message|исходное сообщение)\s*-{2,}\s*$/i;
const ON_WROTE = /^\s*on\s.*\swrote:\s*$/i;
const ON = /^\s*on\s/i;
const ADDRESS_WROTE = /@.*\swrote:\s*$/i;
const WROTE_RU = /\s(?:написал|написала|написал\(а\)|написало)\s*:\s*$/i;
const WRITES_RU = /\d.*\sпишет\s*:\s*$/i;
const DATED_ADDRESS = /\d.*<\s*[^<>\s]+@[^<>\s]+\s*>\s*:\s*$/;
/** How a wrapped attribution line starts: a date or a weekday ("вт,", "Tue,"). */
const DATE_LED = /^\s*(?:\d|[a-zа-яё]{2,3}\.?,)/i;
const HEADER_FROM = /^\s*\*?(?:from|от)\s*:\s*\*?\s*\S/i;
const HEADER_OTHER = /^\s*\*?(?:sent|date|to|cc|subject|отправлено|дата|кому|копия|тема)\s*:/i;
const SEPARATOR = /^\s*(?:[_\-=*]{5,})?\s*$/;

/**
 * The new part of a reply: the text above the quoted message, cut at the first quoted line
 * ("> …"), attribution ("On … wrote:", "… написал(а):", "10.03.2026, … <a@b>:"), "Original
 * Message" line or Outlook header block (From:/От: followed by Sent:, To:, Subject: …).
 * If nothing would be left, the whole text, since an empty comment helps no one.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const cut = lines.findIndex((_, index) => startsQuotedPart(lines, index));
  const kept = cut < 0 ? lines : lines.slice(0, cut);
  while (kept.length > 0 && SEPARATOR.test(kept[kept.length - 1] ?? '')) kept.pop();
  const reply = kept.join('\n').trimEnd();
  return reply.trim().length > 0 ? reply : text.trim();
}

function startsQuotedPart(lines: readonly string[], index: number): boolean {
  const line = lines[index] ?? '';
  if (QUOTE_LINE.test(line) || ORIGINAL_MESSAGE.test(line) || isAttribution(line)) return true;
  if (HEADER_FROM.test(line)) {
    return lines.slice(index + 1, index + 6).some((following) => HEADER_OTHER.test(following));
  }
  // Clients wrap a long attribution over two or three lines. Only a line that starts like one
  // (On and a date, or a date or weekday first) and does not end a sentence is joined on.
  if (/[.!?]\s*$/.test(line)) return false;
  const dated = DATE_LED.test(line);
  if (!dated && !(ON.test(line) && /\d/.test(line))) return false;
  for (let span = 2; span <= 3; span += 1) {
    const part = lines.slice(index, index + span);
    if (part.length < span || part.some((each) => each.trim().length === 0)) return false;
    const joined = part.join(' ');
    if (
      dated
        ? DATED_ADDRESS.test(joined) || WROTE_RU.test(joined) || WRITES_RU.test(joined)
        : ON_WROTE.test(joined)
    ) {
      return true;
    }
  }
  return false;
}

function isAttribution(line: string): boolean {
  return (
    ON_WROTE.test(line) ||
    ADDRESS_WROTE.test(line) ||
    WROTE_RU.test(line) ||
    WRITES_RU.test(line) ||
    DATED_ADDRESS.test(line)
  );
}

function signatureOf(ticketId: string, secret: string): string {
  return createHmac('sha256', secret).update(ticketId).digest('hex').slice(0, SIGNATURE_HEX_LENGTH);
}

function splitAddress(mailbox: string): { local: string; domain: string } {
  const spec = addressSpecOf(mailbox);
  const at = spec.lastIndexOf('@');
  if (at <= 0 || at === spec.length - 1) {
    throw new NotificationError(
      NotificationErrorCode.ValidationFailed,
      `"${mailbox}" is not an email address`,
      [{ field: 'mailbox', message: `"${mailbox}" is not an email address` }],
    );
  }
  return { local: spec.slice(0, at), domain: spec.slice(at + 1) };
}

/** The address inside angle brackets when there are any ("Name" <a@b>), else the whole. */
function addressSpecOf(address: string): string {
  const angle = /<([^<>]*)>/.exec(address);
  return (angle?.[1] ?? address).trim();
}
