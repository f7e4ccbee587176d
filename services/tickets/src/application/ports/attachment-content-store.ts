/**
 * Where attachment contents live, apart from their metadata: PostgreSQL today, object storage
 * later. A content is written before its metadata commits and removed if that fails.
 */
export interface AttachmentContentStore {
  put(attachmentId: string, content: Buffer): Promise<void>;
  get(attachmentId: string): Promise<Buffer | undefined>;
  delete(attachmentId: string): Promise<void>;
}

export const ATTACHMENT_CONTENT_STORE = Symbol('AttachmentContentStore');
