/** Set by the tickets service, which refuses longer values (services/tickets domain limits). */
export const TICKET_TITLE_MAX_LENGTH = 200;
export const TICKET_DESCRIPTION_MAX_LENGTH = 20_000;
export const COMMENT_MAX_LENGTH = 20_000;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Longer idempotency keys are refused as invalid. */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;

export type InboundTicketType = 'incident' | 'service_request';

export interface NewTicket {
  /** A retry with the same key (and requester) returns the ticket created first. */
  idempotencyKey: string;
  type: InboundTicketType;
  title: string;
  description: string;
  requesterId: string;
  /** The requester's customer organisation; null for internal employees. */
  organizationId: string | null;
}

export interface CreatedTicket {
  ticketId: string;
  number: string;
}

export interface PublicComment {
  ticketId: string;
  authorId: string;
  body: string;
  /** A retry with the same key adds nothing. */
  idempotencyKey: string;
}

export interface NewAttachment {
  ticketId: string;
  fileName: string;
  contentType: string;
  content: Buffer;
  uploadedBy: string;
}

/**
 * The tickets service as email intake uses it. Every call is idempotent (by key, or for
 * attachments by uploader and content), so a message that is processed again after a failure
 * changes nothing twice.
 */
export interface TicketDesk {
  createTicket(ticket: NewTicket): Promise<CreatedTicket>;
  /** Throws CommentRefusedError when the ticket cannot take the comment any more. */
  addPublicComment(comment: PublicComment): Promise<void>;
  /** Throws AttachmentRefusedError when the tickets service does not accept the file. */
  addAttachment(attachment: NewAttachment): Promise<void>;
}

/** The tickets service did not answer in time or at all: try the whole message again later. */
export class TicketDeskUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TicketDeskUnavailableError';
  }
}

/**
 * The ticket a reply belongs to takes no more comments: it is closed or cancelled, or no longer
 * exists. A new request is a new ticket then.
 */
export class CommentRefusedError extends Error {
  constructor(
    readonly reason: 'ticket_closed' | 'ticket_not_found',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CommentRefusedError';
  }
}

/** The tickets service refuses this file (its type, its name); other files are unaffected. */
export class AttachmentRefusedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AttachmentRefusedError';
  }
}
