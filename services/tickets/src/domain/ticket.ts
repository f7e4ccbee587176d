import type {
  ChangeKind,
  ChangeRisk,
  ChangeStatus,
  ImplementationOutcome,
} from './change-lifecycle';
import { CHANGE_KINDS, CHANGE_STATUSES } from './change-lifecycle';
import {
  type Impact,
  type Priority,
  type PriorityMatrix,
  priorityOf,
  type Urgency,
} from './priority-matrix';
import { PROBLEM_STATUSES, type ProblemStatus } from './problem-lifecycle';
import { TicketError, TicketErrorCode, type FieldViolation } from './ticket-error';
import { DESCRIPTION_MAX_LENGTH, REFERENCE_MAX_LENGTH, TITLE_MAX_LENGTH } from './ticket-limits';
import { normalizeTags } from './ticket-tags';
import type { FormValues } from './service-catalog';
import type { PendingReason } from './ticket-lifecycle';
import { isUuid } from './identifiers';

export const TICKET_TYPES = ['incident', 'service_request', 'problem', 'change'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

/** The states of incidents and service requests. */
export const INCIDENT_STATUSES = [
  'new',
  'assigned',
  'in_progress',
  'pending',
  'resolved',
  'closed',
  'cancelled',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export type TicketStatus = IncidentStatus | ProblemStatus | ChangeStatus;

/** Every state of every type, each once, in lifecycle order. */
export const TICKET_STATUSES: readonly TicketStatus[] = [
  ...new Set<TicketStatus>([...INCIDENT_STATUSES, ...PROBLEM_STATUSES, ...CHANGE_STATUSES]),
];

/** The states a ticket of a type can be in. */
export const STATUSES_OF: Readonly<Record<TicketType, readonly TicketStatus[]>> = {
  incident: INCIDENT_STATUSES,
  service_request: INCIDENT_STATUSES,
  problem: PROBLEM_STATUSES,
  change: CHANGE_STATUSES,
};

export const CHANNELS = ['portal', 'email', 'phone', 'chat', 'api', 'web_form'] as const;
export type Channel = (typeof CHANNELS)[number];

export { DESCRIPTION_MAX_LENGTH, REFERENCE_MAX_LENGTH, TITLE_MAX_LENGTH } from './ticket-limits';

export interface Ticket {
  id: string;
  number: string;
  type: TicketType;
  title: string;
  description: string;
  status: TicketStatus;
  impact: Impact;
  urgency: Urgency;
  priority: Priority;
  channel: Channel;
  requesterId: string;
  organizationId: string | null;
  assignmentGroupId: string | null;
  assigneeId: string | null;
  pendingReason: PendingReason | null;
  resolutionCode: string | null;
  resolutionNotes: string;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  firstRespondedAt: Date | null;
  /** Why the priority was set by hand; null while the matrix decides it. */
  priorityReason: string | null;
  version: number;
  /** Problems: what causes the incidents, and how users get around it meanwhile. */
  rootCause: string;
  workaround: string;
  knownErrorAt: Date | null;
  /** Changes (null for other types). */
  changeKind: ChangeKind | null;
  risk: ChangeRisk | null;
  backoutPlan: string;
  plannedStart: Date | null;
  plannedEnd: Date | null;
  /** The change's current approval round. */
  approvalId: string | null;
  implementationStartedAt: Date | null;
  implementationOutcome: ImplementationOutcome | null;
  implementationNotes: string;
  completedAt: Date | null;
  /** Configuration items (cmdb ids) a change touches. */
  configurationItemIds: string[];
  /** Lower-case labels, each once. */
  tags: string[];
  /** Who hears about every public change besides requester and assignee. */
  watcherIds: string[];
  /** The requester's satisfaction after resolution, 1 to 5; null until rated. */
  satisfactionRating: number | null;
  satisfactionComment: string;
  ratedAt: Date | null;
  /** The service from the catalog the ticket is about. */
  serviceId: string | null;
  categoryId: string | null;
  /** The catalog item a request was ordered from. */
  catalogItemId: string | null;
  /** The values of the item's or category's form, checked against its JSON Schema. */
  customFields: FormValues;
  /** When the requester reported it: createdAt, or earlier for tickets logged after the fact. */
  reportedAt: Date;
}

/** What a requester (or an agent on their behalf) provides to open a ticket. */
export interface TicketRequest {
  type: TicketType | undefined;
  title: string;
  description: string;
  impact: Impact | undefined;
  urgency: Urgency | undefined;
  channel: Channel | undefined;
  requesterId: string;
  organizationId: string | undefined;
  /** Changes only; a change without one is normal. */
  changeKind?: ChangeKind | undefined;
  configurationItemIds?: string[] | undefined;
  plannedStart?: Date | undefined;
  plannedEnd?: Date | undefined;
  tags?: string[] | undefined;
  serviceId?: string | undefined;
  categoryId?: string | undefined;
  catalogItemId?: string | undefined;
  customFields?: FormValues | undefined;
  /** The queue a catalog item sends its requests to. */
  assignmentGroupId?: string | undefined;
  /** When the requester reported it, if before now (a call written up later). */
  reportedAt?: Date | undefined;
}

/** How far back a ticket may be logged after the fact. */
export const MAX_REPORTED_AGO_MS = 30 * 24 * 60 * 60 * 1000;
/** Clocks of the caller and this service may differ a little. */
const REPORTED_AT_SKEW_MS = 60_000;

/** A reported time is in the past, and not too far in it. */
function checkReportedAt(reportedAt: Date | undefined, now: Date): void {
  if (!reportedAt) return;
  const ago = now.getTime() - reportedAt.getTime();
  if (ago < -REPORTED_AT_SKEW_MS || ago > MAX_REPORTED_AGO_MS) {
    throw new TicketError(TicketErrorCode.ValidationFailed, 'the reported time is out of range', [
      {
        field: 'reportedAt',
        message: `reportedAt must be in the past ${MAX_REPORTED_AGO_MS / 86_400_000} days, not in the future`,
      },
    ]);
  }
}

export const MAX_CONFIGURATION_ITEMS = 50;

export interface ValidTicketRequest extends Omit<TicketRequest, 'type'> {
  type: TicketType;
}

const TICKET_NUMBER_PREFIX: Record<TicketType, string> = {
  incident: 'INC',
  service_request: 'REQ',
  problem: 'PRB',
  change: 'CHG',
};

/** INC-000123: the prefix of the type and the sequence, zero-padded to six digits. */
export function formatTicketNumber(type: TicketType, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`ticket sequence must be a positive integer, got ${sequence}`);
  }
  return `${TICKET_NUMBER_PREFIX[type]}-${String(sequence).padStart(6, '0')}`;
}

