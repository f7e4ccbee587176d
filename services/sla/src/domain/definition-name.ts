import type { FieldViolation } from './sla-error';

/** As the database allows. */
export const NAME_MAX_LENGTH = 200;

/** Violations of the name of a calendar or policy: people pick them from lists by it. */
export function nameViolations(name: string): FieldViolation[] {
  if (name.trim().length === 0) return [{ field: 'name', message: 'name must not be empty' }];
  if (name.length > NAME_MAX_LENGTH) {
    return [{ field: 'name', message: `name must be at most ${NAME_MAX_LENGTH} characters` }];
  }
  return [];
}
