/**
 * What the gateway takes as a ticket attachment (POST /api/v1/tickets/{id}/attachments): one
 * multipart part named `file`, at most 10 MiB, of an everyday type. The gateway refuses a larger
 * file with 413 only after the browser has sent it, so the page refuses it before uploading;
 * the type is left to the API, whose problem names what is accepted.
 */
export const ATTACHMENT_FILE_FIELD = 'file';
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** The parts of a browser `File` these rules read. */
export interface FileFacts {
  name: string;
  size: number;
  lastModified: number;
}

export type AttachmentRefusal = 'too-large' | 'empty' | 'duplicate';

export interface RefusedFile {
  name: string;
  size: number;
  reason: AttachmentRefusal;
}

/** Why a file cannot be sent, before sending it; null when it may go. */
export function refusalOf(file: Pick<FileFacts, 'size'>): AttachmentRefusal | null {
  if (file.size > ATTACHMENT_MAX_BYTES) return 'too-large';
  if (file.size === 0) return 'empty';
  return null;
}

const sameFile = (a: FileFacts, b: FileFacts) =>
  a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

/**
 * Adds the files a person picked or dropped to those already chosen: too large, empty and
 * already chosen ones are refused, each with its reason, so the page can say why.
 */
export function chooseFiles<F extends FileFacts>(
  chosen: readonly F[],
  picked: readonly F[],
): { chosen: F[]; refused: RefusedFile[] } {
  const next = [...chosen];
  const refused: RefusedFile[] = [];
  for (const file of picked) {
    const reason =
      refusalOf(file) ?? (next.some((other) => sameFile(other, file)) ? 'duplicate' : null);
    if (reason) refused.push({ name: file.name, size: file.size, reason });
    else next.push(file);
  }
  return { chosen: next, refused };
}

export type UploadState = 'waiting' | 'uploading' | 'attached' | 'failed';

/** How a batch of uploads ended: every file attached, some refused, or none sent yet. */
export function uploadOutcome(
  states: readonly UploadState[],
): 'none' | 'in-progress' | 'attached' | 'partly-failed' {
  if (states.length === 0) return 'none';
  if (states.some((state) => state === 'waiting' || state === 'uploading')) return 'in-progress';
  return states.every((state) => state === 'attached') ? 'attached' : 'partly-failed';
}
