import type { TicketAction } from '../lib/ticket-actions';
import type { ApiClient, Query } from './client';
import type {
  Agent,
  Attachment,
  CatalogItem,
  CatalogService,
  Comment,
  ComplianceReport,
  HistoryEntry,
  Level,
  Me,
  SavedView,
  Suggestions,
  SupportGroup,
  Ticket,
  TicketCounts,
  TicketFilters,
  TicketPage,
  TicketRouting,
  TicketSla,
} from './types';

const ticketPath = (id: string) => `/api/v1/tickets/${encodeURIComponent(id)}`;
const ifMatch = (ticket: Pick<Ticket, 'version'>) => ({ 'If-Match': `"${ticket.version}"` });

/** A fresh key per user action: a retried request is not filed twice. */
function idempotencyKey(): Record<string, string> {
  return { 'Idempotency-Key': crypto.randomUUID() };
}

/** The gateway's endpoints the web app calls, by what they mean for the UI. */
export function endpoints(api: ApiClient) {
  return {
    me: () => api.get<Me>('/api/v1/me'),

    catalogServices: () => api.get<{ items: CatalogService[] }>('/api/v1/catalog/services'),
    catalogItems: () => api.get<{ items: CatalogItem[] }>('/api/v1/catalog/items'),
    catalogItem: (id: string) =>
      api.get<CatalogItem>(`/api/v1/catalog/items/${encodeURIComponent(id)}`),
    orderCatalogItem: (
      id: string,
      order: { fields: Record<string, unknown>; title?: string; description?: string },
    ) =>
      api.post<Ticket>(
        `/api/v1/catalog/items/${encodeURIComponent(id)}/requests`,
        { ...order, channel: 'portal' },
        { headers: idempotencyKey() },
      ),

    suggestions: (title: string, description: string, signal?: AbortSignal) =>
      api.get<Suggestions>('/api/v1/knowledge/suggestions', {
        query: { title, description, limit: 5 },
        ...(signal ? { signal } : {}),
      }),
    recordDeflection: (suggestionId: string, articleId: string) =>
      api.post(`/api/v1/knowledge/suggestions/${encodeURIComponent(suggestionId)}/deflections`, {
        articleId,
      }),

    reportIncident: (ticket: { title: string; description: string; urgency: Level }) =>
      api.post<Ticket>(
        '/api/v1/tickets',
        { type: 'incident', channel: 'portal', impact: 'low', ...ticket },
        { headers: idempotencyKey() },
      ),

    tickets: (filters: TicketFilters & { cursor?: string; limit?: number }) =>
      api.get<TicketPage>('/api/v1/tickets', { query: filters as Query }),
    ticketCounts: (filters: TicketFilters) =>
      api.get<TicketCounts>('/api/v1/tickets/counts', { query: filters as Query }),
    ticket: (id: string) => api.get<Ticket>(ticketPath(id)),
    comments: (id: string, visibility?: 'public') =>
      api.get<{ items: Comment[] }>(`${ticketPath(id)}/comments`, { query: { visibility } }),
    comment: (id: string, body: string, visibility: 'public' | 'internal') =>
      api.post<Comment>(
        `${ticketPath(id)}/comments`,
        { body, visibility },
        { headers: idempotencyKey() },
      ),
    attachments: (id: string) => api.get<{ items: Attachment[] }>(`${ticketPath(id)}/attachments`),
    sla: (id: string) => api.get<TicketSla>(`${ticketPath(id)}/sla`),
    history: (id: string) => api.get<{ items: HistoryEntry[] }>(`${ticketPath(id)}/history`),
    routing: (id: string) => api.get<TicketRouting>(`${ticketPath(id)}/routing`),
    transition: (ticket: Ticket, action: TicketAction, details: Record<string, unknown> = {}) =>
      api.post<Ticket>(
        `${ticketPath(ticket.id)}/transitions`,
        { action, ...details },
        { headers: ifMatch(ticket) },
      ),
    update: (ticket: Ticket, changes: { impact?: Level; urgency?: Level }) =>
      api.patch<Ticket>(ticketPath(ticket.id), changes, { headers: ifMatch(ticket) }),
    rate: (id: string, rating: number, comment: string) =>
      api.post<Ticket>(`${ticketPath(id)}/satisfaction`, {
        rating,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),

    views: () => api.get<{ items: SavedView[] }>('/api/v1/views'),
    viewCounts: (id: string) =>
      api.get<TicketCounts>(`/api/v1/views/${encodeURIComponent(id)}/counts`),

    groups: () => api.get<{ items: SupportGroup[] }>('/api/v1/routing/groups'),
    agents: () => api.get<{ items: Agent[] }>('/api/v1/routing/agents', { query: { limit: 100 } }),
    compliance: (groupBy: 'group' | 'policy' | 'service', from: string, to: string) =>
      api.get<ComplianceReport>('/api/v1/sla/reports/compliance', {
        query: { groupBy, from, to },
      }),
  };
}

export type Endpoints = ReturnType<typeof endpoints>;
