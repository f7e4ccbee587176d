import type { Attachment } from '../domain/ticket-attachment';

export interface AttachmentRow {
  id: string;
  ticket_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: Date;
}

export const ATTACHMENT_COLUMNS =
  'id, ticket_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at';

export function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
  };
}
