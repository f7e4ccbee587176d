import { ATTACHMENT_FILE_FIELD } from '../lib/attachments';
import type { TicketAction } from '../lib/ticket-actions';
import type {
  CatalogCategory,
  CatalogItemUpdate,
  CreatedWebhook,
  DeliveryPage,
  DeliveryStatus,
  Locale,
  NewCatalogItem,
  NotificationPage,
  NotificationTemplate,
  NotificationTrigger,
  RenderedTemplate,
  RoutingAgent,
  RoutingGroup,
  RoutingRule,
  SlaCalendar,
  SlaPolicy,
  SupportLine,
  TemplateDraft,
  WebhookSubscription,
} from './admin-types';
import type { ApiClient, Query } from './client';
import type {
  ArticleSuggestions,
  ConfigurationItem,
  ConfigurationItemPage,
  TicketArticleLink,
  TicketImpact,
} from './console-types';
import type {
  Agent,
  ArticleFeedback,
  Attachment,
  CatalogItem,
  CatalogService,
  Comment,
  ComplianceReport,
  HistoryEntry,
  KnowledgeCategory,
  KnowledgeSearchResult,
  Level,
  Me,
  KnowledgeArticle,
  Priority,
  SavedView,
  SlaClockCondition,
  SlaClockList,
  ServiceDeskReport,
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
const ifMatch = (entity: { version: number }) => ({ 'If-Match': `"${entity.version}"` });
const templatePath = (key: string, locale: Locale) =>
  `/api/v1/notification-templates/${encodeURIComponent(key)}/${locale}`;

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
    /** Every item, the retired ones too: for the admin catalog, never the portal. */
    allCatalogItems: () =>
      api.get<{ items: CatalogItem[] }>('/api/v1/catalog/items', {
        query: { includeInactive: true },
      }),
    catalogItem: (id: string) =>
      api.get<CatalogItem>(`/api/v1/catalog/items/${encodeURIComponent(id)}`),
    catalogCategories: () => api.get<{ items: CatalogCategory[] }>('/api/v1/catalog/categories'),
    createCatalogService: (name: string) =>
      api.post<CatalogService>('/api/v1/catalog/services', { name }),
    createCatalogItem: (item: NewCatalogItem) =>
      api.post<CatalogItem>('/api/v1/catalog/items', item),
    updateCatalogItem: (item: CatalogItem, update: CatalogItemUpdate) =>
      api.put<CatalogItem>(`/api/v1/catalog/items/${encodeURIComponent(item.id)}`, update, {
        headers: ifMatch(item),
      }),
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

    knowledgeCategories: () =>
      api.get<{ items: KnowledgeCategory[] }>('/api/v1/knowledge/categories'),
    searchKnowledge: (
      query: { q: string; category: string; page: number; pageSize: number },
      signal?: AbortSignal,
    ) =>
      api.get<KnowledgeSearchResult>('/api/v1/knowledge/search', {
        query,
        ...(signal ? { signal } : {}),
      }),
    recordArticleView: (id: string, source: 'search' | 'direct') =>
      api.post(`/api/v1/knowledge/articles/${encodeURIComponent(id)}/views`, { source }),
    voteArticle: (id: string, helpful: boolean) =>
      api.post<ArticleFeedback>(`/api/v1/knowledge/articles/${encodeURIComponent(id)}/votes`, {
        helpful,
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
    /** The tickets of these ids the caller may see (at most 100), in one call. */
    ticketsById: (ids: readonly string[], signal?: AbortSignal) =>
      api.get<TicketPage>('/api/v1/tickets', {
        query: { id: ids.join(','), limit: ids.length },
        signal,
      }),
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
    uploadAttachment: (id: string, file: File) => {
      const form = new FormData();
      form.set(ATTACHMENT_FILE_FIELD, file, file.name);
      return api.post<Attachment>(`${ticketPath(id)}/attachments`, form);
    },
    sla: (id: string) => api.get<TicketSla>(`${ticketPath(id)}/sla`),
    history: (id: string) => api.get<{ items: HistoryEntry[] }>(`${ticketPath(id)}/history`),
    routing: (id: string) => api.get<TicketRouting>(`${ticketPath(id)}/routing`),
    transition: (ticket: Ticket, action: TicketAction, details: Record<string, unknown> = {}) =>
      api.post<Ticket>(
        `${ticketPath(ticket.id)}/transitions`,
        { action, ...details },
        { headers: ifMatch(ticket) },
      ),
    update: (
      ticket: Ticket,
      changes: { impact?: Level; urgency?: Level; configurationItemIds?: string[] },
    ) => api.patch<Ticket>(ticketPath(ticket.id), changes, { headers: ifMatch(ticket) }),
    ticketImpact: (id: string) => api.get<TicketImpact>(`${ticketPath(id)}/impact`),
    configurationItems: (q: string, signal?: AbortSignal) =>
      api.get<ConfigurationItemPage>('/api/v1/cmdb/items', {
        query: { q, limit: 8 },
        ...(signal ? { signal } : {}),
      }),
    configurationItem: (id: string) =>
      api.get<ConfigurationItem>(`/api/v1/cmdb/items/${encodeURIComponent(id)}`),
    ticketSuggestions: (ticket: Ticket, agentView: boolean) =>
      api.get<ArticleSuggestions>('/api/v1/knowledge/suggestions', {
        query: {
          title: ticket.title,
          description: ticket.description.slice(0, 4000),
          limit: 5,
          view: agentView ? 'agent' : undefined,
        },
      }),
    ticketArticles: (id: string) =>
      api.get<{ items: TicketArticleLink[] }>(
        `/api/v1/knowledge/tickets/${encodeURIComponent(id)}/articles`,
      ),
    article: (id: string, agentView = false) =>
      api.get<KnowledgeArticle>(`/api/v1/knowledge/articles/${encodeURIComponent(id)}`, {
        query: { view: agentView ? 'agent' : undefined },
      }),
    rate: (id: string, rating: number, comment: string) =>
      api.post<Ticket>(`${ticketPath(id)}/satisfaction`, {
        rating,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),

    views: () => api.get<{ items: SavedView[] }>('/api/v1/views'),
    viewCounts: (id: string) =>
      api.get<TicketCounts>(`/api/v1/views/${encodeURIComponent(id)}/counts`),
    createView: (view: { name: string; shared: boolean; filters: TicketFilters }) =>
      api.post<SavedView>('/api/v1/views', view),
    updateView: (
      view: SavedView,
      changes: { name: string; shared: boolean; filters: TicketFilters },
    ) =>
      api.put<SavedView>(`/api/v1/views/${encodeURIComponent(view.id)}`, changes, {
        headers: ifMatch(view),
      }),
    deleteView: (id: string) => api.delete(`/api/v1/views/${encodeURIComponent(id)}`),

    groups: () => api.get<{ items: SupportGroup[] }>('/api/v1/routing/groups'),
    agents: () => api.get<{ items: Agent[] }>('/api/v1/routing/agents', { query: { limit: 100 } }),
    compliance: (groupBy: 'group' | 'policy' | 'service', from: string, to: string) =>
      api.get<ComplianceReport>('/api/v1/sla/reports/compliance', {
        query: { groupBy, from, to },
      }),
    slaClocks: (
      query: { condition: SlaClockCondition; timeZone: string; pageSize: number },
      signal?: AbortSignal,
    ) => api.get<SlaClockList>('/api/v1/sla/clocks', { query, ...(signal ? { signal } : {}) }),
    serviceDeskReport: (query: { from: string; to: string; timeZone: string; groupId?: string }) =>
      api.get<ServiceDeskReport>('/api/v1/reports/service-desk', { query }),

    bulkAssignToMe: (ids: string[], meId: string) =>
      api.post<{ items: Ticket[] }>('/api/v1/tickets/bulk', {
        ids,
        transition: { action: 'assign', assigneeId: meId },
      }),
    bulkSetPriority: (ids: string[], priority: Priority, priorityReason: string) =>
      api.post<{ items: Ticket[] }>('/api/v1/tickets/bulk', {
        ids,
        update: { priority, priorityReason },
      }),

    notifications: (limit = 10) =>
      api.get<NotificationPage>('/api/v1/notifications', { query: { limit } }),
    markNotificationsRead: () => api.post<{ marked: number }>('/api/v1/notifications/read', {}),

    templates: () => api.get<{ items: NotificationTemplate[] }>('/api/v1/notification-templates'),
    template: (key: string, locale: Locale) =>
      api.get<NotificationTemplate>(templatePath(key, locale)),
    saveTemplate: (template: NotificationTemplate, draft: TemplateDraft) =>
      api.put<NotificationTemplate>(templatePath(template.key, template.locale), draft, {
        headers: ifMatch(template),
      }),
    previewTemplate: (key: string, locale: Locale, draft: TemplateDraft, signal?: AbortSignal) =>
      api.post<RenderedTemplate>(`${templatePath(key, locale)}/preview`, draft, {
        ...(signal ? { signal } : {}),
      }),
    triggers: () => api.get<{ items: NotificationTrigger[] }>('/api/v1/notification-triggers'),
    updateTrigger: (
      trigger: NotificationTrigger,
      changes: Partial<Pick<NotificationTrigger, 'enabled' | 'audiences' | 'channels'>>,
    ) =>
      api.patch<NotificationTrigger>(
        `/api/v1/notification-triggers/${encodeURIComponent(trigger.key)}`,
        changes,
        { headers: ifMatch(trigger) },
      ),

    webhooks: () => api.get<{ items: WebhookSubscription[] }>('/api/v1/webhook-subscriptions'),
    createWebhook: (hook: { name: string; url: string; eventTypes: string[] }) =>
      api.post<CreatedWebhook>('/api/v1/webhook-subscriptions', hook, {
        headers: idempotencyKey(),
      }),
    updateWebhook: (hook: WebhookSubscription, changes: { active: boolean }) =>
      api.patch<WebhookSubscription>(
        `/api/v1/webhook-subscriptions/${encodeURIComponent(hook.id)}`,
        changes,
        { headers: ifMatch(hook) },
      ),
    deliveries: (filters: { status?: DeliveryStatus | ''; cursor?: string }) =>
      api.get<DeliveryPage>('/api/v1/notification-deliveries', {
        query: { ...filters, limit: 50 },
      }),
    redeliver: (id: string) =>
      api.post(`/api/v1/notification-deliveries/${encodeURIComponent(id)}/redeliver`),

    slaPolicies: () =>
      api.get<{ items: SlaPolicy[] }>('/api/v1/sla/policies', {
        query: { includeInactive: true },
      }),
    saveSlaPolicy: (policy: SlaPolicy) => {
      // Only the writable fields: the API refuses properties it does not know.
      const body = {
        name: policy.name,
        kind: policy.kind,
        order: policy.order,
        conditions: policy.conditions,
        targets: policy.targets,
        warningThresholds: policy.warningThresholds,
        pauseRules: policy.pauseRules,
        active: policy.active,
      };
      return api.put<SlaPolicy>(`/api/v1/sla/policies/${encodeURIComponent(policy.id)}`, body, {
        headers: ifMatch(policy),
      });
    },
    slaCalendars: () => api.get<{ items: SlaCalendar[] }>('/api/v1/sla/calendars'),

    supportLines: () => api.get<{ items: SupportLine[] }>('/api/v1/routing/lines'),
    routingGroups: () => api.get<{ items: RoutingGroup[] }>('/api/v1/routing/groups'),
    routingAgents: () =>
      api.get<{ items: RoutingAgent[] }>('/api/v1/routing/agents', { query: { limit: 500 } }),
    setAvailability: (agent: RoutingAgent, availability: RoutingAgent['availability']) =>
      api.put<{ agent: RoutingAgent }>(
        `/api/v1/routing/agents/${encodeURIComponent(agent.id)}/availability`,
        { availability },
      ),
    routingRules: () =>
      api.get<{ items: RoutingRule[] }>('/api/v1/routing/rules', {
        query: { includeDisabled: true },
      }),
    saveRoutingRule: (rule: RoutingRule) => {
      const body = {
        name: rule.name,
        order: rule.order,
        enabled: rule.enabled,
        conditions: rule.conditions,
        actions: rule.actions,
        stopProcessing: rule.stopProcessing,
      };
      return api.put<RoutingRule>(`/api/v1/routing/rules/${encodeURIComponent(rule.id)}`, body, {
        headers: ifMatch(rule),
      });
    },
  };
}

export type Endpoints = ReturnType<typeof endpoints>;
