export interface IdGenerator {
  /** A new time-ordered unique id (UUIDv7), so inserts stay index-friendly. */
  newId(): string;
}

export const ID_GENERATOR = Symbol('IdGenerator');
