import { type Attachment, toTimestamp } from '@itsm/contracts';
import { ValidationException } from '../problem/validation.exception';
import { toAddAttachmentRequest, toAttachmentDto } from './attachment-dto.mapper';

const ticketId = '0193a7a0-0000-7000-8000-000000000001';
const content = Buffer.from('%PDF-1.7 …');

const attachment: Attachment = {
  id: '0193a7a0-0000-7000-8000-0000000000a1',
  ticketId,
  fileName: 'Отчёт об инциденте.pdf',
  contentType: 'application/pdf',
  sizeBytes: content.length,
  sha256: 'a'.repeat(64),
  uploadedBy: 'agent-17',
  uploadedAt: toTimestamp(new Date('2026-11-27T08:30:00.250Z')),
};

describe('toAddAttachmentRequest', () => {
  it('sends the part as it came: its name, its type and its bytes, with the uploader', () => {
    const request = toAddAttachmentRequest(ticketId, 'agent-17', {
      originalname: 'Отчёт об инциденте.pdf',
      mimetype: 'application/pdf',
      buffer: content,
    });
    expect(request).toEqual({
      ticketId,
      fileName: 'Отчёт об инциденте.pdf',
      contentType: 'application/pdf',
      content,
      uploadedBy: 'agent-17',
    });
    // The bytes are not copied: up to 10 MiB per request.
    expect(request.content).toBe(content);
  });

  it('refuses a request without a file part, naming the field', () => {
    const refusal = (() => {
      try {
        toAddAttachmentRequest(ticketId, 'agent-17', undefined);
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(ValidationException);
    expect(refusal).toMatchObject({
      errors: [{ field: 'file', message: 'file must be a multipart part holding the file' }],
    });
  });
});

describe('toAttachmentDto', () => {
  it('answers the metadata with the upload time as ISO 8601', () => {
    expect(toAttachmentDto(attachment)).toEqual({
      id: attachment.id,
      ticketId,
      fileName: 'Отчёт об инциденте.pdf',
      contentType: 'application/pdf',
      sizeBytes: content.length,
      sha256: 'a'.repeat(64),
      uploadedBy: 'agent-17',
      uploadedAt: '2026-11-27T08:30:00.250Z',
    });
  });

  it('fails loudly when the service leaves out the upload time', () => {
    expect(() => toAttachmentDto({ ...attachment, uploadedAt: undefined })).toThrow(
      `attachment ${attachment.id} lacks its time`,
    );
  });
});
