// The request bodies and answers of the public REST API the seeder uses, as
// services/gateway/openapi.json describes them. Only the fields the seeder sends or reads.

import type { IntegrationScope, Role } from '@itsm/auth';

export type Language = 'ru' | 'en';
export type TicketType = 'incident' | 'service_request' | 'problem' | 'change';
export type Level = 'high' | 'medium' | 'low';
export type Channel = 'portal' | 'email' | 'phone' | 'chat' | 'api' | 'web_form';
export type PendingReason = 'awaiting_customer' | 'awaiting_vendor' | 'awaiting_change';
export type ChangeKind = 'standard' | 'normal' | 'emergency';
export type ImplementationOutcome = 'successful' | 'partially_successful' | 'failed' | 'backed_out';

export type IncidentStatus =
  'new' | 'assigned' | 'in_progress' | 'pending' | 'resolved' | 'closed' | 'cancelled';
export type ProblemStatus =
  'new' | 'investigating' | 'known_error' | 'resolved' | 'closed' | 'cancelled';
export type ChangeStatus =
  | 'draft'
  | 'assessment'
  | 'approval'
  | 'scheduled'
  | 'implementing'
  | 'review'
  | 'closed'
  | 'rejected'
  | 'cancelled';
export type TicketStatus = IncidentStatus | ProblemStatus | ChangeStatus;

export type TicketAction =
  | 'assign'
  | 'start'
  | 'pend'
  | 'resume'
  | 'resolve'
  | 'close'
  | 'reopen'
  | 'cancel'
  | 'investigate'
  | 'record_known_error'
  | 'submit'
  | 'request_approval'
  | 'schedule'
  | 'reject'
  | 'revise'
  | 'start_implementation'
  | 'complete';

/** POST /api/v1/tickets (CreateTicketDto). */
export interface CreateTicketBody {
  type: TicketType;
  title: string;
  description: string;
  impact: Level;
  urgency: Level;
  channel: Channel;
  requesterId: string;
  organizationId?: string;
  changeKind?: ChangeKind;
  configurationItemIds?: string[];
  /** When the requester reported it, at most 30 days back (checked only when it opens). */
  reportedAt?: string;
  tags?: string[];
  serviceId?: string;
  categoryId?: string;
  /** The values of the category's form. */
  customFields?: FormValues;
}

/** A JSON Schema (2020-12) of a form; the API takes any object with "type": "object". */
export type FormSchema = Readonly<Record<string, unknown>>;
/** What a requester filled in on a form, by field name. */
export type FormValues = Readonly<Record<string, unknown>>;

/** POST /api/v1/catalog/items/{id}/requests (RequestCatalogItemDto). */
export interface RequestCatalogItemBody {
  requesterId: string;
  organizationId?: string;
  fields: FormValues;
  title?: string;
  description?: string;
  channel?: Channel;
}

/** POST /api/v1/tickets/{id}/satisfaction (RateTicketDto). */
export interface RateBody {
  requesterId: string;
  rating: 1 | 2 | 3 | 4 | 5;
  comment?: string;
}

export type RelationKind = 'caused_by' | 'child_of' | 'relates_to' | 'duplicate_of';

/** POST /api/v1/tickets/{id}/relations: "this ticket <kind> target". */
export interface RelationBody {
  kind: RelationKind;
  targetId: string;
  actorId: string;
}

/** POST /api/v1/catalog/services (CreateServiceDto). */
export interface CreateServiceBody {
  name: string;
  description: string;
  ownerGroupId: string;
}

/** POST /api/v1/catalog/categories (CreateCategoryDto). */
export interface CreateCategoryBody {
  parentId?: string;
  name: string;
  formSchema?: FormSchema;
}

/** POST /api/v1/catalog/items (CreateCatalogItemDto). */
export interface CreateCatalogItemBody {
  serviceId: string;
  name: string;
  description: string;
  formSchema: FormSchema;
  defaultCategoryId: string;
  defaultImpact: Level;
  defaultUrgency: Level;
  fulfilmentGroupId: string;
}

/** What the seeder reads back from a ServiceDto. */
export interface ServiceRecord {
  id: string;
  name: string;
  createdAt: string;
}

/** What the seeder reads back from a CategoryDto. */
export interface CategoryRecord {
  id: string;
  parentId: string | null;
  name: string;
}

/** What the seeder reads back from a CatalogItemDto. */
export interface CatalogItemRecord {
  id: string;
  serviceId: string;
  name: string;
}

/** The list query a saved view keeps (TicketFiltersDto); only what the demo's views use. */
export interface ViewFilters {
  type?: TicketType;
  status?: TicketStatus;
  priority?: 'critical' | 'high' | 'medium' | 'low' | 'planning';
  assignmentGroupId?: string;
  assigneeId?: string;
  serviceId?: string;
  tag?: string[];
  sort?: '-createdAt' | 'createdAt' | '-updatedAt' | 'updatedAt' | '-priority' | 'priority';
}

