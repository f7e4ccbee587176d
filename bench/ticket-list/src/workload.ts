/** The page the benchmark asks for; the service fetches one row more to know if a next page exists. */
export const PAGE_SIZE = 50;

export const QUERY_KINDS = [
  'agent-queue',
  'supervisor',
  'organization',
  'requester',
  'text-ru',
  'text-en',
  'newest',
  'next-page',
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

/** The filters of `GET /api/v1/tickets` the workload uses (REST names). */
export interface ListFilters {
  type?: string;
  status?: string;
  priority?: string;
  requesterId?: string;
  organizationId?: string;
  assignmentGroupId?: string;
  assigneeId?: string;
  q?: string;
}

export interface ListQuery {
  kind: QueryKind;
  /** Short description of the variant, for the output. */
  label: string;
  filters: ListFilters;
  /** `nextCursor` of page 1 (kind `next-page`), filled in once the data is there. */
  cursor?: string;
}

/** The keyset a cursor stands for: the last ticket of the previous page. */
export interface Keyset {
  createdAt: string;
  id: string;
}

const variant = (kind: QueryKind, label: string, filters: ListFilters): ListQuery => ({
  kind,
  label,
  filters,
});

/**
 * What people look at, several variants each (big and small groups, organisations and
 * requesters; common and rare words). Ids follow the seeded data (seed.ts): low numbers
 * are the busiest.
 */
export const QUERY_SET: readonly ListQuery[] = [
  variant('agent-queue', 'grp-00 assigned', { assignmentGroupId: 'grp-00', status: 'assigned' }),
  variant('agent-queue', 'grp-00 in_progress', {
    assignmentGroupId: 'grp-00',
    status: 'in_progress',
  }),
  variant('agent-queue', 'grp-07 assigned', { assignmentGroupId: 'grp-07', status: 'assigned' }),
  variant('agent-queue', 'grp-23 in_progress', {
    assignmentGroupId: 'grp-23',
    status: 'in_progress',
  }),
  variant('agent-queue', 'grp-41 assigned', { assignmentGroupId: 'grp-41', status: 'assigned' }),
  variant('supervisor', 'critical new', { priority: 'critical', status: 'new' }),
  variant('supervisor', 'critical assigned', { priority: 'critical', status: 'assigned' }),
  variant('supervisor', 'critical in_progress', { priority: 'critical', status: 'in_progress' }),
  variant('supervisor', 'critical pending', { priority: 'critical', status: 'pending' }),
  variant('supervisor', 'high pending', { priority: 'high', status: 'pending' }),
  variant('organization', 'org-000', { organizationId: 'org-000' }),
  variant('organization', 'org-017', { organizationId: 'org-017' }),
  variant('organization', 'org-099', { organizationId: 'org-099' }),
  variant('organization', 'org-180', { organizationId: 'org-180' }),
  variant('requester', 'emp-00000', { requesterId: 'emp-00000' }),
  variant('requester', 'emp-00420', { requesterId: 'emp-00420' }),
  variant('requester', 'emp-05000', { requesterId: 'emp-05000' }),
  variant('requester', 'emp-15000', { requesterId: 'emp-15000' }),
  variant('text-ru', 'не работает VPN', { q: 'не работает VPN' }),
  variant('text-ru', 'принтер', { q: 'принтер' }),
  variant('text-ru', 'пароль учётной записи', { q: 'пароль учётной записи' }),
  variant('text-ru', 'почта Outlook', { q: 'почта Outlook' }),
  variant('text-ru', 'рабочее место ws00042', { q: 'рабочее место ws00042' }),
  variant('text-en', 'printer', { q: 'printer' }),
  variant('text-en', 'password reset', { q: 'password reset' }),
  variant('text-en', 'laptop slow', { q: 'laptop slow' }),
  variant('text-en', 'shared drive access', { q: 'shared drive access' }),
  variant('text-en', 'ws01234', { q: 'ws01234' }),
  variant('newest', 'all', {}),
  variant('newest', 'incidents', { type: 'incident' }),
  variant('next-page', 'all', {}),
  variant('next-page', 'org-017', { organizationId: 'org-017' }),
  variant('next-page', 'grp-00 in_progress', {
    assignmentGroupId: 'grp-00',
    status: 'in_progress',
  }),
  variant('next-page', 'printer', { q: 'printer' }),
];

/** `/api/v1/tickets?limit=50&...` for a query, filters in a fixed order. */
export function restPath(query: ListQuery, limit = PAGE_SIZE): string {
  const search = new URLSearchParams({ limit: String(limit) });
  for (const [name, value] of Object.entries(query.filters)) {
    if (value !== undefined && value !== '') search.set(name, value);
  }
  if (query.cursor) search.set('cursor', query.cursor);
  return `/api/v1/tickets?${search.toString()}`;
}

/** The keyset inside a `nextCursor` of the default order (base64url JSON `['-created_at', createdAt, id]`, page-token.ts). */
export function decodeCursor(cursor: string): Keyset {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new Error(`not a ticket list cursor: ${cursor}`);
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 3 ||
    decoded[0] !== '-created_at' ||
    typeof decoded[1] !== 'string' ||
    typeof decoded[2] !== 'string'
  ) {
    throw new Error(`not a ticket list cursor: ${cursor}`);
  }
  return { createdAt: decoded[1], id: decoded[2] };
}

