import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type {
  InboundEmailRecord,
  InboundMailStore,
  Sender,
  TicketParticipants,
} from '../application/ports/inbound-mail-store';
import { isLocale } from '../domain/locale';

interface ThreadRow {
  message_id: string;
  ticket_id: string;
}

interface TicketRow {
  ticket_id: string;
  requester_id: string | null;
  assignee_id: string | null;
  watcher_ids: string[];
}

interface SenderRow {
  user_id: string;
  organization_id: string | null;
  active: boolean;
  language: string;
}

/** The intake log (inbound_emails) and the projections email intake reads. */
export class SqlInboundMailStore implements InboundMailStore {
  constructor(private readonly dataSource: DataSource) {}

  async alreadyReceived(messageId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM inbound_emails WHERE message_id = $1`,
      [messageId],
    );
    return rows.length > 0;
  }

  async ticketsOfMessageIds(messageIds: readonly string[]): Promise<Map<string, string>> {
    if (messageIds.length === 0) return new Map();
    // Mail received for a ticket counts too: a reply to one's own (or a colleague's) message is
    // a follow-up, not a new ticket. Mail we sent comes last, so its ticket wins in the map.
    const rows: ThreadRow[] = await this.dataSource.query(
      `SELECT message_id, ticket_id::text AS ticket_id, 1 AS precedence
         FROM email_threads WHERE message_id = ANY($1::text[])
       UNION ALL
       SELECT message_id, ticket_id::text, 0
         FROM inbound_emails WHERE message_id = ANY($1::text[]) AND ticket_id IS NOT NULL
       ORDER BY precedence`,
      [messageIds],
    );
    return new Map(rows.map((row) => [row.message_id, row.ticket_id]));
  }

  async ticketByNumber(number: string): Promise<TicketParticipants | null> {
    const [row]: TicketRow[] = await this.dataSource.query(
      `SELECT ticket_id::text AS ticket_id, requester_id, assignee_id, watcher_ids
         FROM ticket_projections WHERE upper(number) = upper($1)`,
      [number],
    );
    if (!row) return null;
    return {
      ticketId: row.ticket_id,
      requesterId: row.requester_id,
      assigneeId: row.assignee_id,
      watcherIds: row.watcher_ids,
    };
  }

  async recipientByEmail(address: string): Promise<Sender | null> {
    // Two directory entries can share an address (a person who left and came back): the
    // active, most recently changed one speaks for it.
    const [row]: SenderRow[] = await this.dataSource.query(
      `SELECT user_id, organization_id, active, language
         FROM recipients WHERE lower(email) = lower($1)
        ORDER BY active DESC, updated_at DESC
        LIMIT 1`,
      [address.trim()],
    );
    if (!row) return null;
    return {
      userId: row.user_id,
      organizationId: row.organization_id,
      active: row.active,
      language: isLocale(row.language) ? row.language : 'ru',
    };
  }

  async recentFromSender(address: string, since: Date): Promise<number> {
    const [row]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM inbound_emails
        WHERE from_address = $1 AND received_at >= $2`,
      [address, since],
    );
    return row?.count ?? 0;
  }

  async record(email: InboundEmailRecord): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO inbound_emails
         (id, message_id, from_address, subject, received_at, outcome, reason, ticket_id,
          matched_by, attachments)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (message_id) DO NOTHING
       RETURNING id`,
      [
        uuidv7(),
        email.messageId,
        email.fromAddress,
        email.subject,
        email.receivedAt,
        email.outcome,
        email.reason,
        email.ticketId,
        email.matchedBy,
        email.attachments,
      ],
    );
    return rows.length > 0;
  }
}
