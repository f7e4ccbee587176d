import { RoutingError, RoutingErrorCode } from '../domain/routing-error';
import type { VersionedWrite } from './ports/organisation-store';

/** The written value, or the error a stale or missing write deserves. */
export function writtenOrThrow<T>(write: VersionedWrite<T>, what: string, id: string): T {
  switch (write.outcome) {
    case 'written':
      return write.value;
    case 'not_found':
      throw new RoutingError(RoutingErrorCode.NotFound, `${what} ${id} does not exist`);
    case 'version_conflict':
      throw new RoutingError(
        RoutingErrorCode.VersionConflict,
        `${what} ${id} was changed meanwhile: it is at version ${write.currentVersion}`,
        [],
        { currentVersion: write.currentVersion },
      );
  }
}

export function notFound(what: string, id: string): RoutingError {
  return new RoutingError(RoutingErrorCode.NotFound, `${what} ${id} does not exist`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Ids are UUIDs; anything else names nothing that exists. */
export function requireUuid(what: string, id: string): void {
  if (!isUuid(id)) throw notFound(what, id);
}
