import { AttributeValidator } from '../../domain/ci-type';
import type { ItemFields } from '../../domain/configuration-item';
import { CreateItemUseCase } from '../create-item/create-item.use-case';
import type { StoredItem } from '../ports/cmdb-store';
import { type InMemoryCmdb, sequentialIds, steppingClock } from './in-memory-cmdb-store';

/** The ports every use case spec needs, over one in-memory CMDB. */
export function cmdbPorts() {
  return { validator: new AttributeValidator(), ids: sequentialIds(), clock: steppingClock() };
}

export function itemFields(
  typeKey: string,
  name: string,
  overrides: Partial<ItemFields> = {},
): ItemFields {
  return {
    typeKey,
    name,
    externalId: null,
    attributes: {},
    status: 'active',
    ownerId: null,
    supportGroupId: null,
    locationId: null,
    asset: null,
    ...overrides,
  };
}

/** Records items as CreateItem does, for specs of what comes after. */
export function itemMaker(cmdb: InMemoryCmdb, ports = cmdbPorts()) {
  const create = new CreateItemUseCase(cmdb, ports.validator, ports.ids, ports.clock);
  return async (
    typeKey: string,
    name: string,
    overrides: Partial<ItemFields> = {},
  ): Promise<StoredItem> =>
    (
      await create.execute({
        fields: itemFields(typeKey, name, overrides),
        actorId: 'admin',
        idempotencyKey: '',
      })
    ).item;
}
