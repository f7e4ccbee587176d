import {
  DEFAULT_PRIORITY_MATRIX,
  type Impact,
  type Priority,
  type PriorityMatrix,
  priorityOf,
  type Urgency,
} from './priority-matrix';
import {
  DESCRIPTION_MAX_LENGTH,
  MAX_CONFIGURATION_ITEMS,
  type Ticket,
  TITLE_MAX_LENGTH,
} from './ticket';
import { TicketError, TicketErrorCode, type FieldViolation } from './ticket-error';
import { diff, type FieldChanges } from './ticket-lifecycle';
import { isUuid } from './identifiers';
import { normalizeTags } from './ticket-tags';

export const PRIORITY_REASON_MAX_LENGTH = 500;

/** What an agent may change on an open ticket; absent fields stay as they are. */
export interface TicketEdit {
  title?: string;
  description?: string;
  impact?: Impact;
  urgency?: Urgency;
  /** A manual priority with its reason, or null to hand the priority back to the matrix. */
  priority?: { value: Priority; reason: string } | null;
  /** The whole new set of tags. */
  tags?: string[];
  /** A catalog category (its existence is the caller's to check against the catalog). */
  categoryId?: string;
  /** The whole new set of configuration items (cmdb ids). */
  configurationItemIds?: string[];
}

export interface EditOutcome {
  ticket: Ticket;
  changes: FieldChanges;
}

/**
 * Edits a ticket. The priority follows the impact × urgency matrix unless an agent set it
 * by hand with a reason; the manual priority then stays until it is cleared. Closed and
 * cancelled tickets are records and are not edited.
 */
export function editTicket(
  ticket: Ticket,
  edit: TicketEdit,
  now: Date,
  matrix: PriorityMatrix = DEFAULT_PRIORITY_MATRIX,
): EditOutcome {
  if (ticket.status === 'closed' || ticket.status === 'cancelled') {
    throw new TicketError(
      TicketErrorCode.InvalidTransition,
      `ticket ${ticket.number} is ${ticket.status} and cannot be edited`,
      [],
      {
        currentStatus: ticket.status,
        allowedActions: [],
      },
    );
  }
  const violations: FieldViolation[] = [];
  const title = edit.title?.trim();
  if (title !== undefined && title.length === 0)
    violations.push({ field: 'title', message: 'title must not be empty' });
  if (title !== undefined && title.length > TITLE_MAX_LENGTH) {
    violations.push({
      field: 'title',
      message: `title must be at most ${TITLE_MAX_LENGTH} characters`,
    });
  }
  if (edit.description !== undefined && edit.description.length > DESCRIPTION_MAX_LENGTH) {
    violations.push({
      field: 'description',
      message: `description must be at most ${DESCRIPTION_MAX_LENGTH} characters`,
    });
  }
  const reason = edit.priority?.reason.trim();
  if (edit.priority && !reason) {
    violations.push({ field: 'priorityReason', message: 'a manual priority needs a reason' });
  }
  if (reason && reason.length > PRIORITY_REASON_MAX_LENGTH) {
    violations.push({
      field: 'priorityReason',
      message: `priorityReason must be at most ${PRIORITY_REASON_MAX_LENGTH} characters`,
    });
  }
  const tags = edit.tags === undefined ? undefined : normalizeTags(edit.tags, violations);
  if (edit.categoryId !== undefined && !isUuid(edit.categoryId)) {
    violations.push({ field: 'categoryId', message: 'categoryId must be a catalog id (UUID)' });
  }
  const configurationItemIds =
    edit.configurationItemIds === undefined
      ? undefined
      : configurationItemsOf(edit.configurationItemIds, violations);
  if (violations.length > 0)
    throw new TicketError(TicketErrorCode.ValidationFailed, 'the edit is invalid', violations);

  const impact = edit.impact ?? ticket.impact;
  const urgency = edit.urgency ?? ticket.urgency;
  const priorityReason =
    edit.priority === undefined ? ticket.priorityReason : edit.priority ? (reason ?? null) : null;
  const priority = edit.priority
    ? edit.priority.value
    : priorityReason
      ? ticket.priority
      : priorityOf(impact, urgency, matrix);
  const edited: Ticket = {
    ...ticket,
    title: title ?? ticket.title,
    description: edit.description ?? ticket.description,
    impact,
    urgency,
    priority,
    priorityReason,
    tags: tags ?? ticket.tags,
    categoryId: edit.categoryId ?? ticket.categoryId,
    configurationItemIds: configurationItemIds ?? ticket.configurationItemIds,
  };
  const changes = diff(ticket, edited);
  if (Object.keys(changes).length === 0) return { ticket, changes };
  return { ticket: { ...edited, updatedAt: now, version: ticket.version + 1 }, changes };
}

/** Distinct, trimmed ids; each must be a cmdb id (UUID), at most MAX_CONFIGURATION_ITEMS. */
function configurationItemsOf(ids: readonly string[], violations: FieldViolation[]): string[] {
  const items = [...new Set(ids.map((id) => id.trim()))];
  if (items.length > MAX_CONFIGURATION_ITEMS) {
    violations.push({
      field: 'configurationItemIds',
      message: `a ticket names at most ${MAX_CONFIGURATION_ITEMS} configuration items`,
    });
  }
  if (items.some((id) => !isUuid(id))) {
    violations.push({
      field: 'configurationItemIds',
      message: 'configuration item ids must be cmdb ids (UUIDs)',
    });
  }
  return items;
}
