import type { SavedView } from '../../domain/saved-view';

/** Saved views; the query is kept as JSON the interface layer encodes and decodes. */
export interface SavedViewStore {
  insert(view: SavedView): Promise<void>;
  /** Writes name, sharing, query, time and version, if the view is still at `previousVersion`. */
  update(view: SavedView, previousVersion: number): Promise<boolean>;
  delete(id: string): Promise<void>;
  find(id: string): Promise<SavedView | undefined>;
  /** The owner's views and the shared ones, by name. */
  visibleTo(ownerId: string): Promise<SavedView[]>;
  /** Names of the owner's own views. */
  namesOf(ownerId: string): Promise<string[]>;
}

export const SAVED_VIEW_STORE = Symbol('SavedViewStore');
