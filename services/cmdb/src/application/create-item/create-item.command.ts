import type { ItemFields } from '../../domain/configuration-item';

export interface CreateItemCommand {
  fields: ItemFields;
  actorId: string;
  /** A retry with the same key answers the first item. Empty: no idempotency. */
  idempotencyKey: string;
}
