import { type FieldViolation, TicketError, TicketErrorCode } from '../../domain/ticket-error';
import { isUuid } from '../../domain/identifiers';
import { normalizeTags } from '../../domain/ticket-tags';
import type { TicketFilters } from '../ports/ticket-store';

export const MAX_TEXT_LENGTH = 200;
/** Tickets asked for by id in one list: a page's worth. */
export const MAX_IDS = 100;

function checkRange(
  violations: FieldViolation[],
  field: string,
  from: Date | undefined,
  to: Date | undefined,
): void {
  if (from && to && from.getTime() >= to.getTime()) {
    violations.push({ field, message: `${field}From must be before ${field}To` });
  }
}

/** Trims the search text and refuses what no query could answer; lists and counts share it. */
export function validateFilters<T extends TicketFilters>(filters: T): T {
  const violations: FieldViolation[] = [];
  const text = filters.text?.trim() || undefined;
  if (text && text.length > MAX_TEXT_LENGTH) {
    violations.push({
      field: 'text',
      message: `text must be at most ${MAX_TEXT_LENGTH} characters`,
    });
  }
  const tags = normalizeTags(filters.tags, violations, 'tags');
  const ids = [...new Set(filters.ids)];
  if (ids.length > MAX_IDS) {
    violations.push({ field: 'ids', message: `at most ${MAX_IDS} ids at once` });
  }
  const notIds = ids.filter((id) => !isUuid(id));
  if (notIds.length > 0) {
    violations.push({ field: 'ids', message: `not ticket ids (UUIDs): ${notIds.join(', ')}` });
  }
  checkRange(violations, 'created', filters.createdFrom, filters.createdTo);
  checkRange(violations, 'updated', filters.updatedFrom, filters.updatedTo);
  if (violations.length > 0) {
    throw new TicketError(
      TicketErrorCode.ValidationFailed,
      'the list filters are invalid',
      violations,
    );
  }
  return { ...filters, text, tags, ids };
}
