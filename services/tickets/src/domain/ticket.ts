import { type Impact, type Priority, priorityOf, type Urgency } from './priority-matrix';
import { TicketError, TicketErrorCode, type FieldViolation } from './ticket-error';
import type { PendingReason } from './ticket-lifecycle';

export const TICKET_TYPES = ['incident', 'service_request'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const TICKET_STATUSES = [
  'new',
  'assigned',
  'in_progress',
  'pending',
  'resolved',
  'closed',
  'cancelled',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const CHANNELS = ['portal', 'email', 'phone', 'chat', 'api', 'web_form'] as const;
export type Channel = (typeof CHANNELS)[number];

export const TITLE_MAX_LENGTH = 200;
export const DESCRIPTION_MAX_LENGTH = 20_000;
export const REFERENCE_MAX_LENGTH = 200;

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
}

export interface ValidTicketRequest extends Omit<TicketRequest, 'type'> {
  type: TicketType;
}

const TICKET_NUMBER_PREFIX: Record<TicketType, string> = {
  incident: 'INC',
  service_request: 'REQ',
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
  if (violations.length > 0 || !request.type) {
    throw new TicketError(
      TicketErrorCode.ValidationFailed,
      'the ticket request is invalid',
      violations,
    );
  }
  return { ...request, type: request.type, title, requesterId: request.requesterId.trim() };
}

export interface OpenTicketContext {
  id: string;
  sequence: number;
  now: Date;
}

/**
 * A new ticket: numbered, prioritised by the matrix, status `new`, version 1.
 * Impact and urgency default to medium, the channel to the API.
 */
export function openTicket(
  request: ValidTicketRequest,
  { id, sequence, now }: OpenTicketContext,
): Ticket {
  const impact = request.impact ?? 'medium';
  const urgency = request.urgency ?? 'medium';
  return {
    id,
    number: formatTicketNumber(request.type, sequence),
    type: request.type,
    title: request.title,
    description: request.description,
    status: 'new',
    impact,
    urgency,
    priority: priorityOf(impact, urgency),
    channel: request.channel ?? 'api',
    requesterId: request.requesterId,
    organizationId: request.organizationId || null,
    assignmentGroupId: null,
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
  };
}
