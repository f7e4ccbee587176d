import type { Attachment } from '@itsm/contracts';

/** RFC 5987 attr-char: what stays as it is in `filename*`; everything else is percent-encoded. */
const ATTR_CHAR = /^[A-Za-z0-9!#$&+\-.^_`|~]$/;

/**
 * A `Content-Disposition` that makes browsers save the file under its own name (RFC 6266):
 * `filename` is a plain-ASCII stand-in for old clients, `filename*` the exact UTF-8 name.
 */
export function attachmentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
}

/**
 * The name in printable ASCII: accents dropped (é → e), and every other character that is
 * not printable ASCII, and the quote and backslash that would end or escape the
 * quoted-string, replaced by `_`. Header injection (CR, LF) cannot pass either.
 */
function asciiFallback(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]|["\\]/gu, '_');
  return ascii.trim() === '' ? 'attachment' : ascii;
}

/**
 * Percent-encodes the UTF-8 bytes of the name. Not encodeURIComponent: it keeps `'()*`,
 * which are not attr-chars, and throws on a lone surrogate.
 */
function encodeExtValue(fileName: string): string {
  let encoded = '';
  for (const byte of Buffer.from(fileName, 'utf8')) {
    const char = String.fromCharCode(byte);
    encoded += ATTR_CHAR.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

/**
 * The headers of a download. The file was uploaded by someone else: it is saved, never shown
 * in the API's origin (attachment, nosniff, a sandbox without any source), and not kept by
 * shared caches. Its SHA-256 names the content, so it is the ETag.
 */
export function downloadHeaders(
  attachment: Pick<Attachment, 'fileName' | 'contentType' | 'sha256'>,
  contentLength: number,
): Record<string, string> {
  return {
    'Content-Type': attachment.contentType || 'application/octet-stream',
    'Content-Length': String(contentLength),
    'Content-Disposition': attachmentDisposition(attachment.fileName),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, max-age=0',
    ETag: `"${attachment.sha256}"`,
  };
}
