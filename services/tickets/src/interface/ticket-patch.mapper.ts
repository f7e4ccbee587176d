import type { TicketPatch } from '@itsm/contracts';
import {
  impactMessages,
  fromMessage,
  priorityMessages,
  urgencyMessages,
} from '../application/ticket-message.mapper';
import type { TicketEdit } from '../domain/ticket-edit';
import { TicketError, TicketErrorCode, type FieldViolation } from '../domain/ticket-error';

export const EDITABLE_PATHS = [
  'title',
  'description',
  'impact',
  'urgency',
  'priority',
  'tags',
  'configuration_item_ids',
] as const;

/** The edit named by update_paths; a named enum left UNSPECIFIED (but priority) is refused. */
export function toTicketEdit(patch: TicketPatch | undefined, paths: string[]): TicketEdit {
  const violations: FieldViolation[] = paths
    .filter((path) => !(EDITABLE_PATHS as readonly string[]).includes(path))
    .map((path) => ({
      field: path,
      message: `${path} cannot be edited; editable: ${EDITABLE_PATHS.join(', ')}`,
    }));
  if (paths.length === 0)
    violations.push({ field: 'updatePaths', message: 'name at least one field to change' });
  const named = new Set(paths);
  const edit: TicketEdit = {};
  if (named.has('title')) edit.title = patch?.title ?? '';
  if (named.has('description')) edit.description = patch?.description ?? '';
  if (named.has('impact')) {
    edit.impact = patch ? fromMessage(impactMessages, patch.impact) : undefined;
    if (!edit.impact)
      violations.push({ field: 'impact', message: 'impact must be high, medium or low' });
  }
  if (named.has('urgency')) {
    edit.urgency = patch ? fromMessage(urgencyMessages, patch.urgency) : undefined;
    if (!edit.urgency)
      violations.push({ field: 'urgency', message: 'urgency must be high, medium or low' });
  }
  if (named.has('tags')) edit.tags = patch?.tags ?? [];
  if (named.has('configuration_item_ids')) {
    edit.configurationItemIds = patch?.configurationItemIds ?? [];
  }
  if (named.has('priority')) {
    const value = patch ? fromMessage(priorityMessages, patch.priority) : undefined;
    edit.priority = value ? { value, reason: patch?.priorityReason ?? '' } : null;
  }
  if (violations.length > 0)
    throw new TicketError(TicketErrorCode.ValidationFailed, 'the edit is invalid', violations);
  return edit;
}
