import { createHash } from 'node:crypto';
import { TicketAttachmentAdded } from '@itsm/contracts';
import { type Attachment, checkUpload } from '../../domain/ticket-attachment';
import { actorIdOf, requirePermission, type TicketCaller } from '../../domain/ticket-caller';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type { AttachmentContentStore } from '../ports/attachment-content-store';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import { lockTicket } from '../lock-ticket';
import type { TicketStore } from '../ports/ticket-store';
import { toAttachmentMessage, toTicketMessage } from '../ticket-message.mapper';

export interface AddAttachmentCommand {
  caller: TicketCaller;
  ticketId: string;
  fileName: string;
  contentType: string;
  content: Buffer;
  uploadedBy: string;
}

export interface AttachmentAdded {
  attachment: Attachment;
  /** False when the uploader had attached this very file before (a retry). */
  created: boolean;
}

const FINISHED = ['closed', 'cancelled'];

/**
 * Files attached to tickets. The content goes to its store first; the metadata, the history
 * entry and the `ticket.attachment_added` event then commit together, and the content is
 * removed again if they do not. A file is part of the public conversation: whoever may reply
 * on a ticket they see (`tickets.comment`) may attach one, and read those of tickets they see.
 */
export class AttachmentsUseCase {
  constructor(
    private readonly tickets: TicketStore,
    private readonly contents: AttachmentContentStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async add(asked: AddAttachmentCommand): Promise<AttachmentAdded> {
    const { caller } = asked;
    const command = { ...asked, uploadedBy: actorIdOf(caller, asked.uploadedBy) };
    const fileName = checkUpload({
      fileName: command.fileName,
      contentType: command.contentType,
      sizeBytes: command.content.length,
      uploadedBy: command.uploadedBy,
    });
    const sha256 = createHash('sha256').update(command.content).digest('hex');
    const attachment: Attachment = {
      id: this.ids.newId(),
      ticketId: command.ticketId,
      fileName,
      contentType: command.contentType.split(';')[0]?.trim().toLowerCase() ?? '',
      sizeBytes: command.content.length,
      sha256,
      uploadedBy: command.uploadedBy.trim(),
      uploadedAt: this.clock.now(),
    };
    await this.contents.put(attachment.id, command.content);
    try {
      return await this.tickets
        .transaction(async (transaction) => {
          const ticket = await lockTicket(transaction, command.ticketId, caller.access);
          requirePermission(caller, 'tickets.comment', 'attach files to tickets');
          const earlier = await transaction.findSameAttachment(
            ticket.id,
            attachment.uploadedBy,
            sha256,
            fileName,
          );
          if (earlier) return { attachment: earlier, created: false };
          if (FINISHED.includes(ticket.status)) {
            throw new TicketError(
              TicketErrorCode.InvalidTransition,
              `${ticket.number} is ${ticket.status}; files are attached to open tickets`,
              [],
              { currentStatus: ticket.status },
            );
          }
          await transaction.insertAttachment(attachment);
          await transaction.recordHistory({
            ticketId: ticket.id,
            occurredAt: attachment.uploadedAt,
            actorId: attachment.uploadedBy,
            action: 'attach',
            changes: { attachment: { from: null, to: fileName } },
          });
          await transaction.emit(TicketAttachmentAdded, {
            key: ticket.id,
            subject: ticket.number,
            payload: {
              ticket: toTicketMessage(ticket),
              attachment: toAttachmentMessage(attachment),
            },
            occurredAt: attachment.uploadedAt,
          });
          return { attachment, created: true };
        })
        .then(async (result) => {
          if (!result.created) await this.contents.delete(attachment.id);
          return result;
        });
    } catch (error) {
      await this.contents.delete(attachment.id);
      throw error;
    }
  }

  async list(ticketId: string, caller: TicketCaller): Promise<Attachment[]> {
    if (!(await this.tickets.findById(ticketId, caller.access))) {
      throw new TicketError(TicketErrorCode.NotFound, `ticket ${ticketId} does not exist`);
    }
    return this.tickets.attachments(ticketId, caller.access);
  }

  async get(
    ticketId: string,
    attachmentId: string,
    caller: TicketCaller,
  ): Promise<{ attachment: Attachment; content: Buffer }> {
    const attachment = await this.tickets.findAttachment(ticketId, attachmentId, caller.access);
    const content = attachment ? await this.contents.get(attachment.id) : undefined;
    if (!attachment || !content) {
      throw new TicketError(
        TicketErrorCode.NotFound,
        `attachment ${attachmentId} of ticket ${ticketId} does not exist`,
      );
    }
    return { attachment, content };
  }
}
