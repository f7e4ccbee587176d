/** Our own outgoing mail carries this header, so a message that comes back is recognised. */
export const LOOP_HEADER = 'X-ITSM-Loop';

export interface InboundEmail {
  messageId: string | null;
  /** The sender's address, lower-cased. */
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** Lower-cased header names; folded values joined. */
  headers: ReadonlyMap<string, string>;
  inReplyTo: string[];
  /** Oldest first, as the header lists them. */
  references: string[];
}

export type InboundVerdict =
  { kind: 'drop'; reason: 'auto_reply' | 'loop' | 'bounce' | 'own_address' } | { kind: 'accept' };

export type ThreadMatch =
  | { kind: 'reply'; ticketId: string; via: 'message_id' | 'reply_token' | 'subject_number' }
  | { kind: 'new' };

export interface ThreadMatchInput {
  email: InboundEmail;
  /** Message-IDs of mail we sent, with their ticket. */
  knownMessageIds: ReadonlyMap<string, string>;
  /** The ticket of the reply token in the recipient address, once its signature was verified. */
  tokenTicketId: string | null;
  /** The ticket the subject names, with its requester, watchers and assignee. */
  subjectTicket: { ticketId: string; participantIds: string[] } | null;
  senderUserId: string | null;
}

const AUTO_HEADERS = ['x-autoreply', 'x-autorespond', 'x-autoreply-from'];
const AUTO_PRECEDENCE = new Set(['bulk', 'junk', 'list', 'auto_reply']);
const BOUNCE_SENDERS = new Set(['mailer-daemon', 'postmaster']);
/** Subjects only auto-responders write; enough on their own. */
const AUTO_SUBJECT =
  /^\s*(?:automatic reply\s*:|auto\s*:|out of (?:the )?office|автоматический ответ|автоответ\s*:)/i;
/** Subjects people write too; enough only with Exchange's suppression header. */
const VACATION_SUBJECT =
  /out of (?:the )?office|\booo\b|autoreply|auto-reply|автоответ|отпуск|вне офиса/i;

/**
 * Whether a received email may become a ticket or a comment. Mail from machines is dropped:
 * our own mail coming back, bounces, and auto-replies, each of which would otherwise answer
 * our notification about it, and so on without end.
 */
export function screenInboundEmail(email: InboundEmail, ownAddresses: string[]): InboundVerdict {
  const header = (name: string) => email.headers.get(name);
  if (header(LOOP_HEADER.toLowerCase()) !== undefined) return drop('loop');
  const from = normalizedAddress(email.from);
  if (ownAddresses.some((own) => normalizedAddress(own) === from)) return drop('own_address');
  if (isBounce(from, header('content-type'))) return drop('bounce');
  if (isAutoReply(email)) return drop('auto_reply');
  return { kind: 'accept' };
}

/**
 * The ticket a received email answers, or new. Message-IDs are tried first, the newest first
 * (In-Reply-To, then References from the end), since they cannot be guessed; then the signed
 * reply token; the subject's ticket number last, and only from a participant of that ticket,
 * because anyone can type a number into a subject.
 */
export function matchThread(input: ThreadMatchInput): ThreadMatch {
  const { email, knownMessageIds, tokenTicketId, subjectTicket, senderUserId } = input;
  for (const id of [...email.inReplyTo, ...[...email.references].reverse()]) {
    const ticketId = knownMessageIds.get(id);
    if (ticketId) return { kind: 'reply', ticketId, via: 'message_id' };
  }
  if (tokenTicketId) return { kind: 'reply', ticketId: tokenTicketId, via: 'reply_token' };
  if (subjectTicket && senderUserId && subjectTicket.participantIds.includes(senderUserId)) {
    return { kind: 'reply', ticketId: subjectTicket.ticketId, via: 'subject_number' };
  }
  return { kind: 'new' };
}

function isBounce(from: string, contentType: string | undefined): boolean {
  if (BOUNCE_SENDERS.has(from.split('@')[0] ?? '')) return true;
  const { type, parameters } = parseContentType(contentType);
  return type === 'multipart/report' && parameters.get('report-type') === 'delivery-status';
}

function isAutoReply(email: InboundEmail): boolean {
  const header = (name: string) => email.headers.get(name);
  const autoSubmitted = firstToken(header('auto-submitted'));
  // RFC 3834: "no" is the one value that means a person sent it.
  if (autoSubmitted !== undefined && autoSubmitted !== 'no') return true;
  if (AUTO_HEADERS.some((name) => header(name) !== undefined)) return true;
  const precedence = firstToken(header('precedence'));
  if (precedence !== undefined && AUTO_PRECEDENCE.has(precedence)) return true;
  if (AUTO_SUBJECT.test(email.subject)) return true;
  // Read receipts are machine mail too, though not about delivery.
  const { type, parameters } = parseContentType(header('content-type'));
  if (type === 'multipart/report' && parameters.get('report-type') === 'disposition-notification') {
    return true;
  }
  // Exchange puts X-Auto-Response-Suppress on ordinary mail as well, so alone it proves
  // nothing; with a vacation-like subject it marks an out-of-office reply.
  const suppress = (header('x-auto-response-suppress') ?? '')
    .split(/[\s,]+/)
    .map((token) => token.toLowerCase());
  return (
    (suppress.includes('all') || suppress.includes('oof')) && VACATION_SUBJECT.test(email.subject)
  );
}

/** Lower-cased, the plus tag dropped: support+abc@itsm.local is support@itsm.local. */
function normalizedAddress(address: string): string {
  const spec = (/<([^<>]*)>/.exec(address)?.[1] ?? address).trim().toLowerCase();
  const at = spec.lastIndexOf('@');
  if (at < 0) return spec;
  const local = spec.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus < 0 ? local : local.slice(0, plus)}${spec.slice(at)}`;
}

/** The value before any parameters, lower-cased: "auto-replied; owner=x" → "auto-replied". */
function firstToken(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

function parseContentType(value: string | undefined): {
  type: string;
  parameters: Map<string, string>;
} {
  const [type = '', ...rest] = (value ?? '').split(';');
  const parameters = new Map<string, string>();
  for (const parameter of rest) {
    const equals = parameter.indexOf('=');
    if (equals < 0) continue;
    const name = parameter.slice(0, equals).trim().toLowerCase();
    const raw = parameter.slice(equals + 1).trim();
    parameters.set(name, raw.replace(/^"(.*)"$/, '$1').toLowerCase());
  }
  return { type: type.trim().toLowerCase(), parameters };
}

function drop(reason: 'auto_reply' | 'loop' | 'bounce' | 'own_address'): InboundVerdict {
  return { kind: 'drop', reason };
}
