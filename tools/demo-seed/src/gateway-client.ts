import { assertUnreachable } from '@itsm/lang';
import type {
  AgentRecord,
  ArticleRecord,
  ArticleTransitionBody,
  AssetActionBody,
  AssetState,
  CatalogItemRecord,
  CategoryRecord,
  CategorySkillsRecord,
  ClassifierAccuracy,
  ClassifierModelRecord,
  CommentBody,
  ConfigurationItemFilter,
  ConfigurationItemRecord,
  CreateAgentBody,
  CreateApiKeyBody,
  CreateArticleBody,
  CreateCatalogItemBody,
  CreateCategoryBody,
  CreateConfigurationItemBody,
  CreateKnowledgeCategoryBody,
  CreateLocationBody,
  CreateOrganizationBody,
  CreateRelationshipBody,
  CreateRoutingRuleBody,
  CreateServiceAccountBody,
  CreateServiceBody,
  CreateSupportGroupBody,
  CreateSupportLineBody,
  CreateTicketBody,
  CreateUserBody,
  CreateViewBody,
  CreatedApiKeyRecord,
  KnowledgeCategoryRecord,
  LicenceComplianceRecord,
  LocationRecord,
  OrganizationRecord,
  RateBody,
  RelationBody,
  RequestCatalogItemBody,
  RoutingRuleRecord,
  RoutingSettingsRecord,
  ServiceAccountRecord,
  ServiceRecord,
  SessionRecord,
  SetCategorySkillsBody,
  SignInBody,
  SupportGroupRecord,
  SupportLineRecord,
  TicketFilter,
  TicketRecord,
  TicketState,
  TrainClassifierBody,
  TransitionBody,
  UpdateRoutingSettingsBody,
  UpdateTicketBody,
  UpdateViewBody,
  UserRecord,
  ViewRecord,
  VoteBody,
} from './gateway-api';

/** A ticket as an opening answers it: `replayed` when the key was used before. */
export interface Opened {
  ticket: TicketState;
  replayed: boolean;
}

/** What the seeder does through the API; the runner works against this, tests fake it. */
export interface DemoApi {
  /** Opens a ticket; `replayed` when the key was used before and the first ticket is returned. */
  createTicket(idempotencyKey: string, body: CreateTicketBody): Promise<Opened>;
  /** Orders a catalog item: a service request opens, replayed as createTicket is. */
  requestCatalogItem(
    itemId: string,
    idempotencyKey: string,
    body: RequestCatalogItemBody,
  ): Promise<Opened>;
  /** The ticket as it is now. */
  getTicket(ticketId: string): Promise<TicketState>;
  /** `version`: the version the seeder last saw, sent as If-Match. */
  transition(ticketId: string, version: number, body: TransitionBody): Promise<TicketState>;
  /** Resolves to the ticket's version after the comment (a first response raises it). */
  comment(
    ticketId: string,
    idempotencyKey: string,
    body: CommentBody,
  ): Promise<{ version: number | undefined; replayed: boolean }>;
  vote(ticketId: string, body: VoteBody): Promise<TicketState>;
  /** Adds a watcher; one who watches already changes nothing. */
  watch(ticketId: string, watcherId: string, actorId: string): Promise<TicketState>;
  /** The requester's satisfaction rating; the same rating again changes nothing. */
  rate(ticketId: string, body: RateBody): Promise<TicketState>;
  /** Relates the ticket to another; `created` is false when the relation existed. */
  relate(ticketId: string, body: RelationBody): Promise<{ created: boolean }>;
  listServices(): Promise<ServiceRecord[]>;
  createService(body: CreateServiceBody): Promise<ServiceRecord>;
  listCategories(): Promise<CategoryRecord[]>;
  createCategory(body: CreateCategoryBody): Promise<CategoryRecord>;
  /** Every item, also those no longer offered (their names are taken all the same). */
  listCatalogItems(): Promise<CatalogItemRecord[]>;
  createCatalogItem(body: CreateCatalogItemBody): Promise<CatalogItemRecord>;
  /** The owner's views and every shared one. */
  listViews(ownerId: string): Promise<ViewRecord[]>;
  createView(body: CreateViewBody): Promise<ViewRecord>;
  /** `version`: the view's version the seeder read, sent as If-Match. */
  updateView(viewId: string, version: number, body: UpdateViewBody): Promise<ViewRecord>;
}

/** The knowledge base's authoring endpoints the seeder uses; tests fake it. */
export interface KnowledgeApi {
  /** The whole category tree. */
  listKnowledgeCategories(): Promise<KnowledgeCategoryRecord[]>;
  createKnowledgeCategory(body: CreateKnowledgeCategoryBody): Promise<KnowledgeCategoryRecord>;
  /** Every article of the author, in any status (all pages). */
  listArticlesBy(authorId: string): Promise<ArticleRecord[]>;
  createArticle(body: CreateArticleBody): Promise<ArticleRecord>;
  transitionArticle(articleId: string, body: ArticleTransitionBody): Promise<ArticleRecord>;
}

