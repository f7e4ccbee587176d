import { type DragEvent, useCallback, useId, useRef, useState } from 'react';
import type { Attachment } from '../api/types';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import {
  ATTACHMENT_MAX_BYTES,
  chooseFiles,
  type RefusedFile,
  type UploadState,
} from '../lib/attachments';
import { formatFileSize } from '../lib/format';
import { ApiError } from '../api/client';
import { useErrorMessage } from '../ui/feedback';
import { AlertIcon, CheckIcon, PaperclipIcon, XIcon } from '../ui/icons';

export interface ChosenFile {
  key: number;
  file: File;
  state: UploadState;
  error?: unknown;
}

/**
 * Files a requester chose for a ticket, and their uploads: each goes on its own once the ticket
 * or the reply exists, so one refused file does not hold back the others.
 */
export function useAttachmentUploads() {
  const { call } = useMe();
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [refused, setRefused] = useState<RefusedFile[]>([]);
  const nextKey = useRef(1);

  function add(picked: File[]) {
    const result = chooseFiles(
      files.map((chosen) => chosen.file),
      picked,
    );
    setRefused(result.refused);
    const added = result.chosen.slice(files.length);
    setFiles([
      ...files,
      ...added.map((file) => ({ key: nextKey.current++, file, state: 'waiting' as const })),
    ]);
  }

  const remove = useCallback((key: number) => {
    setFiles((current) => current.filter((chosen) => chosen.key !== key));
  }, []);

  const update = (key: number, change: Partial<ChosenFile>) =>
    setFiles((current) =>
      current.map((chosen) => (chosen.key === key ? { ...chosen, ...change } : chosen)),
    );

  /** Uploads what is not attached yet, one file at a time; the end state of every file. */
  async function uploadTo(
    ticketId: string,
  ): Promise<{ states: UploadState[]; attached: Attachment[] }> {
    setRefused([]);
    const states: UploadState[] = [];
    const attached: Attachment[] = [];
    for (const chosen of files) {
      if (chosen.state === 'attached') {
        states.push('attached');
        continue;
      }
      update(chosen.key, { state: 'uploading', error: undefined });
      try {
        attached.push(await call.uploadAttachment(ticketId, chosen.file));
        update(chosen.key, { state: 'attached' });
        states.push('attached');
      } catch (error) {
        update(chosen.key, { state: 'failed', error });
        states.push('failed');
      }
    }
    return { states, attached };
  }

  const clear = useCallback(() => {
    setFiles([]);
    setRefused([]);
  }, []);

  return { files, refused, add, remove, uploadTo, clear };
}

export type AttachmentUploads = ReturnType<typeof useAttachmentUploads>;

function StateIcon({ state }: { state: UploadState }) {
  switch (state) {
    case 'attached':
      return <CheckIcon width={14} height={14} />;
    case 'failed':
      return <AlertIcon width={14} height={14} />;
    case 'uploading':
      return <span className="spinner spinner--small" aria-hidden="true" />;
    case 'waiting':
      return <PaperclipIcon width={14} height={14} />;
    default:
      return state satisfies never;
  }
}

/**
 * The file field of a form: a native file input (keyboard and screen readers know it), a drop
 * area around it, the limits, and each chosen file with its upload state or the API's refusal.
 */
export function AttachmentPicker({
  uploads,
  disabled = false,
}: {
  uploads: AttachmentUploads;
  disabled?: boolean;
}) {
  const { t, language } = useI18n();
  const errorMessage = useErrorMessage();
  // A refused file is explained by the problem's field errors ("… is not accepted; send …").
  const refusal = (error: unknown) =>
    error instanceof ApiError && error.problem.errors?.length
      ? error.problem.errors.map((violation) => violation.message).join('; ')
      : errorMessage(error);
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const limit = formatFileSize(ATTACHMENT_MAX_BYTES, language);

  function dropped(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    if (!disabled) uploads.add([...event.dataTransfer.files]);
  }

  return (
    <div className="field">
      <div
        className={`dropzone${dragging ? ' dropzone--active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          if (!disabled) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={dropped}
      >
        <label className="field__label" htmlFor={`${id}-input`}>
          <PaperclipIcon width={16} height={16} /> {t('attach.label')}
        </label>
        <input
          id={`${id}-input`}
          className="file-input"
          type="file"
          multiple
          disabled={disabled}
          aria-describedby={`${id}-help`}
          onChange={(event) => {
            uploads.add([...(event.target.files ?? [])]);
            // The same file can be chosen again after it was removed.
            event.target.value = '';
          }}
        />
        <p className="field__help" id={`${id}-help`}>
          {t('attach.drop')} {t('attach.limits', { size: limit })}
        </p>
      </div>
      {uploads.refused.length > 0 && (
        <div className="alert alert--error" role="alert">
          <AlertIcon />
          <ul className="plain-list">
            {uploads.refused.map((file) => (
              <li key={`${file.name}-${file.size}`}>
                {file.reason === 'too-large'
                  ? t('attach.tooLarge', {
                      name: file.name,
                      size: formatFileSize(file.size, language),
                      limit,
                    })
                  : file.reason === 'empty'
                    ? t('attach.empty', { name: file.name })
                    : t('attach.duplicate', { name: file.name })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {uploads.files.length > 0 && (
        <ul className="upload-list" aria-label={t('attach.chosen')} aria-live="polite">
          {uploads.files.map((chosen) => (
            <li key={chosen.key} className={`upload upload--${chosen.state}`}>
              <span className="upload__icon">
                <StateIcon state={chosen.state} />
              </span>
              <span className="upload__name">{chosen.file.name}</span>
              <span className="upload__size muted">
                {formatFileSize(chosen.file.size, language)}
              </span>
              <span className="upload__state">{t(`attach.state.${chosen.state}`)}</span>
              {(chosen.state === 'waiting' || chosen.state === 'failed') && !disabled && (
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('attach.remove', { name: chosen.file.name })}
                  onClick={() => uploads.remove(chosen.key)}
                >
                  <XIcon width={14} height={14} />
                </button>
              )}
              {chosen.state === 'failed' && (
                <span className="upload__error" role="alert">
                  {refusal(chosen.error)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
