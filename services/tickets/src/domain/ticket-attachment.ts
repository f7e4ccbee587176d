import { type FieldViolation, TicketError, TicketErrorCode } from './ticket-error';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const FILE_NAME_MAX_LENGTH = 255;

/**
 * What a service desk receives every day: screenshots, documents, logs, mail. Anything that
 * runs by itself on a workstation (executables, scripts, installers) is refused.
 */
export const ALLOWED_CONTENT_TYPES: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/json',
  'application/xml',
  'text/xml',
  'message/rfc822',
  'application/zip',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
];

const RUNNABLE_EXTENSIONS = [
  'exe',
  'msi',
  'bat',
  'cmd',
  'com',
  'scr',
  'ps1',
  'vbs',
  'js',
  'jar',
  'sh',
  'app',
  'dll',
  'lnk',
];

export interface Attachment {
  id: string;
  ticketId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** Hex SHA-256 of the content. */
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}

export interface AttachmentUpload {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedBy: string;
}

/**
 * Checks an upload and returns its file name as it will be kept: the last path segment,
 * without control characters. Every problem is reported at once.
 */
export function checkUpload(upload: AttachmentUpload): string {
  const violations: FieldViolation[] = [];
  const lastSegment = upload.fileName.split(/[\\/]/).pop() ?? '';
  const fileName = [...lastSegment]
    .filter((character) => character.charCodeAt(0) > 31 && character.charCodeAt(0) !== 127)
    .join('')
    .trim();
  if (fileName.length === 0 || fileName.length > FILE_NAME_MAX_LENGTH) {
    violations.push({
      field: 'fileName',
      message: `the file name must be 1 to ${FILE_NAME_MAX_LENGTH} characters`,
    });
  }
  const extension = fileName.includes('.') ? fileName.split('.').pop()?.toLowerCase() : undefined;
  if (extension && RUNNABLE_EXTENSIONS.includes(extension)) {
    violations.push({
      field: 'fileName',
      message: `.${extension} files run by themselves and are not accepted`,
    });
  }
  const contentType = upload.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!ALLOWED_CONTENT_TYPES.includes(contentType)) {
    violations.push({
      field: 'contentType',
      message: `${contentType || 'an unknown type'} is not accepted; send images, PDF, text, mail, archives or office documents`,
    });
  }
  if (upload.sizeBytes === 0) violations.push({ field: 'file', message: 'the file is empty' });
  if (upload.sizeBytes > MAX_ATTACHMENT_BYTES) {
    violations.push({
      field: 'file',
      message: `the file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB`,
    });
  }
  if (upload.uploadedBy.trim().length === 0) {
    violations.push({ field: 'uploadedBy', message: 'uploadedBy is required' });
  }
  if (violations.length > 0) {
    throw new TicketError(
      TicketErrorCode.ValidationFailed,
      'the attachment is refused',
      violations,
    );
  }
  return fileName;
}
