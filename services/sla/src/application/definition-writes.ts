import { SlaError, SlaErrorCode } from '../domain/sla-error';
import type { VersionedWrite } from './ports/definition-store';

export function notFound(kind: 'calendar' | 'policy', id: string): SlaError {
  return new SlaError(SlaErrorCode.NotFound, `${kind} ${id} does not exist`);
}

/** The value of a versioned write, or the error a caller acts on. */
export function written<T>(write: VersionedWrite<T>, kind: 'calendar' | 'policy', id: string): T {
  switch (write.outcome) {
    case 'written':
      return write.value;
    case 'not_found':
      throw notFound(kind, id);
    case 'version_conflict':
      throw new SlaError(
        SlaErrorCode.VersionConflict,
        `${kind} ${id} changed since the version the update was made from`,
        [],
        { currentVersion: write.currentVersion },
      );
  }
}