/** Checks a request and reports every problem at once, as a requester would want. */
export function validateTicketRequest(request: TicketRequest): ValidTicketRequest {
  const violations: FieldViolation[] = [];
  const title = request.title.trim();
  if (!request.type) violations.push({ field: 'type', message: 'type is required' });
  if (title.length === 0) violations.push({ field: 'title', message: 'title must not be empty' });
  if (title.length > TITLE_MAX_LENGTH) {
    violations.push({
      field: 'title',
      message: `title must be at most ${TITLE_MAX_LENGTH} characters`,
    });
  }
  if (request.description.length > DESCRIPTION_MAX_LENGTH) {
    violations.push({
      field: 'description',
      message: `description must be at most ${DESCRIPTION_MAX_LENGTH} characters`,
    });
  }
  if (request.requesterId.trim().length === 0) {
    violations.push({ field: 'requesterId', message: 'requesterId is required' });
  }
  if (request.requesterId.length > REFERENCE_MAX_LENGTH) {
    violations.push({
      field: 'requesterId',
      message: `requesterId must be at most ${REFERENCE_MAX_LENGTH} characters`,
    });
  }
  if ((request.organizationId?.length ?? 0) > REFERENCE_MAX_LENGTH) {
    violations.push({
      field: 'organizationId',
      message: `organizationId must be at most ${REFERENCE_MAX_LENGTH} characters`,
    });
  }
  violations.push(...changeViolations(request), ...catalogViolations(request));
  const tags = normalizeTags(request.tags ?? [], violations);
  if (violations.length > 0 || !request.type) {
    throw new TicketError(
      TicketErrorCode.ValidationFailed,
      'the ticket request is invalid',
      violations,
    );
  }
  return { ...request, type: request.type, title, requesterId: request.requesterId.trim(), tags };
}

