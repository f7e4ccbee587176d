import type { DataSource } from 'typeorm';
import type { AttachmentContentStore } from '../application/ports/attachment-content-store';

/** Attachment contents as bytea rows, until object storage takes them. */
export class PostgresAttachmentContentStore implements AttachmentContentStore {
  constructor(private readonly dataSource: DataSource) {}

  async put(attachmentId: string, content: Buffer): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO attachment_contents (attachment_id, content) VALUES ($1, $2)
       ON CONFLICT (attachment_id) DO NOTHING`,
      [attachmentId, content],
    );
  }

  async get(attachmentId: string): Promise<Buffer | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT content FROM attachment_contents WHERE attachment_id = $1`,
      [attachmentId],
    )) as { content: Buffer }[];
    return row?.content;
  }

  async delete(attachmentId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM attachment_contents WHERE attachment_id = $1`, [
      attachmentId,
    ]);
  }
}
