import { type FieldViolation, TicketError, TicketErrorCode } from '../../domain/ticket-error';
import { normalizeTags } from '../../domain/ticket-tags';
import type { TicketFilters } from '../ports/ticket-store';

export const MAX_TEXT_LENGTH = 200;

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
  checkRange(violations, 'created', filters.createdFrom, filters.createdTo);
  checkRange(violations, 'updated', filters.updatedFrom, filters.updatedTo);
  if (violations.length > 0) {
    throw new TicketError(
      TicketErrorCode.ValidationFailed,
      'the list filters are invalid',
      violations,
    );
  }
  return { ...filters, text, tags };
}
