/** The shapes of the gateway's public API the web app reads (services/gateway/openapi.json). */
import type { ChangeKind, TicketType } from '../lib/ticket-actions';
import type { JsonSchema } from '../lib/json-schema-form';
import type { SlaClock } from '../lib/sla';

export type Role =
  'requester' | 'agent' | 'specialist' | 'supervisor' | 'service_desk_manager' | 'administrator';

export interface SessionTokens {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
}

export interface Me {
  kind: 'user' | 'service_account';
  id: string;
  name: string;
  email: string | null;
  roles: Role[];
  permissions: string[];
  organization: { id: string; name: string } | null;
  organizationWide: boolean;
  groupIds: string[];
  language: 'ru' | 'en' | null;
  timeZone: string | null;
}

export type Level = 'high' | 'medium' | 'low';
export type Priority = 'critical' | 'high' | 'medium' | 'low' | 'planning';
export type Status =
  | 'new'
  | 'assigned'
  | 'in_progress'
  | 'pending'
  | 'resolved'
  | 'closed'
  | 'cancelled'
  | 'investigating'
  | 'known_error'
  | 'draft'
  | 'assessment'
  | 'approval'
  | 'scheduled'
  | 'implementing'
  | 'review'
  | 'rejected';

export const STATUSES: readonly Status[] = [
  'new',
  'assigned',
  'in_progress',
  'pending',
  'resolved',
  'closed',
  'cancelled',
  'investigating',
  'known_error',
  'draft',
  'assessment',
  'approval',
  'scheduled',
  'implementing',
  'review',
  'rejected',
];
export const PRIORITIES: readonly Priority[] = ['critical', 'high', 'medium', 'low', 'planning'];
export const LEVELS: readonly Level[] = ['high', 'medium', 'low'];

export interface Ticket {
  id: string;
  number: string;
  type: TicketType;
  title: string;
  description: string;
  status: Status;
  impact: Level;
  urgency: Level;
  priority: Priority;
  priorityReason: string | null;
  channel: string;
  requesterId: string;
  organizationId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  assignmentGroupId: string | null;
  assigneeId: string | null;
  pendingReason: string | null;
  resolutionCode: string | null;
  resolutionNotes: string;
  resolvedAt: string | null;
  closedAt: string | null;
  firstRespondedAt: string | null;
  changeKind: ChangeKind | null;
  tags: string[];
  satisfaction: { rating: number; comment: string; ratedAt: string } | null;
  serviceId: string | null;
  categoryId: string | null;
  catalogItemId: string | null;
  customFields: Record<string, unknown>;
  /** The configuration items (CMDB ids) the ticket is about. */
  configurationItemIds: string[];
}

export interface TicketPage {
  items: Ticket[];
  nextCursor: string | null;
}

export interface TicketCounts {
  byStatus: Partial<Record<Status, number>>;
  total: number;
}

export interface Comment {
  id: string;
  ticketId: string;
  authorId: string;
  visibility: 'public' | 'internal';
  body: string;
  createdAt: string;
}

