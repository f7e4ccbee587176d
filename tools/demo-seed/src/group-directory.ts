import { ASSIGNMENT_GROUPS, type AssignmentGroupId } from './catalogue/people.catalogue';

/**
 * Routing's ids of the demo's assignment groups. The catalogues name groups by key so the plan
 * reads well and stays the same on every run, but the platform knows a group only by the id
 * routing gave it: an agent's token carries those ids, and their queue lists the tickets whose
 * group is one of them. So every group the seeder sends is looked up here.
 */
export class GroupDirectory {
  private readonly ids: ReadonlyMap<AssignmentGroupId, string>;

  constructor(ids: Iterable<readonly [AssignmentGroupId, string]>) {
    this.ids = new Map(ids);
  }

  /** Routing's id of the group; a key routing has no group for stops the run. */
  idOf(key: AssignmentGroupId): string {
    const id = this.ids.get(key);
    if (id === undefined) {
      const known = [...this.ids.keys()].join(', ') || 'none';
      throw new Error(`group "${String(key)}" is none of routing's groups (${known})`);
    }
    return id;
  }
}

/**
 * Whether a value sent for a group is one of the demo's keys rather than an id: what runs made
 * before groups were looked up in routing left behind.
 */
export function isGroupKey(value: string | undefined): value is AssignmentGroupId {
  return (ASSIGNMENT_GROUPS as readonly (string | undefined)[]).includes(value);
}