/** Routing's support organisation, rules, settings and classifier; tests fake it. */
export interface RoutingApi {
  listSupportLines(): Promise<SupportLineRecord[]>;
  createSupportLine(body: CreateSupportLineBody): Promise<SupportLineRecord>;
  listSupportGroups(): Promise<SupportGroupRecord[]>;
  createSupportGroup(body: CreateSupportGroupBody): Promise<SupportGroupRecord>;
  /** Every agent (all pages). */
  listAgents(): Promise<AgentRecord[]>;
  /** A user who is an agent already is refused with 409. */
  createAgent(body: CreateAgentBody): Promise<AgentRecord>;
  /** The categories that need skills; a category without a requirement is absent. */
  listCategorySkills(): Promise<CategorySkillsRecord[]>;
  setCategorySkills(categoryId: string, body: SetCategorySkillsBody): Promise<CategorySkillsRecord>;
  /** Every rule, the disabled ones too (their names are taken all the same). */
  listRoutingRules(): Promise<RoutingRuleRecord[]>;
  createRoutingRule(body: CreateRoutingRuleBody): Promise<RoutingRuleRecord>;
  getRoutingSettings(): Promise<RoutingSettingsRecord>;
  /** `version`: the settings' version the seeder read, sent as If-Match. */
  updateRoutingSettings(
    version: number,
    body: UpdateRoutingSettingsBody,
  ): Promise<RoutingSettingsRecord>;
  /** Too little history is refused with 409. */
  trainClassifier(body: TrainClassifierBody): Promise<ClassifierModelRecord>;
}

/** The CMDB's locations, items, assets, relationships and licences; tests fake it. */
export interface CmdbApi {
  listLocations(): Promise<LocationRecord[]>;
  /** A name taken under the same parent is refused with 409. */
  createLocation(body: CreateLocationBody): Promise<LocationRecord>;
  /** Every item the filter matches (all pages). */
  listConfigurationItems(filter: ConfigurationItemFilter): Promise<ConfigurationItemRecord[]>;
  /** A retry with the same key answers the item the first request created. */
  createConfigurationItem(
    idempotencyKey: string,
    body: CreateConfigurationItemBody,
  ): Promise<ConfigurationItemRecord>;
  /** One step of an asset's lifecycle; `version`: the item's version, sent as If-Match. */
  changeAsset(
    itemId: string,
    version: number,
    body: AssetActionBody,
  ): Promise<ConfigurationItemRecord>;
  /** `created` is false when the same relationship existed (the API answers it with 200). */
  relateItems(body: CreateRelationshipBody): Promise<{ created: boolean }>;
  /** Seats owned against seats in use, for every licence. */
  licenceCompliance(): Promise<LicenceComplianceRecord[]>;
}

/** Finding tickets and editing their fields; tests fake it. */
export interface TicketEditApi {
  /** Every ticket the filter matches, newest first (all pages). */
  listTickets(filter: TicketFilter): Promise<TicketRecord[]>;
  /** `version`: the version the seeder read, sent as If-Match. */
  updateTicket(ticketId: string, version: number, body: UpdateTicketBody): Promise<TicketRecord>;
}

/** Signing in and out: the administrator's session, which only sets up the run's API key. */
export interface SessionApi {
  /** A wrong email or password is refused with 401. */
  signIn(body: SignInBody): Promise<SessionRecord>;
  /** Ends the session of the client's access token. */
  signOut(): Promise<void>;
}

/** Service accounts and their API keys (identity.api_keys.manage); tests fake it. */
export interface ServiceAccountApi {
  listServiceAccounts(): Promise<ServiceAccountRecord[]>;
  /** A name taken already, case aside, is refused with 409. */
  createServiceAccount(body: CreateServiceAccountBody): Promise<ServiceAccountRecord>;
  createApiKey(serviceAccountId: string, body: CreateApiKeyBody): Promise<CreatedApiKeyRecord>;
  /** Revoking a revoked key changes nothing. */
  revokeApiKey(serviceAccountId: string, keyId: string): Promise<void>;
}

/** Customer organisations and user accounts; tests fake it. */
export interface DirectoryApi {
  /** Every organisation (all pages). */
  listOrganizations(): Promise<OrganizationRecord[]>;
  /** A name taken already, case aside, is refused with 409. */
  createOrganization(body: CreateOrganizationBody): Promise<OrganizationRecord>;
  /** The users whose name or email contains the text, any case (the first 100). */
  searchUsers(text: string): Promise<UserRecord[]>;
  /** A taken email or id is refused with 409. */
  createUser(body: CreateUserBody): Promise<UserRecord>;
}

/** An error answer of the API, with its RFC 9457 problem details when it sent them. */
export class ApiProblemError extends Error {
  constructor(
    readonly status: number,
    readonly problemType: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'ApiProblemError';
  }
}

interface ProblemBody {
  type?: unknown;
  title?: unknown;
  detail?: unknown;
  errors?: unknown;
  traceId?: unknown;
}