export interface Attachment {
  id: string;
  ticketId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface TicketClock extends SlaClock {
  dueAtLocal: string | null;
  timeZone: string;
  policyName: string | null;
  startedAt: string;
  breachedAt: string | null;
  stoppedAt: string | null;
}

export interface TicketSla {
  ticketId: string;
  ticketNumber: string;
  asOf: string;
  clocks: TicketClock[];
}

export interface CatalogService {
  id: string;
  name: string;
  description: string;
}

export interface CatalogItem {
  id: string;
  serviceId: string;
  name: string;
  description: string;
  formSchema: JsonSchema;
  defaultCategoryId: string | null;
  defaultImpact: Level;
  defaultUrgency: Level;
  fulfilmentGroupId: string | null;
  /** False once retired: it has left the portal and ordering it is refused. */
  active: boolean;
  /** One more on each change; named in If-Match to change it. */
  version: number;
  updatedAt: string;
}

export interface SearchHit {
  id: string;
  title: string;
  excerpt: string;
  titleHighlight: string | null;
  highlights: string[];
  outdated: boolean;
}

export interface Suggestions {
  suggestionId: string;
  items: SearchHit[];
}

export type ArticleLanguage = 'ru' | 'en';

/** A search hit of the knowledge base; requesters only ever get public, published articles. */
export interface KnowledgeSearchHit extends SearchHit {
  language: ArticleLanguage;
  categoryId: string | null;
  tags: string[];
  publishedAt: string | null;
}

export interface KnowledgeSearchResult {
  items: KnowledgeSearchHit[];
  /** At least this many when `totalExact` is false. */
  total: number;
  totalExact: boolean;
  page: number;
  pageSize: number;
}

export interface KnowledgeCategory {
  id: string;
  parentId: string | null;
  name: string;
  /** Ids from the root down to this category. */
  path: string[];
}

export interface ArticleContent {
  title: string;
  /** Markdown as the author wrote it. */
  body: string;
  categoryId: string | null;
  tags: string[];
  audience: 'public' | 'internal';
}

/** An article as the knowledge API gives it: requesters get the live version, agents may ask for the draft. */
export interface KnowledgeArticle {
  id: string;
  language: ArticleLanguage;
  status: string;
  /** For requesters: the live version. */
  content: ArticleContent;
  publishedContent: ArticleContent | null;
  publishedVersion: number;
  updatedAt: string;
  /** When the live version was published. */
  publishedAt: string | null;
  outdated: boolean;
}

export interface ArticleFeedback {
  articleId: string;
  views: number;
  helpfulVotes: number;
  notHelpfulVotes: number;
}

export interface TicketFilters {
  type?: TicketType;
  status?: Status;
  priority?: Priority;
  requesterId?: string;
  assignmentGroupId?: string;
  assigneeId?: string;
  q?: string;
  sort?: string;
}

export interface SavedView {
  id: string;
  ownerId: string;
  name: string;
  shared: boolean;
  filters: TicketFilters;
  version: number;
}

export interface HistoryEntry {
  occurredAt: string;
  actorId: string;
  action: string;
  changes: { field: string; from: string | null; to: string | null }[];
}

export interface RoutingStep {
  kind: string;
  summary: { en: string; ru: string };
}

export interface RoutingDecision {
  id: string;
  trigger: 'created' | 'queue' | 'escalation';
  groupId: string | null;
  assigneeId: string | null;
  queued: boolean;
  steps: RoutingStep[];
  decidedAt: string;
}

export interface TicketRouting {
  ticketId: string;
  currentGroupId: string | null;
  queued: boolean;
  decisions: RoutingDecision[];
  escalations: { id: string; kind: string; reason: string; occurredAt: string }[];
}

export interface SupportGroup {
  id: string;
  name: string;
  /** The line of support (L1, L2…) the group works on. */
  lineId?: string;
  queuedTickets: number;
}

export interface ComplianceRow {
  key: string | null;
  label: string | null;
  met: number;
  breached: number;
  compliancePercent: number | null;
}

export interface ComplianceReport {
  rows: ComplianceRow[];
  total: ComplianceRow;
}

export type SlaClockCondition = 'at_risk' | 'breached';

/** A clock at risk or breached (GET /api/v1/sla/clocks). */
export interface ListedSlaClock {
  ticketId: string;
  ticketNumber: string;
  target: SlaClock['target'];
  state: SlaClock['state'];
  dueAt: string;
  breachedAt: string | null;
  warningIssuedAt: string | null;
  policyId: string;
  policyName: string | null;
  groupId: string | null;
}

export interface SlaClockList {
  condition: SlaClockCondition;
  since: string;
  until: string | null;
  counts: { atRisk: number; breached: number };
  items: ListedSlaClock[];
  nextPageToken: string | null;
}

/** Minutes from a ticket's creation to an event; null when no ticket reached it. */
export interface DurationFigures {
  count: number;
  meanMinutes: number | null;
  medianMinutes: number | null;
}

export interface ServiceDeskFigures {
  created: number;
  resolved: number;
  /** MTTA */
  firstResponse: DurationFigures;
  /** MTTR */
  resolution: DurationFigures;
  /** CSAT */
  satisfaction: {
    ratings: number;
    average: number | null;
    satisfied: number;
    satisfiedPercent: number | null;
  };
}

/** GET /api/v1/reports/service-desk */
export interface ServiceDeskReport {
  from: string;
  to: string;
  timeZone: string;
  groupId: string | null;
  type: TicketType | null;
  /** Every local day (YYYY-MM-DD) of the period, oldest first. */
  days: (ServiceDeskFigures & { date: string })[];
  total: ServiceDeskFigures;
}

export interface Agent {
  id: string;
  userId: string;
  displayName: string;
  capacity: number;
  availability: 'online' | 'away' | 'off';
  openTickets: number;
  weightedLoad: number;
}

/** A live change of a ticket (GET /api/v1/events, event `ticket`). */
export interface TicketChange {
  id: string;
  type: string;
  ticketId: string;
  number: string;
  version: number;
  occurredAt: string;
}
