import {
  CmdbError,
  CmdbErrorCode,
  type FieldViolation,
  throwIfInvalid,
} from '../../domain/cmdb-error';
import type { Clock, IdGenerator } from '../ports/clock';
import {
  type CmdbTransactions,
  LOCATION_KINDS,
  type LocationKind,
  type StoredLocation,
} from '../ports/cmdb-store';
import { notFound, requireUuid } from '../references';

export const LOCATION_NAME_MAX_LENGTH = 200;
export const ADDRESS_MAX_LENGTH = 500;

export interface LocationDraft {
  name: string;
  kind: string;
  parentId: string | null;
  address: string;
}

function isLocationKind(value: string): value is LocationKind {
  return (LOCATION_KINDS as readonly string[]).includes(value);
}

function draftViolations(draft: LocationDraft): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (draft.name.length === 0) violations.push({ field: 'name', message: 'name is required' });
  if (draft.name.length > LOCATION_NAME_MAX_LENGTH) {
    violations.push({
      field: 'name',
      message: `name must be at most ${LOCATION_NAME_MAX_LENGTH} characters`,
    });
  }
  if (!isLocationKind(draft.kind)) {
    violations.push({
      field: 'kind',
      message: `"${draft.kind}" is not a kind of location: ${LOCATION_KINDS.join(', ')}`,
    });
  }
  if (draft.address.length > ADDRESS_MAX_LENGTH) {
    violations.push({
      field: 'address',
      message: `address must be at most ${ADDRESS_MAX_LENGTH} characters`,
    });
  }
  return violations;
}

/** Warehouses, offices, data centres and sites: where assets are and where inventories count. */
export class ManageLocationsUseCase {
  constructor(
    private readonly transactions: CmdbTransactions,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  list(): Promise<StoredLocation[]> {
    return this.transactions.reader().locations();
  }

  async create(given: LocationDraft): Promise<StoredLocation> {
    const draft = {
      name: given.name.trim(),
      kind: given.kind.trim().toLowerCase(),
      parentId: given.parentId?.trim() || null,
      address: given.address.trim(),
    };
    throwIfInvalid('the location is invalid', draftViolations(draft));
    if (draft.parentId) requireUuid('location', draft.parentId);
    return this.transactions.run(async (store) => {
      if (draft.parentId && !(await store.location(draft.parentId))) {
        throw notFound('location', draft.parentId);
      }
      const taken = await store.locationByName(draft.parentId, draft.name);
      if (taken) {
        throw new CmdbError(
          CmdbErrorCode.AlreadyExists,
          `a location named ${draft.name} exists there already`,
          [{ field: 'name', message: `${draft.name} is taken within its parent` }],
          { locationId: taken.id },
        );
      }
      const location: StoredLocation = {
        id: this.ids.newId(),
        name: draft.name,
        kind: draft.kind as LocationKind,
        parentId: draft.parentId,
        address: draft.address,
        version: 1,
        createdAt: this.clock.now(),
      };
      await store.insertLocation(location);
      return location;
    });
  }
}
