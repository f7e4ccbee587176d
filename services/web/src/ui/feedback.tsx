import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ApiError, NETWORK_FAILURE } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { problemMessage } from '../lib/problem';
import { AlertIcon, CheckIcon, InboxIcon, XIcon } from './icons';

/** A readable sentence for any failure: the problem's detail, or what a network failure means. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useI18n();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        if (error.status === NETWORK_FAILURE) return t('error.network');
        return problemMessage(error.problem);
      }
      return error instanceof Error ? error.message : String(error);
    },
    [t],
  );
}

export function Spinner({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('app.loading')}</span>
    </div>
  );
}

/** Placeholder rows while a list loads, so the layout does not jump. */
export function SkeletonRows({ rows = 5 }: { rows?: number }) {
  const { t } = useI18n();
  return (
    <div className="skeleton-list" role="status" aria-label={t('app.loading')}>
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className="skeleton-row" aria-hidden="true">
          <span className="skeleton skeleton--short" />
          <span className="skeleton" />
          <span className="skeleton skeleton--short" />
        </div>
      ))}
    </div>
  );
}

export function EmptyState({
  title,
  text,
  action,
  icon,
}: {
  title: string;
  text?: string;
  action?: ReactNode;
  icon?: ReactNode;
}) {
  return (
    <div className="state state--empty">
      <div className="state__icon">{icon ?? <InboxIcon width={28} height={28} />}</div>
      <h2 className="state__title">{title}</h2>
      {text && <p className="state__text">{text}</p>}
      {action && <div className="state__action">{action}</div>}
    </div>
  );
}

/** A failed load: what the API said (title and detail), its trace id, and a retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const message = useErrorMessage()(error);
  const problem = error instanceof ApiError ? error.problem : undefined;
  const title =
    problem && problem.status !== NETWORK_FAILURE && problem.title !== message
      ? problem.title
      : t('error.title');
  return (
    <div className="state state--error" role="alert">
      <div className="state__icon">
        <AlertIcon width={28} height={28} />
      </div>
      <h2 className="state__title">{title}</h2>
      <p className="state__text">{message}</p>
      {problem?.traceId && (
        <p className="state__meta">{t('error.trace', { traceId: problem.traceId })}</p>
      )}
      {onRetry && (
        <div className="state__action">
          <button type="button" className="button button--secondary" onClick={onRetry}>
            {t('error.retry')}
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * Someone else saved what is being edited: says so, with a button that loads their version (the
 * edits on screen give way to it).
 */
export function StaleVersionAlert({
  message,
  reloadLabel,
  onReload,
}: {
  message: string;
  reloadLabel: string;
  onReload(): void;
}) {
  return (
    <div className="alert alert--error" role="alert">
      <div>
        {message}{' '}
        <button type="button" className="button button--secondary button--small" onClick={onReload}>
          {reloadLabel}
        </button>
      </div>
    </div>
  );
}

/** An inline error above a form, for a refused submit. */
export function FormAlert({ error }: { error: unknown }) {
  const message = useErrorMessage()(error);
  const problem = error instanceof ApiError ? error.problem : undefined;
  return (
    <div className="alert alert--error" role="alert">
      <AlertIcon />
      <div>
        {problem && problem.status !== NETWORK_FAILURE && problem.title !== message && (
          <strong>{problem.title}. </strong>
        )}
        {message}
      </div>
    </div>
  );
}

interface Toast {
  id: number;
  kind: 'success' | 'info' | 'error';
  text: string;
}

interface Toasts {
  notify(text: string, kind?: Toast['kind']): void;
}

const ToastContext = createContext<Toasts | null>(null);
const TOAST_MS = 5000;

/** Short confirmations, announced to screen readers through a polite live region. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback(
    (id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)),
    [],
  );
  const notify = useCallback(
    (text: string, kind: Toast['kind'] = 'success') => {
      const id = nextId.current++;
      setToasts((current) => [...current.slice(-2), { id, kind, text }]);
      setTimeout(() => dismiss(id), TOAST_MS);
    },
    [dismiss],
  );
  const value = useMemo(() => ({ notify }), [notify]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite" aria-label={t('toast.region')}>
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast--${toast.kind}`}>
            {toast.kind === 'error' ? <AlertIcon /> : <CheckIcon />}
            <span>{toast.text}</span>
            <button
              type="button"
              className="icon-button"
              aria-label={t('toast.dismiss')}
              onClick={() => dismiss(toast.id)}
            >
              <XIcon width={16} height={16} />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToasts(): Toasts {
  const context = useContext(ToastContext);
  if (!context) throw new Error('useToasts outside ToastProvider');
  return context;
}
