import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import type { SavedView, TicketFilters } from '../api/types';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { fieldErrorsOf } from '../lib/problem';
import { sameViewName } from '../lib/view-filters';
import { FormAlert, useToasts } from '../ui/feedback';

export type ViewEditing =
  { kind: 'create' } | { kind: 'edit'; view: SavedView } | { kind: 'delete'; view: SavedView };

/**
 * Saving the list on the screen as a view, renaming, sharing or refiltering one, and deleting
 * it after a confirmation. The API has the last word: a name it refuses is shown under the field.
 */
export function ViewEditor({
  editing,
  currentFilters,
  refined,
  views,
  onDone,
  onCancel,
}: {
  editing: ViewEditing;
  /** What the list on the screen asks for: the new filters of a view. */
  currentFilters: TicketFilters;
  /** Whether the toolbar changes the list beyond the chosen view. */
  refined: boolean;
  /** The agent's views, to catch a name taken before asking. */
  views: readonly SavedView[];
  onDone(view: SavedView | null): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const { me, call } = useMe();
  const { notify } = useToasts();
  const id = useId();
  const original = editing.kind === 'create' ? null : editing.view;
  const [name, setName] = useState(original?.name ?? '');
  const [shared, setShared] = useState(original?.shared ?? false);
  const [useCurrent, setUseCurrent] = useState(refined);
  const [nameError, setNameError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const firstRef = useRef<HTMLInputElement & HTMLButtonElement>(null);

  useEffect(() => {
    firstRef.current?.focus();
  }, [editing.kind]);

  async function remove(view: SavedView) {
    setBusy(true);
    setFailure(null);
    try {
      await call.deleteView(view.id);
      notify(t('views.deleted', { name: view.name }));
      onDone(null);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    setFailure(null);
    if (!trimmed) {
      setNameError(t('views.nameRequired'));
      firstRef.current?.focus();
      return;
    }
    const taken = views.some(
      (view) =>
        view.ownerId === me.id && view.id !== original?.id && sameViewName(view.name, trimmed),
    );
    if (taken) {
      setNameError(t('views.nameTaken', { name: trimmed }));
      firstRef.current?.focus();
      return;
    }
    setNameError(null);
    setBusy(true);
    try {
      const saved = original
        ? await call.updateView(original, {
            name: trimmed,
            shared,
            filters: useCurrent ? currentFilters : original.filters,
          })
        : await call.createView({ name: trimmed, shared, filters: currentFilters });
      notify(t('views.saved', { name: saved.name }));
      onDone(saved);
    } catch (error) {
      const fieldError =
        error instanceof ApiError ? fieldErrorsOf(error.problem)['name'] : undefined;
      if (fieldError) setNameError(fieldError);
      setFailure(error);
      if (error instanceof ApiError && error.status === 412) notify(t('agent.conflict'), 'error');
    } finally {
      setBusy(false);
    }
  }

  if (editing.kind === 'delete') {
    const { view } = editing;
    return (
      <div
        className="panel view-editor"
        role="alertdialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
      >
        <h2 className="section-title" id={`${id}-title`}>
          {t('views.deleteTitle', { name: view.name })}
        </h2>
        <p id={`${id}-text`} className="muted">
          {t('views.deleteText')}
        </p>
        {failure !== null && <FormAlert error={failure} />}
        <div className="form-actions">
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            onClick={() => void remove(view)}
          >
            {t('console.deleteView')}
          </button>
          <button ref={firstRef} type="button" className="button button--ghost" onClick={onCancel}>
            {t('agent.cancel')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form
      className="panel view-editor"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2 className="section-title" id={`${id}-title`}>
        {original ? t('views.editTitle', { name: original.name }) : t('views.newTitle')}
      </h2>
      {failure !== null && <FormAlert error={failure} />}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-name`}>
          {t('views.name')}
        </label>
        <input
          ref={firstRef}
          id={`${id}-name`}
          className="input"
          maxLength={100}
          value={name}
          aria-invalid={nameError !== null}
          aria-describedby={nameError ? `${id}-name-error` : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        {nameError && (
          <p className="field__error" id={`${id}-name-error`}>
            {nameError}
          </p>
        )}
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={shared}
          aria-describedby={`${id}-shared-hint`}
          onChange={(event) => setShared(event.target.checked)}
        />
        <span>{t('views.shared')}</span>
      </label>
      <p className="field__help" id={`${id}-shared-hint`}>
        {t('views.sharedHint')}
      </p>
      {original && refined && (
        <label className="check">
          <input
            type="checkbox"
            checked={useCurrent}
            onChange={(event) => setUseCurrent(event.target.checked)}
          />
          <span>{t('views.useCurrent')}</span>
        </label>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('views.save')}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('agent.cancel')}
        </button>
      </div>
    </form>
  );
}
