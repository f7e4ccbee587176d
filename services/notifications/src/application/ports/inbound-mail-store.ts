import type { Locale } from '../../domain/locale';

export type InboundOutcome = 'ticket_created' | 'comment_added' | 'dropped' | 'rejected';
export type ThreadMatchedBy = 'message_id' | 'reply_token' | 'subject_number';

/** One received message and what became of it: the intake log, and the duplicate check. */
export interface InboundEmailRecord {
  messageId: string;
  fromAddress: string;
  subject: string;
  receivedAt: Date;
  outcome: InboundOutcome;
  reason: string | null;
  ticketId: string | null;
  matchedBy: ThreadMatchedBy | null;
  /** Attachments that reached the ticket. */
  attachments: number;
}

/** A ticket as its events last described it: who takes part in it. */
export interface TicketParticipants {
  ticketId: string;
  requesterId: string | null;
  assigneeId: string | null;
  watcherIds: string[];
}

/** A person of the identity directory, found by their email address. */
export interface Sender {
  userId: string;
  organizationId: string | null;
  active: boolean;
  language: Locale;
}

export interface InboundMailStore {
  alreadyReceived(messageId: string): Promise<boolean>;
  /**
   * The tickets of the given Message-IDs: those of mail we sent about a ticket, and those of
   * mail received for one, so a reply to one's own (or a colleague's) message is a follow-up.
   */
  ticketsOfMessageIds(messageIds: readonly string[]): Promise<Map<string, string>>;
  /** By ticket number, case-insensitive. */
  ticketByNumber(number: string): Promise<TicketParticipants | null>;
  /** By address, case-insensitive. */
  recipientByEmail(address: string): Promise<Sender | null>;
  /** Messages recorded from this address at or after `since`. */
  recentFromSender(address: string, since: Date): Promise<number>;
  /** False when a message with this Message-ID was recorded already. */
  record(email: InboundEmailRecord): Promise<boolean>;
}
