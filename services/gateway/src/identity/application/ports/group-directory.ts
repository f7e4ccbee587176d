/** The support groups a person works in, as the routing service keeps them. */
export interface GroupDirectory {
  /** Undefined when the directory cannot answer now; the caller falls back. */
  groupsOf(userId: string): Promise<string[] | undefined>;
}

export const GROUP_DIRECTORY = Symbol('GroupDirectory');
