import { Metadata, status } from '@grpc/grpc-js';
import { firstValueFrom, type Observable, timeout, TimeoutError } from 'rxjs';
import { encodePrincipal, PRINCIPAL_METADATA_KEY, systemPrincipal } from '@itsm/auth';
import {
  Channel,
  ChangeKind,
  CommentVisibility,
  Impact,
  TicketType,
  type TicketsServiceClient,
  Urgency,
} from '@itsm/contracts';
import { assertUnreachable } from '@itsm/lang';
import {
  AttachmentRefusedError,
  CommentRefusedError,
  type CreatedTicket,
  type InboundTicketType,
  type NewAttachment,
  type NewTicket,
  type PublicComment,
  type TicketDesk,
  TicketDeskUnavailableError,
} from '../application/ports/ticket-desk';

export interface GrpcTicketDeskOptions {
  /** A call that takes longer counts as the tickets service being unavailable. */
  callTimeoutMs: number;
}

/** Leaves room for a 10 MiB attachment on a busy cluster network. */
export const DEFAULT_TICKET_DESK_TIMEOUT_MS = 15_000;

const TRANSIENT_CODES: ReadonlySet<number> = new Set([
  status.UNAVAILABLE,
  status.DEADLINE_EXCEEDED,
]);

/**
 * The tickets service over gRPC, acting as the notifications service itself: the tickets are
 * the sender's (requester, author, uploader), the caller is the platform.
 */
export class GrpcTicketDesk implements TicketDesk {
  constructor(
    private readonly tickets: Pick<
      TicketsServiceClient,
      'createTicket' | 'addComment' | 'addAttachment'
    >,
    private readonly options: GrpcTicketDeskOptions = {
      callTimeoutMs: DEFAULT_TICKET_DESK_TIMEOUT_MS,
    },
  ) {}

  async createTicket(ticket: NewTicket): Promise<CreatedTicket> {
    const response = await this.call('CreateTicket', (metadata) =>
      this.tickets.createTicket(
        {
          idempotencyKey: ticket.idempotencyKey,
          type: ticketTypeOf(ticket.type),
          title: ticket.title,
          description: ticket.description,
          // The tickets service's defaults: a mail says nothing reliable about impact or urgency.
          impact: Impact.IMPACT_UNSPECIFIED,
          urgency: Urgency.URGENCY_UNSPECIFIED,
          channel: Channel.CHANNEL_EMAIL,
          requesterId: ticket.requesterId,
          organizationId: ticket.organizationId ?? '',
          changeKind: ChangeKind.CHANGE_KIND_UNSPECIFIED,
          configurationItemIds: [],
          plannedStart: undefined,
          plannedEnd: undefined,
          tags: [],
          serviceId: '',
          categoryId: '',
          customFieldsJson: '',
          reportedAt: undefined,
        },
        metadata,
      ),
    );
    if (!response.ticket) throw new Error('CreateTicket answered without a ticket');
    return { ticketId: response.ticket.id, number: response.ticket.number };
  }

  async addPublicComment(comment: PublicComment): Promise<void> {
    try {
      await this.call('AddComment', (metadata) =>
        this.tickets.addComment(
          {
            ticketId: comment.ticketId,
            authorId: comment.authorId,
            visibility: CommentVisibility.COMMENT_VISIBILITY_PUBLIC,
            body: comment.body,
            idempotencyKey: comment.idempotencyKey,
          },
          metadata,
        ),
      );
    } catch (error) {
      const code = grpcCodeOf(error);
      if (code === status.FAILED_PRECONDITION) {
        throw new CommentRefusedError('ticket_closed', detailsOf(error), { cause: error });
      }
      if (code === status.NOT_FOUND) {
        throw new CommentRefusedError('ticket_not_found', detailsOf(error), { cause: error });
      }
      throw error;
    }
  }

  async addAttachment(attachment: NewAttachment): Promise<void> {
    try {
      await this.call('AddAttachment', (metadata) =>
        this.tickets.addAttachment(
          {
            ticketId: attachment.ticketId,
            fileName: attachment.fileName,
            contentType: attachment.contentType,
            content: attachment.content,
            uploadedBy: attachment.uploadedBy,
          },
          metadata,
        ),
      );
    } catch (error) {
      if (grpcCodeOf(error) === status.INVALID_ARGUMENT) {
        throw new AttachmentRefusedError(detailsOf(error), { cause: error });
      }
      throw error;
    }
  }

  private async call<T>(rpc: string, send: (metadata: Metadata) => Observable<T>): Promise<T> {
    const metadata = new Metadata();
    metadata.set(PRINCIPAL_METADATA_KEY, encodePrincipal(systemPrincipal('notifications')));
    try {
      return await firstValueFrom(send(metadata).pipe(timeout(this.options.callTimeoutMs)));
    } catch (error) {
      if (error instanceof TimeoutError) {
        throw new TicketDeskUnavailableError(
          `${rpc}: the tickets service did not answer within ${this.options.callTimeoutMs} ms`,
          { cause: error },
        );
      }
      const code = grpcCodeOf(error);
      if (code !== undefined && TRANSIENT_CODES.has(code)) {
        throw new TicketDeskUnavailableError(`${rpc}: ${detailsOf(error)}`, { cause: error });
      }
      throw error;
    }
  }
}

function ticketTypeOf(type: InboundTicketType): TicketType {
  switch (type) {
    case 'incident':
      return TicketType.TICKET_TYPE_INCIDENT;
    case 'service_request':
      return TicketType.TICKET_TYPE_SERVICE_REQUEST;
    default:
      return assertUnreachable(type, 'ticket type');
  }
}

function grpcCodeOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

function detailsOf(error: unknown): string {
  const { details, message } = (error ?? {}) as { details?: unknown; message?: unknown };
  if (typeof details === 'string' && details) return details;
  return typeof message === 'string' ? message : String(error);
}