/** POST /api/v1/views (CreateViewDto). */
export interface CreateViewBody {
  ownerId: string;
  name: string;
  shared: boolean;
  filters: ViewFilters;
}

/** PUT /api/v1/views/{id} (UpdateViewDto): the view replaced as a whole. */
export interface UpdateViewBody {
  ownerId: string;
  name: string;
  shared: boolean;
  filters: ViewFilters;
}

/** What the seeder reads back from a ViewDto; `version` is also its ETag. */
export interface ViewRecord {
  id: string;
  ownerId: string;
  name: string;
  shared: boolean;
  filters: ViewFilters;
  version: number;
}

/** POST /api/v1/tickets/{id}/transitions (TransitionTicketDto). */
export interface TransitionBody {
  action: TicketAction;
  actorId: string;
  assigneeId?: string;
  assignmentGroupId?: string;
  pendingReason?: PendingReason;
  resolutionCode?: string;
  resolutionNotes?: string;
  rootCause?: string;
  workaround?: string;
  risk?: Level;
  impact?: Level;
  backoutPlan?: string;
  plannedStart?: string;
  plannedEnd?: string;
  approverIds?: string[];
  cabGroupId?: string;
  quorum?: 'any' | 'all';
  implementationOutcome?: ImplementationOutcome;
  implementationNotes?: string;
}

/** POST /api/v1/tickets/{id}/comments (CreateCommentDto). */
export interface CommentBody {
  authorId: string;
  visibility: 'public' | 'internal';
  body: string;
}

/** POST /api/v1/tickets/{id}/approval/votes (CastVoteDto). */
export interface VoteBody {
  approverId: string;
  decision: 'approve' | 'reject';
  comment?: string;
  cabGroupId?: string;
}

/** What the seeder reads back from a TicketDto. */
export interface TicketState {
  id: string;
  number: string;
  status: TicketStatus;
  version: number;
}

export type ArticleAudience = 'public' | 'internal';
export type ArticleStatus = 'draft' | 'in_review' | 'published' | 'archived';
export type ArticleAction = 'submit' | 'approve' | 'send_back' | 'publish' | 'archive';

/** POST /api/v1/knowledge/categories (CreateKnowledgeCategoryDto). */
export interface CreateKnowledgeCategoryBody {
  name: string;
  parentId?: string;
  actorId: string;
}

/** What the seeder reads back from a KnowledgeCategoryDto. */
export interface KnowledgeCategoryRecord {
  id: string;
  parentId: string | null;
  name: string;
}

/** POST /api/v1/knowledge/articles (CreateArticleDto). */
export interface CreateArticleBody {
  language: Language;
  title: string;
  /** Markdown. */
  body: string;
  audience: ArticleAudience;
  categoryId?: string;
  tags?: string[];
  authorId: string;
  /** The article this one translates: both join one translation group. */
  translationOf?: string;
}

/** POST /api/v1/knowledge/articles/{id}/transitions (TransitionArticleDto). */
export interface ArticleTransitionBody {
  action: ArticleAction;
  actorId: string;
  comment?: string;
}

/**
 * What the seeder reads back from an ArticleDto (alone, or as the `article` of a
 * TransitionResultDto): the working copy's title is in content.
 */
export interface ArticleRecord {
  id: string;
  language: Language;
  status: ArticleStatus;
  authorId: string;
  content: { title: string };
}

// Routing (/api/v1/routing/*): the support organisation, its rules and the classifier.

export type AssignmentStrategy = 'round_robin' | 'least_loaded' | 'skills_match';
export type AgentAvailability = 'online' | 'away' | 'off';
export type Weekday =
  'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

/** POST /api/v1/routing/lines (WriteSupportLineDto). */
export interface CreateSupportLineBody {
  name: string;
  /** 1 (service desk) to 9; escalation goes up. */
  level: number;
}

/** What the seeder reads back from a SupportLineDto. */
export interface SupportLineRecord {
  id: string;
  name: string;
  level: number;
}

/** POST /api/v1/routing/groups (WriteSupportGroupDto). */
export interface CreateSupportGroupBody {
  name: string;
  lineId: string;
  strategy: AssignmentStrategy;
  supervisorId?: string;
  escalationGroupId?: string;
  escalateOnSlaWarning?: boolean;
  autoAssign?: boolean;
}

/** What the seeder reads back from a SupportGroupDto. */
export interface SupportGroupRecord {
  id: string;
  name: string;
  lineId: string;
}

/** A skill and its level, 1 (basic) to 5 (expert) (SkillLevelDto). */
export interface SkillLevel {
  name: string;
  level: number;
}

