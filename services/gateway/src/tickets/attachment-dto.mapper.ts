import { type AddAttachmentRequest, type Attachment, fromTimestamp } from '@itsm/contracts';
import { ValidationException } from '../problem/validation.exception';
import { ATTACHMENT_FILE_FIELD, type AttachmentDto } from './dto/attachment.dto';

/** What the gateway reads of an uploaded part (multer keeps it in memory). */
export type UploadedAttachment = Pick<Express.Multer.File, 'originalname' | 'mimetype' | 'buffer'>;

/** The upload as the service takes it; the service checks the name, type and size. */
export function toAddAttachmentRequest(
  ticketId: string,
  uploadedBy: string,
  file: UploadedAttachment | undefined,
): AddAttachmentRequest {
  if (!file) {
    throw new ValidationException([
      {
        field: ATTACHMENT_FILE_FIELD,
        message: `${ATTACHMENT_FILE_FIELD} must be a multipart part holding the file`,
      },
    ]);
  }
  return {
    ticketId,
    fileName: file.originalname,
    contentType: file.mimetype,
    content: file.buffer,
    uploadedBy,
  };
}

export function toAttachmentDto(attachment: Attachment): AttachmentDto {
  if (!attachment.uploadedAt) throw new Error(`attachment ${attachment.id} lacks its time`);
  return {
    id: attachment.id,
    ticketId: attachment.ticketId,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    sizeBytes: attachment.sizeBytes,
    sha256: attachment.sha256,
    uploadedBy: attachment.uploadedBy,
    uploadedAt: fromTimestamp(attachment.uploadedAt).toISOString(),
  };
}
