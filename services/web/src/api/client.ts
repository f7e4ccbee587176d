import { isProblem, type ProblemDetails } from '../lib/problem';
import type { SessionTokens } from './types';

/** A refused or failed call, with the problem details the gateway sent (or made up here). */
export class ApiError extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail || problem.title);
  }

  get status(): number {
    return this.problem.status;
  }
}

/** Status of a call that never got an answer (offline, gateway down). */
export const NETWORK_FAILURE = 0;

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const REFRESH_TOKEN_KEY = 'itsm.refreshToken';

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function problemOf(response: Response): Promise<ProblemDetails> {
  const body: unknown = await response.json().catch(() => undefined);
  if (isProblem(body)) return body;
  return {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    detail: '',
  };
}

/**
 * The gateway's REST API for one browser tab. The access token lives in memory only; the
 * refresh token in sessionStorage, so a reload keeps the session and closing the tab ends it.
 * A 401 refreshes once (one refresh for all calls that hit it at the same time) and retries.
 */
export class ApiClient {
  private accessToken: string | null = null;
  private refreshing: Promise<boolean> | null = null;
  private signedOutListener: (() => void) | null = null;

  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
    private readonly baseUrl = '',
  ) {}

  onSignedOut(listener: () => void): void {
    this.signedOutListener = listener;
  }

  get token(): string | null {
    return this.accessToken;
  }

  hasStoredSession(): boolean {
    return this.storage.getItem(REFRESH_TOKEN_KEY) !== null;
  }

  async signIn(email: string, password: string): Promise<void> {
    const tokens = await this.send<SessionTokens>('POST', '/api/v1/auth/sign-in', {
      body: { email, password },
    });
    this.keep(tokens);
  }

  /** Resumes the session of this tab from its refresh token; false when there is none. */
  async resume(): Promise<boolean> {
    return this.refresh();
  }

  async signOut(): Promise<void> {
    try {
      if (this.accessToken) await this.send('POST', '/api/v1/auth/sign-out');
    } catch {
      // Signing out locally matters more than telling the gateway.
    }
    this.forget();
  }

  get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.call<T>('GET', path, options);
  }

  post<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.call<T>('POST', path, { ...options, body });
  }

  patch<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    return this.call<T>('PATCH', path, { ...options, body });
  }

  put<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    return this.call<T>('PUT', path, { ...options, body });
  }

  delete<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.call<T>('DELETE', path, options);
  }

  /** A raw authenticated fetch (streams, downloads), with the same refresh on 401. */
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const attempt = () =>
      fetch(`${this.baseUrl}${path}`, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), ...this.authorization() },
      });
    let response = await attempt();
    if (response.status === 401 && (await this.refresh())) response = await attempt();
    return response;
  }

  private async call<T>(method: string, path: string, options: RequestOptions): Promise<T> {
    try {
      return await this.send<T>(method, path, options);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      if (!(await this.refresh())) {
        this.forget();
        this.signedOutListener?.();
        throw error;
      }
      return this.send<T>(method, path, options);
    }
  }

  private authorization(): Record<string, string> {
    return this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {};
  }

  private async send<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const { query, body, headers = {}, signal } = options;
    // A form (a file upload) goes as multipart; the browser writes its content type and boundary.
    const form = body instanceof FormData;
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${withQuery(path, query)}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined || form ? {} : { 'content-type': 'application/json' }),
          ...this.authorization(),
          ...headers,
        },
        ...(body === undefined ? {} : { body: form ? body : JSON.stringify(body) }),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError({
        type: 'about:network',
        title: 'Network error',
        status: NETWORK_FAILURE,
        detail: '',
      });
    }
    if (!response.ok) throw new ApiError(await problemOf(response));
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  private refresh(): Promise<boolean> {
    this.refreshing ??= (async () => {
      const refreshToken = this.storage.getItem(REFRESH_TOKEN_KEY);
      if (!refreshToken) return false;
      try {
        const tokens = await this.send<SessionTokens>('POST', '/api/v1/auth/refresh', {
          body: { refreshToken },
        });
        this.keep(tokens);
        return true;
      } catch (error) {
        // A used or expired refresh token ends the session; an outage does not.
        if (error instanceof ApiError && error.status !== NETWORK_FAILURE && error.status < 500)
          this.storage.removeItem(REFRESH_TOKEN_KEY);
        return false;
      }
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private keep(tokens: SessionTokens): void {
    this.accessToken = tokens.accessToken;
    this.storage.setItem(REFRESH_TOKEN_KEY, tokens.refreshToken);
  }

  private forget(): void {
    this.accessToken = null;
    this.storage.removeItem(REFRESH_TOKEN_KEY);
  }
}