/** A working window on a weekday, local times HH:mm (ShiftWindowDto). */
export interface ShiftWindow {
  weekday: Weekday;
  start: string;
  end: string;
}

/** When an agent works, in an IANA time zone (WorkingShiftDto). */
export interface WorkingShift {
  timeZone: string;
  windows: ShiftWindow[];
}

/** POST /api/v1/routing/agents (WriteAgentDto). */
export interface CreateAgentBody {
  userId: string;
  displayName: string;
  groupIds: string[];
  skills: SkillLevel[];
  capacity: number;
  availability: AgentAvailability;
  /** Absent: always on shift. */
  shift?: WorkingShift;
}

/** What the seeder reads back from an AgentDto. */
export interface AgentRecord {
  id: string;
  userId: string;
  displayName: string;
}

/** PUT /api/v1/routing/category-skills/{categoryId} (SetCategorySkillsDto). */
export interface SetCategorySkillsBody {
  skills: SkillLevel[];
}

/** What the seeder reads back from a CategorySkillsDto. */
export interface CategorySkillsRecord {
  categoryId: string;
  skills: SkillLevel[];
}

/** A rule condition (RoutingRuleConditionDto); the demo's rules look at the category only. */
export interface RoutingRuleCondition {
  field: 'category';
  operator: 'in';
  /** Category ids. */
  values: string[];
}

/** POST /api/v1/routing/rules (WriteRoutingRuleDto). */
export interface CreateRoutingRuleBody {
  name: string;
  conditions: RoutingRuleCondition[];
  actions: { setGroupId: string; addTags?: string[] };
  stopProcessing?: boolean;
  actorId: string;
}

/** What the seeder reads back from a RoutingRuleDto. */
export interface RoutingRuleRecord {
  id: string;
  name: string;
}

/** PUT /api/v1/routing/settings (UpdateRoutingSettingsDto). */
export interface UpdateRoutingSettingsBody {
  classificationThreshold: number;
  defaultGroupId?: string;
}

/** What the seeder reads back from a RoutingSettingsDto; `version` is also its ETag. */
export interface RoutingSettingsRecord {
  classificationThreshold: number;
  defaultGroupId: string | null;
  version: number;
}

/** POST /api/v1/routing/classifier/training (TrainClassifierDto). */
export interface TrainClassifierBody {
  actorId: string;
  /** Share of the resolved tickets held out to measure accuracy; the API's default is 0.2. */
  holdoutShare?: number;
}

/** How well the classifier predicted the held-out tickets (ClassifierAccuracyDto). */
export interface ClassifierAccuracy {
  /** 0 to 1. */
  accuracy: number;
  evaluated: number;
  correct: number;
}

/** What the seeder reads back from a ClassifierModelDto. */
export interface ClassifierModelRecord {
  id: string;
  trainedAt: string;
  /** Resolved tickets the model learned from. */
  trainedOn: number;
  /** Resolved tickets held out to measure it. */
  heldOut: number;
  categoryAccuracy: ClassifierAccuracy;
  groupAccuracy: ClassifierAccuracy;
  /** Categories and groups the model knows. */
  categories: number;
  groups: number;
}

// The CMDB (/api/v1/cmdb/*): configuration items, their relationships, locations and assets.

export type LocationKind = 'warehouse' | 'office' | 'data_centre' | 'site';
export type CiStatus = 'planned' | 'active' | 'maintenance' | 'retired';
export type AssetState = 'ordered' | 'in_stock' | 'in_use' | 'in_repair' | 'retired' | 'disposed';
export type AssetAction =
  | 'receive'
  | 'assign'
  | 'return'
  | 'move'
  | 'send_to_repair'
  | 'back_from_repair'
  | 'retire'
  | 'dispose';
export type CiRelationshipType =
  'runs_on' | 'depends_on' | 'connected_to' | 'hosted_in' | 'uses_licence';
/** An attribute value of the demo's items: the default types' schemas take only these. */
export type AttributeValue = string | number | boolean;

/** POST /api/v1/cmdb/locations (CreateLocationDto). */
export interface CreateLocationBody {
  name: string;
  kind: LocationKind;
  parentId?: string;
  address?: string;
}

/** What the seeder reads back from a LocationDto. */
export interface LocationRecord {
  id: string;
  name: string;
  kind: LocationKind;
}

/** What an asset carries besides its attributes, as POST writes it (WriteAssetDetailsDto). */
export interface WriteAssetDetails {
  /** The state a new asset starts in; absent: in stock. */
  state?: AssetState;
  inventoryNumber?: string;
  serialNumber?: string;
  holderId?: string;
  locationId?: string;
  /** YYYY-MM-DD. */
  warrantyEnd?: string;
  /** YYYY-MM-DD. */
  contractEnd?: string;
  /** Licences only: seats owned. */
  seats?: number;
}

