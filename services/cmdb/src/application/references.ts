import { CmdbError, CmdbErrorCode } from '../domain/cmdb-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function notFound(what: string, id: string): CmdbError {
  return new CmdbError(CmdbErrorCode.NotFound, `${what} ${id} does not exist`, [], { id });
}

/** Ids are UUIDs; anything else names nothing that exists (and never reaches PostgreSQL's uuid cast). */
export function requireUuid(what: string, id: string): void {
  if (!isUuid(id)) throw notFound(what, id);
}

/** Refuses a write that named a version other than the current one; null names none. */
export function requireVersion(
  what: string,
  id: string,
  current: number,
  expected: number | null,
): void {
  if (expected !== null && expected !== current) {
    throw new CmdbError(
      CmdbErrorCode.VersionConflict,
      `${what} ${id} was changed meanwhile: it is at version ${current}, not ${expected}`,
      [],
      { currentVersion: current },
    );
  }
}

export const ACTOR_MAX_LENGTH = 200;

/** Who made a change, for the history and the journal: every write names someone. */
export function actorOf(actorId: string): string {
  const actor = actorId.trim();
  if (actor.length === 0 || actor.length > ACTOR_MAX_LENGTH) {
    const message =
      actor.length === 0
        ? 'actorId is required: the history says who made each change'
        : `actorId must be at most ${ACTOR_MAX_LENGTH} characters`;
    throw new CmdbError(CmdbErrorCode.ValidationFailed, message, [{ field: 'actorId', message }]);
  }
  return actor;
}