/** What only a change may carry, and what a change's fields must look like. */
function changeViolations(request: TicketRequest): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const isChange = request.type === 'change';
  const changeOnly = (field: string, present: boolean) => {
    if (present && !isChange) violations.push({ field, message: `only a change has ${field}` });
  };
  changeOnly('changeKind', request.changeKind !== undefined);
  changeOnly('plannedStart', request.plannedStart !== undefined);
  changeOnly('plannedEnd', request.plannedEnd !== undefined);
  if (request.changeKind !== undefined && !CHANGE_KINDS.includes(request.changeKind)) {
    violations.push({
      field: 'changeKind',
      message: `changeKind must be ${CHANGE_KINDS.join(', ')}`,
    });
  }
  const items = request.configurationItemIds ?? [];
  if (items.length > MAX_CONFIGURATION_ITEMS) {
    violations.push({
      field: 'configurationItemIds',
      message: `a ticket names at most ${MAX_CONFIGURATION_ITEMS} configuration items`,
    });
  }
  if (items.some((item) => item.trim().length === 0 || item.length > REFERENCE_MAX_LENGTH)) {
    violations.push({
      field: 'configurationItemIds',
      message: `configuration item ids must be 1 to ${REFERENCE_MAX_LENGTH} characters`,
    });
  }
  const { plannedStart, plannedEnd } = request;
  if (plannedStart && plannedEnd && plannedStart.getTime() >= plannedEnd.getTime()) {
    violations.push({ field: 'plannedEnd', message: 'plannedStart must be before plannedEnd' });
  }
  return violations;
}

export const CUSTOM_FIELDS_MAX_BYTES = 64 * 1024;

/** Catalog references are ids the catalog issued; custom fields stay a modest JSON object. */
function catalogViolations(request: TicketRequest): FieldViolation[] {
  const violations: FieldViolation[] = [];
  for (const field of ['serviceId', 'categoryId', 'catalogItemId'] as const) {
    const value = request[field];
    if (value !== undefined && !isUuid(value)) {
      violations.push({ field, message: `${field} must be a catalog id (UUID)` });
    }
  }
  const size = new TextEncoder().encode(JSON.stringify(request.customFields ?? {})).length;
  if (size > CUSTOM_FIELDS_MAX_BYTES) {
    violations.push({
      field: 'customFields',
      message: `customFields must be at most ${CUSTOM_FIELDS_MAX_BYTES / 1024} KiB of JSON`,
    });
  }
  return violations;
}

const INITIAL_STATUS: Record<TicketType, TicketStatus> = {
  incident: 'new',
  service_request: 'new',
  problem: 'new',
  change: 'draft',
};

export interface OpenTicketContext {
  id: string;
  sequence: number;
  now: Date;
  /** The matrix in force; the ITIL default when none was configured. */
  matrix?: PriorityMatrix | undefined;
}

/**
 * A new ticket: numbered, prioritised by the matrix, version 1, in the first state of its
 * type (`new`; a change starts as a `draft`). Impact and urgency default to medium, the
 * channel to the API, a change's kind to normal.
 */
export function openTicket(
  request: ValidTicketRequest,
  { id, sequence, now, matrix }: OpenTicketContext,
): Ticket {
  checkReportedAt(request.reportedAt, now);
  const impact = request.impact ?? 'medium';
  const urgency = request.urgency ?? 'medium';
  return {
    id,
    number: formatTicketNumber(request.type, sequence),
    type: request.type,
    title: request.title,
    description: request.description,
    status: INITIAL_STATUS[request.type],
    impact,
    urgency,
    priority: priorityOf(impact, urgency, matrix),
    channel: request.channel ?? 'api',
    requesterId: request.requesterId,
    organizationId: request.organizationId || null,
    assignmentGroupId: request.assignmentGroupId ?? null,
    assigneeId: null,
    pendingReason: null,
    resolutionCode: null,
    resolutionNotes: '',
    createdAt: now,
    updatedAt: now,
    resolvedAt: null,
    closedAt: null,
    firstRespondedAt: null,
    priorityReason: null,
    version: 1,
    rootCause: '',
    workaround: '',
    knownErrorAt: null,
    changeKind: request.type === 'change' ? (request.changeKind ?? 'normal') : null,
    risk: null,
    backoutPlan: '',
    plannedStart: request.plannedStart ?? null,
    plannedEnd: request.plannedEnd ?? null,
    approvalId: null,
    implementationStartedAt: null,
    implementationOutcome: null,
    implementationNotes: '',
    completedAt: null,
    configurationItemIds: [
      ...new Set((request.configurationItemIds ?? []).map((item) => item.trim())),
    ],
    tags: request.tags ?? [],
    watcherIds: [],
    satisfactionRating: null,
    satisfactionComment: '',
    ratedAt: null,
    serviceId: request.serviceId ?? null,
    categoryId: request.categoryId ?? null,
    catalogItemId: request.catalogItemId ?? null,
    customFields: request.customFields ?? {},
    reportedAt:
      request.reportedAt && request.reportedAt.getTime() < now.getTime() ? request.reportedAt : now,
  };
}