/** "409 Conflict: cannot resolve ... (field: message; ...) [trace …]" from an error answer. */
export function describeProblem(status: number, text: string): { type?: string; message: string } {
  let problem: ProblemBody | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') problem = parsed as ProblemBody;
  } catch {
    problem = undefined;
  }
  if (!problem) return { message: `${status}: ${text.slice(0, 300) || '(empty body)'}` };
  const title = typeof problem.title === 'string' ? ` ${problem.title}` : '';
  const detail = typeof problem.detail === 'string' ? `: ${problem.detail}` : '';
  const fields = Array.isArray(problem.errors)
    ? problem.errors
        .map((error: unknown) => {
          const { field, message } = (error ?? {}) as { field?: unknown; message?: unknown };
          return `${String(field)}: ${String(message)}`;
        })
        .join('; ')
    : '';
  const trace = typeof problem.traceId === 'string' ? ` [trace ${problem.traceId}]` : '';
  return {
    ...(typeof problem.type === 'string' ? { type: problem.type } : {}),
    message: `${status}${title}${detail}${fields ? ` (${fields})` : ''}${trace}`,
  };
}

/** The version in an ETag of this API (`"3"` or `W/"3"`). */
export function versionOfETag(etag: string | null): number | undefined {
  const match = etag?.match(/^(?:W\/)?"(\d+)"$/);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function ticketStateOf(value: unknown): TicketState {
  const ticket = (value ?? {}) as Partial<TicketState>;
  if (
    typeof ticket.id !== 'string' ||
    typeof ticket.number !== 'string' ||
    typeof ticket.status !== 'string' ||
    typeof ticket.version !== 'number'
  ) {
    throw new Error(`not a ticket: ${JSON.stringify(value).slice(0, 300)}`);
  }
  return { id: ticket.id, number: ticket.number, status: ticket.status, version: ticket.version };
}

/** The fields the seeder reads of each item of a list answer (`{ items: [...] }`). */
function itemsOf<T>(value: unknown, fields: readonly (keyof T & string)[], what: string): T[] {
  const items = (value as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw new Error(`not a list of ${what}: ${JSON.stringify(value)}`);
  return items.map((item: unknown) => recordOf<T>(item, fields, what));
}

function recordOf<T>(value: unknown, fields: readonly (keyof T & string)[], what: string): T {
  const record = (value ?? {}) as Record<string, unknown>;
  const missing = fields.filter((field) => record[field] === undefined);
  if (missing.length > 0) {
    throw new Error(`not a ${what} (no ${missing.join(', ')}): ${JSON.stringify(value)}`);
  }
  return Object.fromEntries(fields.map((field) => [field, record[field]])) as T;
}

const SERVICE_FIELDS = ['id', 'name', 'createdAt'] as const;
const CATEGORY_FIELDS = ['id', 'parentId', 'name'] as const;
const ITEM_FIELDS = ['id', 'serviceId', 'name'] as const;
const VIEW_FIELDS = ['id', 'ownerId', 'name', 'shared', 'filters', 'version'] as const;
const KNOWLEDGE_CATEGORY_FIELDS = ['id', 'parentId', 'name'] as const;
const ARTICLE_FIELDS = ['id', 'language', 'status', 'authorId', 'content'] as const;
const LINE_FIELDS = ['id', 'name', 'level'] as const;
const GROUP_FIELDS = ['id', 'name', 'lineId'] as const;
const AGENT_FIELDS = ['id', 'userId', 'displayName'] as const;
const CATEGORY_SKILLS_FIELDS = ['categoryId', 'skills'] as const;
const RULE_FIELDS = ['id', 'name'] as const;
const SETTINGS_FIELDS = ['classificationThreshold', 'defaultGroupId', 'version'] as const;
const MODEL_FIELDS = [
  'id',
  'trainedAt',
  'trainedOn',
  'heldOut',
  'categoryAccuracy',
  'groupAccuracy',
  'categories',
  'groups',
] as const;

const SESSION_FIELDS = ['accessToken'] as const;
const SERVICE_ACCOUNT_FIELDS = ['id', 'name'] as const;
const API_KEY_FIELDS = ['id', 'serviceAccountId', 'key'] as const;
const ORGANIZATION_FIELDS = ['id', 'name'] as const;
const USER_FIELDS = ['id', 'email', 'roles', 'organizationId'] as const;
const LOCATION_FIELDS = ['id', 'name', 'kind'] as const;
const CONFIGURATION_ITEM_FIELDS = ['id', 'type', 'name', 'externalId', 'asset', 'version'] as const;
const COMPLIANCE_FIELDS = ['licenceId', 'name', 'seats', 'assigned', 'compliant'] as const;
const TICKET_FIELDS = [
  'id',
  'number',
  'type',
  'title',
  'status',
  'version',
  'configurationItemIds',
] as const;

/** The most the article list answers in one page. */
const ARTICLE_PAGE_SIZE = 100;
/** The most the agent list answers in one page. */
const AGENT_PAGE_SIZE = 500;
/** The most the configuration item list answers in one page. */
const CONFIGURATION_ITEM_PAGE_SIZE = 500;
/** The most the ticket list answers in one page. */
const TICKET_PAGE_SIZE = 100;
/** The most the organisation list answers in one page. */
const ORGANIZATION_PAGE_SIZE = 200;
/** The most the user list answers in one page. */
const USER_PAGE_SIZE = 100;

function articleOf(value: unknown): ArticleRecord {
  const article = recordOf<ArticleRecord>(value, ARTICLE_FIELDS, 'article');
  if (typeof article.content.title !== 'string') {
    throw new Error(`not an article (no content.title): ${JSON.stringify(value).slice(0, 300)}`);
  }
  return { ...article, content: { title: article.content.title } };
}

function configurationItemOf(value: unknown): ConfigurationItemRecord {
  const item = recordOf<ConfigurationItemRecord>(value, CONFIGURATION_ITEM_FIELDS, 'item');
  if (typeof item.version !== 'number') {
    throw new Error(`not an item (no version): ${JSON.stringify(value).slice(0, 300)}`);
  }
  const asset: unknown = item.asset;
  if (asset === null) return item;
  const { state, holderId, locationId } = (asset ?? {}) as Partial<Record<string, unknown>>;
  if (typeof state !== 'string') {
    throw new Error(`not an item (no asset.state): ${JSON.stringify(value).slice(0, 300)}`);
  }
  return {
    ...item,
    asset: {
      state: state as AssetState,
      holderId: typeof holderId === 'string' ? holderId : null,
      locationId: typeof locationId === 'string' ? locationId : null,
    },
  };
}

function ticketRecordOf(value: unknown): TicketRecord {
  const ticket = recordOf<TicketRecord>(value, TICKET_FIELDS, 'ticket');
  if (typeof ticket.version !== 'number' || !Array.isArray(ticket.configurationItemIds)) {
    throw new Error(`not a ticket: ${JSON.stringify(value).slice(0, 300)}`);
  }
  return ticket;
}

function accuracyOf(value: unknown): ClassifierAccuracy | undefined {
  const { accuracy, evaluated, correct } = (value ?? {}) as Partial<Record<string, unknown>>;
  return typeof accuracy === 'number' &&
    typeof evaluated === 'number' &&
    typeof correct === 'number'
    ? { accuracy, evaluated, correct }
    : undefined;
}

function classifierModelOf(value: unknown): ClassifierModelRecord {
  const model = recordOf<ClassifierModelRecord>(value, MODEL_FIELDS, 'classifier model');
  const categoryAccuracy = accuracyOf(model.categoryAccuracy);
  const groupAccuracy = accuracyOf(model.groupAccuracy);
  if (
    !categoryAccuracy ||
    !groupAccuracy ||
    typeof model.trainedOn !== 'number' ||
    typeof model.heldOut !== 'number'
  ) {
    throw new Error(`not a classifier model: ${JSON.stringify(value).slice(0, 300)}`);
  }
  return { ...model, categoryAccuracy, groupAccuracy };
}

export type Fetch = typeof fetch;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who the client calls as: nobody (signing in), a signed-in user, or an integration's key. */
export type Credentials =
  | { kind: 'anonymous' }
  | { kind: 'bearer'; accessToken: string }
  | { kind: 'api-key'; key: string };

/** The header that carries the credentials; the gateway answers 401 without one. */
export function authorizationHeaders(credentials: Credentials): Record<string, string> {
  switch (credentials.kind) {
    case 'anonymous':
      return {};
    case 'bearer':
      return { Authorization: `Bearer ${credentials.accessToken}` };
    case 'api-key':
      return { 'X-API-Key': credentials.key };
    default:
      return assertUnreachable(credentials, 'credentials');
  }
}

export interface GatewayClientOptions {
  /** How long one request may take. */
  timeoutMs?: number;
  credentials?: Credentials;
  /** How often a request refused with 429 is sent again, each after the Retry-After it was told. */
  rateLimitRetries?: number;
  /** Waits; tests pass one that does not. */
  sleep?: (ms: number) => Promise<void>;
}

/** The longest Retry-After the client waits out; a longer one is the gateway's mistake. */
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * How long a 429 asks the client to wait: Retry-After in seconds or as an HTTP date; absent or
 * unreadable, a second.
 */
export function retryAfterMs(header: string | null, now: Date): number {
  if (header === null) return 1_000;
  const value = header.trim();
  const seconds = /^\d+$/.test(value) ? Number(value) * 1_000 : Date.parse(value) - now.getTime();
  if (Number.isNaN(seconds)) return 1_000;
  return Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER_MS);
}

/**
 * The gateway's REST API over Node's fetch (keep-alive by default). The gateway limits how
 * often one caller calls; a request it refuses with 429 waits as long as it is told and goes
 * again (the refusal comes before any work, so every request may be repeated).
 */
export class GatewayClient
  implements
    DemoApi,
    KnowledgeApi,
    RoutingApi,
    CmdbApi,
    TicketEditApi,
    SessionApi,
    ServiceAccountApi,
    DirectoryApi
{
  private readonly apiUrl: string;
  private readonly ticketsUrl: string;
  private readonly routingUrl: string;
  private readonly cmdbUrl: string;
  private readonly timeoutMs: number;
  private readonly credentials: Credentials;
  private readonly rateLimitRetries: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly baseUrl: string,
    private readonly fetchImpl: Fetch = fetch,
    private readonly options: GatewayClientOptions = {},
  ) {
    this.apiUrl = `${baseUrl.replace(/\/+$/, '')}/api/v1`;
    this.ticketsUrl = `${this.apiUrl}/tickets`;
    this.routingUrl = `${this.apiUrl}/routing`;
    this.cmdbUrl = `${this.apiUrl}/cmdb`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.credentials = options.credentials ?? { kind: 'anonymous' };
    this.rateLimitRetries = options.rateLimitRetries ?? 100;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** The same gateway, called as someone else. */
  as(credentials: Credentials): GatewayClient {
    return new GatewayClient(this.baseUrl, this.fetchImpl, { ...this.options, credentials });
  }

  async signIn(body: SignInBody): Promise<SessionRecord> {
    const response = await this.send('POST', `${this.apiUrl}/auth/sign-in`, body, {});
    return recordOf<SessionRecord>(await response.json(), SESSION_FIELDS, 'session');
  }

  async signOut(): Promise<void> {
    await (await this.send('POST', `${this.apiUrl}/auth/sign-out`, undefined, {})).arrayBuffer();
  }

  async listServiceAccounts(): Promise<ServiceAccountRecord[]> {
    const response = await this.send('GET', `${this.apiUrl}/service-accounts`, undefined, {});
    return itemsOf<ServiceAccountRecord>(
      await response.json(),
      SERVICE_ACCOUNT_FIELDS,
      'service account',
    );
  }

  async createServiceAccount(body: CreateServiceAccountBody): Promise<ServiceAccountRecord> {
    const response = await this.send('POST', `${this.apiUrl}/service-accounts`, body, {});
    return recordOf<ServiceAccountRecord>(
      await response.json(),
      SERVICE_ACCOUNT_FIELDS,
      'service account',
    );
  }

  async createApiKey(
    serviceAccountId: string,
    body: CreateApiKeyBody,
  ): Promise<CreatedApiKeyRecord> {
    const url = `${this.apiUrl}/service-accounts/${encodeURIComponent(serviceAccountId)}/api-keys`;
    const response = await this.send('POST', url, body, {});
    return recordOf<CreatedApiKeyRecord>(await response.json(), API_KEY_FIELDS, 'API key');
  }

  async revokeApiKey(serviceAccountId: string, keyId: string): Promise<void> {
    const url =
      `${this.apiUrl}/service-accounts/${encodeURIComponent(serviceAccountId)}` +
      `/api-keys/${encodeURIComponent(keyId)}`;
    await (await this.send('DELETE', url, undefined, {})).arrayBuffer();
  }

  async listOrganizations(): Promise<OrganizationRecord[]> {
    const organizations: OrganizationRecord[] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ limit: String(ORGANIZATION_PAGE_SIZE) });
      if (cursor !== null) query.set('cursor', cursor);
      const url = `${this.apiUrl}/organizations?${query.toString()}`;
      const page = (await (await this.send('GET', url, undefined, {})).json()) as {
        nextCursor?: unknown;
      };
      organizations.push(...itemsOf<OrganizationRecord>(page, ORGANIZATION_FIELDS, 'organization'));
      cursor = typeof page.nextCursor === 'string' ? page.nextCursor : null;
    } while (cursor !== null);
    return organizations;
  }

  async createOrganization(body: CreateOrganizationBody): Promise<OrganizationRecord> {
    const response = await this.send('POST', `${this.apiUrl}/organizations`, body, {});
    return recordOf<OrganizationRecord>(await response.json(), ORGANIZATION_FIELDS, 'organization');
  }

  async searchUsers(text: string): Promise<UserRecord[]> {
    const query = new URLSearchParams({ query: text, limit: String(USER_PAGE_SIZE) });
    const url = `${this.apiUrl}/users?${query.toString()}`;
    const response = await this.send('GET', url, undefined, {});
    return itemsOf<UserRecord>(await response.json(), USER_FIELDS, 'user');
  }

  async createUser(body: CreateUserBody): Promise<UserRecord> {
    const response = await this.send('POST', `${this.apiUrl}/users`, body, {});
    return recordOf<UserRecord>(await response.json(), USER_FIELDS, 'user');
  }

  async createTicket(idempotencyKey: string, body: CreateTicketBody): Promise<Opened> {
    const response = await this.send('POST', this.ticketsUrl, body, {
      'Idempotency-Key': idempotencyKey,
    });
    return openedOf(response);
  }

  async requestCatalogItem(
    itemId: string,
    idempotencyKey: string,
    body: RequestCatalogItemBody,
  ): Promise<Opened> {
    const url = `${this.apiUrl}/catalog/items/${encodeURIComponent(itemId)}/requests`;
    const response = await this.send('POST', url, body, { 'Idempotency-Key': idempotencyKey });
    return openedOf(response);
  }

  async getTicket(ticketId: string): Promise<TicketState> {
    const url = `${this.ticketsUrl}/${encodeURIComponent(ticketId)}`;
    return ticketStateOf(await (await this.send('GET', url, undefined, {})).json());
  }

  async transition(ticketId: string, version: number, body: TransitionBody): Promise<TicketState> {
    const response = await this.send('POST', `${this.ticketsUrl}/${ticketId}/transitions`, body, {
      'If-Match': `"${version}"`,
    });
    return ticketStateOf(await response.json());
  }

  async comment(
    ticketId: string,
    idempotencyKey: string,
    body: CommentBody,
  ): Promise<{ version: number | undefined; replayed: boolean }> {
    const response = await this.send('POST', `${this.ticketsUrl}/${ticketId}/comments`, body, {
      'Idempotency-Key': idempotencyKey,
    });
    // The body is the comment; the ticket's version comes as the ETag.
    await response.arrayBuffer();
    return {
      version: versionOfETag(response.headers.get('ETag')),
      replayed: response.headers.get('Idempotent-Replayed') === 'true',
    };
  }

  async vote(ticketId: string, body: VoteBody): Promise<TicketState> {
    const response = await this.send(
      'POST',
      `${this.ticketsUrl}/${ticketId}/approval/votes`,
      body,
      {},
    );
    const answer = (await response.json()) as { ticket?: unknown };
    return ticketStateOf(answer.ticket);
  }

  async watch(ticketId: string, watcherId: string, actorId: string): Promise<TicketState> {
    const url =
      `${this.ticketsUrl}/${ticketId}/watchers/${encodeURIComponent(watcherId)}` +
      `?actorId=${encodeURIComponent(actorId)}`;
    return ticketStateOf(await (await this.send('PUT', url, undefined, {})).json());
  }

  async rate(ticketId: string, body: RateBody): Promise<TicketState> {
    const url = `${this.ticketsUrl}/${ticketId}/satisfaction`;
    return ticketStateOf(await (await this.send('POST', url, body, {})).json());
  }

  async relate(ticketId: string, body: RelationBody): Promise<{ created: boolean }> {
    const response = await this.send('POST', `${this.ticketsUrl}/${ticketId}/relations`, body, {});
    await response.arrayBuffer();
    // 200 answers a relation that existed already.
    return { created: response.status === 201 };
  }

  async listServices(): Promise<ServiceRecord[]> {
    const response = await this.send('GET', `${this.apiUrl}/catalog/services`, undefined, {});
    return itemsOf<ServiceRecord>(await response.json(), SERVICE_FIELDS, 'service');
  }

  async createService(body: CreateServiceBody): Promise<ServiceRecord> {
    const response = await this.send('POST', `${this.apiUrl}/catalog/services`, body, {});
    return recordOf<ServiceRecord>(await response.json(), SERVICE_FIELDS, 'service');
  }

  async listCategories(): Promise<CategoryRecord[]> {
    const response = await this.send('GET', `${this.apiUrl}/catalog/categories`, undefined, {});
    return itemsOf<CategoryRecord>(await response.json(), CATEGORY_FIELDS, 'category');
  }

  async createCategory(body: CreateCategoryBody): Promise<CategoryRecord> {
    const response = await this.send('POST', `${this.apiUrl}/catalog/categories`, body, {});
    return recordOf<CategoryRecord>(await response.json(), CATEGORY_FIELDS, 'category');
  }

  async listCatalogItems(): Promise<CatalogItemRecord[]> {
    const url = `${this.apiUrl}/catalog/items?includeInactive=true`;
    const response = await this.send('GET', url, undefined, {});
    return itemsOf<CatalogItemRecord>(await response.json(), ITEM_FIELDS, 'catalog item');
  }

  async createCatalogItem(body: CreateCatalogItemBody): Promise<CatalogItemRecord> {
    const response = await this.send('POST', `${this.apiUrl}/catalog/items`, body, {});
    return recordOf<CatalogItemRecord>(await response.json(), ITEM_FIELDS, 'catalog item');
  }

  async listViews(ownerId: string): Promise<ViewRecord[]> {
    const url = `${this.apiUrl}/views?ownerId=${encodeURIComponent(ownerId)}`;
    const response = await this.send('GET', url, undefined, {});
    return itemsOf<ViewRecord>(await response.json(), VIEW_FIELDS, 'view');
  }

  async createView(body: CreateViewBody): Promise<ViewRecord> {
    const response = await this.send('POST', `${this.apiUrl}/views`, body, {});
    return recordOf<ViewRecord>(await response.json(), VIEW_FIELDS, 'view');
  }

  async updateView(viewId: string, version: number, body: UpdateViewBody): Promise<ViewRecord> {
    const url = `${this.apiUrl}/views/${encodeURIComponent(viewId)}`;
    const response = await this.send('PUT', url, body, { 'If-Match': `"${version}"` });
    return recordOf<ViewRecord>(await response.json(), VIEW_FIELDS, 'view');
  }

  async listKnowledgeCategories(): Promise<KnowledgeCategoryRecord[]> {
    const url = `${this.apiUrl}/knowledge/categories`;
    const response = await this.send('GET', url, undefined, {});
    return itemsOf<KnowledgeCategoryRecord>(
      await response.json(),
      KNOWLEDGE_CATEGORY_FIELDS,
      'knowledge category',
    );
  }

  async createKnowledgeCategory(
    body: CreateKnowledgeCategoryBody,
  ): Promise<KnowledgeCategoryRecord> {
    const response = await this.send('POST', `${this.apiUrl}/knowledge/categories`, body, {});
    return recordOf<KnowledgeCategoryRecord>(
      await response.json(),
      KNOWLEDGE_CATEGORY_FIELDS,
      'knowledge category',
    );
  }

  async listArticlesBy(authorId: string): Promise<ArticleRecord[]> {
    const articles: ArticleRecord[] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ authorId, limit: String(ARTICLE_PAGE_SIZE) });
      if (cursor !== null) query.set('cursor', cursor);
      const url = `${this.apiUrl}/knowledge/articles?${query.toString()}`;
      const page = (await (await this.send('GET', url, undefined, {})).json()) as {
        nextCursor?: unknown;
      };
      articles.push(...itemsOf<ArticleRecord>(page, ARTICLE_FIELDS, 'article').map(articleOf));
      cursor = typeof page.nextCursor === 'string' ? page.nextCursor : null;
    } while (cursor !== null);
    return articles;
  }

  async createArticle(body: CreateArticleBody): Promise<ArticleRecord> {
    const response = await this.send('POST', `${this.apiUrl}/knowledge/articles`, body, {});
    return articleOf(await response.json());
  }

  async transitionArticle(articleId: string, body: ArticleTransitionBody): Promise<ArticleRecord> {
    const url = `${this.apiUrl}/knowledge/articles/${encodeURIComponent(articleId)}/transitions`;
    // A TransitionResultDto: the article, and the version an approval published.
    const answer = (await (await this.send('POST', url, body, {})).json()) as { article?: unknown };
    return articleOf(answer.article);
  }

  async listSupportLines(): Promise<SupportLineRecord[]> {
    const response = await this.send('GET', `${this.routingUrl}/lines`, undefined, {});
    return itemsOf<SupportLineRecord>(await response.json(), LINE_FIELDS, 'support line');
  }

  async createSupportLine(body: CreateSupportLineBody): Promise<SupportLineRecord> {
    const response = await this.send('POST', `${this.routingUrl}/lines`, body, {});
    return recordOf<SupportLineRecord>(await response.json(), LINE_FIELDS, 'support line');
  }

  async listSupportGroups(): Promise<SupportGroupRecord[]> {
    const response = await this.send('GET', `${this.routingUrl}/groups`, undefined, {});
    return itemsOf<SupportGroupRecord>(await response.json(), GROUP_FIELDS, 'support group');
  }

  async createSupportGroup(body: CreateSupportGroupBody): Promise<SupportGroupRecord> {
    const response = await this.send('POST', `${this.routingUrl}/groups`, body, {});
    return recordOf<SupportGroupRecord>(await response.json(), GROUP_FIELDS, 'support group');
  }

  async listAgents(): Promise<AgentRecord[]> {
    const agents: AgentRecord[] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ limit: String(AGENT_PAGE_SIZE) });
      if (cursor !== null) query.set('cursor', cursor);
      const url = `${this.routingUrl}/agents?${query.toString()}`;
      const page = (await (await this.send('GET', url, undefined, {})).json()) as {
        nextCursor?: unknown;
      };
      agents.push(...itemsOf<AgentRecord>(page, AGENT_FIELDS, 'agent'));
      cursor = typeof page.nextCursor === 'string' ? page.nextCursor : null;
    } while (cursor !== null);
    return agents;
  }

  async createAgent(body: CreateAgentBody): Promise<AgentRecord> {
    const response = await this.send('POST', `${this.routingUrl}/agents`, body, {});
    return recordOf<AgentRecord>(await response.json(), AGENT_FIELDS, 'agent');
  }

  async listCategorySkills(): Promise<CategorySkillsRecord[]> {
    const url = `${this.routingUrl}/category-skills`;
    const response = await this.send('GET', url, undefined, {});
    return itemsOf<CategorySkillsRecord>(
      await response.json(),
      CATEGORY_SKILLS_FIELDS,
      'category skills',
    );
  }

  async setCategorySkills(
    categoryId: string,
    body: SetCategorySkillsBody,
  ): Promise<CategorySkillsRecord> {
    const url = `${this.routingUrl}/category-skills/${encodeURIComponent(categoryId)}`;
    const response = await this.send('PUT', url, body, {});
    return recordOf<CategorySkillsRecord>(
      await response.json(),
      CATEGORY_SKILLS_FIELDS,
      'category skills',
    );
  }

  async listRoutingRules(): Promise<RoutingRuleRecord[]> {
    const url = `${this.routingUrl}/rules?includeDisabled=true`;
    const response = await this.send('GET', url, undefined, {});
    return itemsOf<RoutingRuleRecord>(await response.json(), RULE_FIELDS, 'routing rule');
  }

  async createRoutingRule(body: CreateRoutingRuleBody): Promise<RoutingRuleRecord> {
    const response = await this.send('POST', `${this.routingUrl}/rules`, body, {});
    return recordOf<RoutingRuleRecord>(await response.json(), RULE_FIELDS, 'routing rule');
  }

  async getRoutingSettings(): Promise<RoutingSettingsRecord> {
    const response = await this.send('GET', `${this.routingUrl}/settings`, undefined, {});
    return recordOf<RoutingSettingsRecord>(
      await response.json(),
      SETTINGS_FIELDS,
      'routing settings',
    );
  }

  async updateRoutingSettings(
    version: number,
    body: UpdateRoutingSettingsBody,
  ): Promise<RoutingSettingsRecord> {
    const response = await this.send('PUT', `${this.routingUrl}/settings`, body, {
      'If-Match': `"${version}"`,
    });
    return recordOf<RoutingSettingsRecord>(
      await response.json(),
      SETTINGS_FIELDS,
      'routing settings',
    );
  }

  async trainClassifier(body: TrainClassifierBody): Promise<ClassifierModelRecord> {
    const url = `${this.routingUrl}/classifier/training`;
    return classifierModelOf(await (await this.send('POST', url, body, {})).json());
  }

  async listLocations(): Promise<LocationRecord[]> {
    const response = await this.send('GET', `${this.cmdbUrl}/locations`, undefined, {});
    return itemsOf<LocationRecord>(await response.json(), LOCATION_FIELDS, 'location');
  }

  async createLocation(body: CreateLocationBody): Promise<LocationRecord> {
    const response = await this.send('POST', `${this.cmdbUrl}/locations`, body, {});
    return recordOf<LocationRecord>(await response.json(), LOCATION_FIELDS, 'location');
  }

  async listConfigurationItems(
    filter: ConfigurationItemFilter,
  ): Promise<ConfigurationItemRecord[]> {
    const items: ConfigurationItemRecord[] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({
        type: filter.type,
        limit: String(CONFIGURATION_ITEM_PAGE_SIZE),
      });
      if (filter.q !== undefined) query.set('q', filter.q);
      if (cursor !== null) query.set('cursor', cursor);
      const url = `${this.cmdbUrl}/items?${query.toString()}`;
      const page = (await (await this.send('GET', url, undefined, {})).json()) as {
        items?: unknown;
        nextCursor?: unknown;
      };
      if (!Array.isArray(page.items)) {
        throw new Error(`not a list of items: ${JSON.stringify(page).slice(0, 300)}`);
      }
      items.push(...page.items.map(configurationItemOf));
      cursor = typeof page.nextCursor === 'string' ? page.nextCursor : null;
    } while (cursor !== null);
    return items;
  }

  async createConfigurationItem(
    idempotencyKey: string,
    body: CreateConfigurationItemBody,
  ): Promise<ConfigurationItemRecord> {
    const response = await this.send('POST', `${this.cmdbUrl}/items`, body, {
      'Idempotency-Key': idempotencyKey,
    });
    return configurationItemOf(await response.json());
  }

  async changeAsset(
    itemId: string,
    version: number,
    body: AssetActionBody,
  ): Promise<ConfigurationItemRecord> {
    const url = `${this.cmdbUrl}/items/${encodeURIComponent(itemId)}/asset-actions`;
    // An AssetActionResultDto: the asset as it is now, and the line of the stock journal.
    const answer = (await (
      await this.send('POST', url, body, { 'If-Match': `"${version}"` })
    ).json()) as { item?: unknown };
    return configurationItemOf(answer.item);
  }

  async relateItems(body: CreateRelationshipBody): Promise<{ created: boolean }> {
    const response = await this.send('POST', `${this.cmdbUrl}/relationships`, body, {});
    await response.arrayBuffer();
    // 200 answers a relationship that existed already.
    return { created: response.status === 201 };
  }

  async licenceCompliance(): Promise<LicenceComplianceRecord[]> {
    const url = `${this.cmdbUrl}/licences/compliance`;
    const response = await this.send('GET', url, undefined, {});
    return itemsOf<LicenceComplianceRecord>(
      await response.json(),
      COMPLIANCE_FIELDS,
      'licence compliance',
    );
  }

  async listTickets(filter: TicketFilter): Promise<TicketRecord[]> {
    const tickets: TicketRecord[] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ limit: String(TICKET_PAGE_SIZE) });
      for (const name of ['type', 'status', 'q'] as const) {
        const value = filter[name];
        if (value !== undefined) query.set(name, value);
      }
      if (cursor !== null) query.set('cursor', cursor);
      const url = `${this.ticketsUrl}?${query.toString()}`;
      const page = (await (await this.send('GET', url, undefined, {})).json()) as {
        items?: unknown;
        nextCursor?: unknown;
      };
      if (!Array.isArray(page.items)) {
        throw new Error(`not a list of tickets: ${JSON.stringify(page).slice(0, 300)}`);
      }
      tickets.push(...page.items.map(ticketRecordOf));
      cursor = typeof page.nextCursor === 'string' ? page.nextCursor : null;
    } while (cursor !== null);
    return tickets;
  }

  async updateTicket(
    ticketId: string,
    version: number,
    body: UpdateTicketBody,
  ): Promise<TicketRecord> {
    const url = `${this.ticketsUrl}/${encodeURIComponent(ticketId)}`;
    const response = await this.send('PATCH', url, body, { 'If-Match': `"${version}"` });
    return ticketRecordOf(await response.json());
  }

  private async send(
    method: Method,
    url: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<Response> {
    for (let retry = 0; ; retry += 1) {
      const response = await this.sendOnce(method, url, body, headers);
      if (response.status !== 429 || retry >= this.rateLimitRetries)
        return this.checked(method, url, response);
      await response.arrayBuffer();
      await this.sleep(retryAfterMs(response.headers.get('Retry-After'), new Date()));
    }
  }

  private async checked(method: Method, url: string, response: Response): Promise<Response> {
    if (!response.ok) {
      const { type, message } = describeProblem(response.status, await response.text());
      throw new ApiProblemError(response.status, type, `${method} ${url} answered ${message}`);
    }
    return response;
  }

  private async sendOnce(
    method: Method,
    url: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<Response> {
    try {
      return await this.fetchImpl(url, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...authorizationHeaders(this.credentials),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const cause =
        error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      throw new Error(
        `${method} ${url} failed: ${error instanceof Error ? error.message : String(error)}${cause}`,
      );
    }
  }
}

async function openedOf(response: Response): Promise<Opened> {
  return {
    ticket: ticketStateOf(await response.json()),
    replayed: response.headers.get('Idempotent-Replayed') === 'true',
  };
}
