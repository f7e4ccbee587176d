import { type FieldViolation, TicketError, TicketErrorCode } from './ticket-error';
import { REFERENCE_MAX_LENGTH } from './ticket-limits';

export const VIEW_NAME_MAX_LENGTH = 100;
export const MAX_VIEWS_PER_OWNER = 50;

/**
 * A saved list query (a queue): the owner's, or shared with every agent. `query` is the list
 * request as the contract spells it; the domain keeps it as it was given.
 */
export interface SavedView<Query = unknown> {
  id: string;
  ownerId: string;
  name: string;
  shared: boolean;
  query: Query;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface ViewInput<Query> {
  ownerId: string;
  name: string;
  shared: boolean;
  query: Query;
}

/** Owner and name of a view; `existingNames` are the owner's other views. */
export function checkView(
  input: { ownerId: string; name: string },
  existingNames: readonly string[],
): string {
  const violations: FieldViolation[] = [];
  const name = input.name.trim();
  if (input.ownerId.trim().length === 0 || input.ownerId.length > REFERENCE_MAX_LENGTH) {
    violations.push({ field: 'ownerId', message: 'ownerId is required' });
  }
  if (name.length === 0 || name.length > VIEW_NAME_MAX_LENGTH) {
    violations.push({
      field: 'name',
      message: `name must be 1 to ${VIEW_NAME_MAX_LENGTH} characters`,
    });
  }
  if (existingNames.some((existing) => existing.toLowerCase() === name.toLowerCase())) {
    violations.push({ field: 'name', message: `you already have a view named ${name}` });
  }
  if (existingNames.length >= MAX_VIEWS_PER_OWNER) {
    violations.push({
      field: 'ownerId',
      message: `an agent keeps at most ${MAX_VIEWS_PER_OWNER} views`,
    });
  }
  if (violations.length > 0) {
    throw new TicketError(TicketErrorCode.ValidationFailed, 'the view is invalid', violations);
  }
  return name;
}

/** Only the owner changes or deletes a view, and only at the version they saw. */
export function checkOwnership(
  view: SavedView,
  callerId: string,
  expectedVersion: number | undefined,
): void {
  if (view.ownerId !== callerId) {
    throw new TicketError(
      TicketErrorCode.NotPermitted,
      `view ${view.name} belongs to ${view.ownerId}; only its owner changes it`,
    );
  }
  if (expectedVersion !== undefined && expectedVersion !== view.version) {
    throw new TicketError(
      TicketErrorCode.VersionConflict,
      `view ${view.name} changed since version ${expectedVersion}; it is at version ${view.version}`,
      [],
      { currentVersion: view.version },
    );
  }
}