/** POST /api/v1/cmdb/items (WriteConfigurationItemDto). */
export interface CreateConfigurationItemBody {
  /** The key of its type. */
  type: string;
  name: string;
  /** Unique per type. */
  externalId?: string;
  /** Checked against the type's JSON Schema. */
  attributes?: Readonly<Record<string, AttributeValue>>;
  status?: CiStatus;
  ownerId?: string;
  /** A routing group id or a group name. */
  supportGroupId?: string;
  locationId?: string;
  asset?: WriteAssetDetails;
  actorId: string;
}

/** What the seeder reads of an item's asset details (AssetDetailsDto). */
export interface AssetRecord {
  state: AssetState;
  holderId: string | null;
  locationId: string | null;
}

/** What the seeder reads back from a ConfigurationItemDto; `version` is also its ETag. */
export interface ConfigurationItemRecord {
  id: string;
  type: string;
  name: string;
  externalId: string | null;
  /** null for items of types that are not assets or licences. */
  asset: AssetRecord | null;
  version: number;
}

/** The list filters of GET /api/v1/cmdb/items the seeder uses. */
export interface ConfigurationItemFilter {
  type: string;
  /** Name, external id, inventory or serial number containing this text. */
  q?: string;
}

/** POST /api/v1/cmdb/items/{id}/asset-actions (AssetActionDto). */
export interface AssetActionBody {
  action: AssetAction;
  /** `assign`: the person. */
  holderId?: string;
  /** `receive`, `return`, `move`, `back_from_repair`: where to; `assign`: where it goes, optional. */
  locationId?: string;
  reason?: string;
  actorId: string;
}

/** POST /api/v1/cmdb/relationships (CreateRelationshipDto): "source <type> target". */
export interface CreateRelationshipBody {
  sourceId: string;
  targetId: string;
  type: CiRelationshipType;
  actorId: string;
}

/** What the seeder reads of a licence's compliance (LicenceComplianceDto). */
export interface LicenceComplianceRecord {
  licenceId: string;
  name: string;
  seats: number;
  /** Items related to it by `uses_licence`. */
  assigned: number;
  compliant: boolean;
}

// Tickets as the CMDB step finds and edits them.

/** The list filters of GET /api/v1/tickets (ListTicketsQueryDto) the seeder uses. */
export interface TicketFilter {
  type?: TicketType;
  /** One status; the list takes no more than one at a time. */
  status?: TicketStatus;
  /** Words in the title or description; Russian and English word forms match. */
  q?: string;
}

/** What the seeder reads of a TicketDto in a list or after an edit. */
export interface TicketRecord {
  id: string;
  number: string;
  type: TicketType;
  title: string;
  status: TicketStatus;
  version: number;
  configurationItemIds: string[];
}

/** PATCH /api/v1/tickets/{id} (UpdateTicketDto); only what the seeder changes. */
export interface UpdateTicketBody {
  actorId: string;
  /** The whole new set of configuration items the ticket is about. */
  configurationItemIds?: string[];
}

// Identity (/api/v1/auth, /users, /organizations, /service-accounts): signing in as the
// administrator, the run's API key, and the demo's accounts.

/** POST /api/v1/auth/sign-in (SignInDto). */
export interface SignInBody {
  email: string;
  password: string;
}

/** What the seeder reads back from a SessionTokensDto. */
export interface SessionRecord {
  accessToken: string;
}

/** POST /api/v1/service-accounts (CreateServiceAccountDto). */
export interface CreateServiceAccountBody {
  name: string;
  description?: string;
}

/** What the seeder reads back from a ServiceAccountDto. */
export interface ServiceAccountRecord {
  id: string;
  name: string;
}

/** POST /api/v1/service-accounts/{id}/api-keys (CreateApiKeyDto). */
export interface CreateApiKeyBody {
  name: string;
  scopes: IntegrationScope[];
  /** An instant; absent: the key never expires. */
  expiresAt?: string;
}

/** What the seeder reads back from a CreatedApiKeyDto: `key` is shown this once only. */
export interface CreatedApiKeyRecord {
  id: string;
  serviceAccountId: string;
  key: string;
}

/** POST /api/v1/organizations (WriteOrganizationDto). */
export interface CreateOrganizationBody {
  name: string;
}

/** What the seeder reads back from an OrganizationDto. */
export interface OrganizationRecord {
  id: string;
  name: string;
}

/** POST /api/v1/users (CreateUserDto). */
export interface CreateUserBody {
  /** The id the demo's tickets and agents already use; absent: a new UUID. */
  id?: string;
  email: string;
  displayName: string;
  password: string;
  roles: Role[];
  organizationId?: string;
  language: Language;
  /** IANA time zone. */
  timeZone: string;
}

/** What the seeder reads back from a UserDto. */
export interface UserRecord {
  id: string;
  email: string;
  roles: Role[];
  organizationId: string | null;
}