/** The columns TicketEntity maps, i.e. what the service's query builder selects. */
const SELECTED_COLUMNS = [
  'id',
  'number',
  'type',
  'title',
  'description',
  'status',
  'impact',
  'urgency',
  'priority',
  'channel',
  'requester_id',
  'organization_id',
  'assignment_group_id',
  'assignee_id',
  'pending_reason',
  'resolution_code',
  'resolution_notes',
  'idempotency_key',
  'idempotency_fingerprint',
  'created_at',
  'updated_at',
  'resolved_at',
  'closed_at',
  'first_responded_at',
  'priority_reason',
  'version',
  'root_cause',
  'workaround',
  'known_error_at',
  'change_kind',
  'risk',
  'backout_plan',
  'planned_start',
  'planned_end',
  'approval_id',
  'implementation_started_at',
  'implementation_outcome',
  'implementation_notes',
  'completed_at',
  'configuration_item_ids',
  'tags',
  'watcher_ids',
  'satisfaction_rating',
  'satisfaction_comment',
  'rated_at',
  'service_id',
  'category_id',
  'catalog_item_id',
  'custom_fields',
  'reported_at',
] as const;

/** REST filter -> column, in the order TypeOrmTicketStore.list() adds its conditions. */
const EQUALITY_FILTERS: readonly (readonly [keyof ListFilters, string])[] = [
  ['type', 'type'],
  ['status', 'status'],
  ['priority', 'priority'],
  ['requesterId', 'requester_id'],
  ['organizationId', 'organization_id'],
  ['assignmentGroupId', 'assignment_group_id'],
  ['assigneeId', 'assignee_id'],
];

export interface SqlQuery {
  text: string;
  values: unknown[];
}

/**
 * The baseline: the one statement a straightforward list sends for these filters, written
 * by hand: keyset condition, equality filters, the tsvector match in both languages, newest
 * first, one row more than the page. (For full-text queries the service first looks among
 * the newest tickets; see TypeOrmTicketStore.recentTextMatches. Both must return the same page.)
 */
export function listSql(filters: ListFilters, after?: Keyset, limit = PAGE_SIZE + 1): SqlQuery {
  const values: unknown[] = [];
  const parameter = (value: unknown): string => {
    values.push(value);
    return `$${values.length}`;
  };
  const conditions: string[] = [];
  if (after) {
    conditions.push(
      `(ticket.created_at, ticket.id) < (${parameter(after.createdAt)}, ${parameter(after.id)})`,
    );
  }
  for (const [filter, column] of EQUALITY_FILTERS) {
    const value = filters[filter];
    if (value) conditions.push(`ticket.${column} = ${parameter(value)}`);
  }
  const text = filters.q?.trim();
  if (text) {
    const p = parameter(text);
    conditions.push(
      `ticket.search_vector @@ (websearch_to_tsquery('russian', ${p}) || websearch_to_tsquery('english', ${p}))`,
    );
  }
  const columns = SELECTED_COLUMNS.map((column) => `ticket.${column}`).join(', ');
  return {
    text:
      `SELECT ${columns} FROM tickets ticket` +
      (conditions.length > 0 ? ` WHERE ${conditions.map((c) => `(${c})`).join(' AND ')}` : '') +
      ` ORDER BY ticket.created_at DESC, ticket.id DESC LIMIT ${limit}`,
    values,
  };
}

/**
 * `count` requests: kinds in turn (so every kind gets the same share and sees the same
 * machine), and within a kind its variants in turn.
 */
export function schedule<Q extends { kind: string }>(queries: readonly Q[], count: number): Q[] {
  const byKind = new Map<string, Q[]>();
  for (const query of queries) {
    const group = byKind.get(query.kind);
    if (group) group.push(query);
    else byKind.set(query.kind, [query]);
  }
  const kinds = [...byKind.values()];
  if (kinds.length === 0) return [];
  return Array.from({ length: count }, (_, index) => {
    const variants = kinds[index % kinds.length] ?? [];
    const round = Math.floor(index / kinds.length);
    const query = variants[round % variants.length];
    if (!query) throw new Error('unreachable: empty kind');
    return query;
  });
}
