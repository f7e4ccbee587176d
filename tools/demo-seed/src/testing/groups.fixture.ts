import { ASSIGNMENT_GROUPS, type AssignmentGroupId } from '../catalogue/people.catalogue';
import { GroupDirectory } from '../group-directory';

/** Routing's ids of the demo's groups in tests: shaped as routing makes them, unlike any key. */
export const GROUP_IDS: Readonly<Record<AssignmentGroupId, string>> = Object.fromEntries(
  ASSIGNMENT_GROUPS.map((key, index) => [key, `0000000${index + 1}-9a1e-4c3b-8d2f-6b5e4a3c2d1f`]),
) as Record<AssignmentGroupId, string>;

export const GROUPS = new GroupDirectory(
  Object.entries(GROUP_IDS) as [AssignmentGroupId, string][],
);

const KNOWN_IDS: ReadonlySet<string> = new Set(Object.values(GROUP_IDS));

/**
 * Every value of a body's group fields (`assignmentGroupId`, `fulfilmentGroupId`, `groupIds`,
 * `setGroupId`, …, nested too) that is not one of GROUP_IDS: a key or a name that slipped through
 * where the API takes routing's id. The CAB is no routing group, so `cabGroupId` is not looked at.
 */
export function strayGroupsIn(body: unknown, known: ReadonlySet<string> = KNOWN_IDS): string[] {
  if (Array.isArray(body)) return body.flatMap((item) => strayGroupsIn(item, known));
  if (body === null || typeof body !== 'object') return [];
  return Object.entries(body).flatMap(([field, value]) => {
    if (!/group/i.test(field) || field === 'cabGroupId') return strayGroupsIn(value, known);
    const values: unknown[] = Array.isArray(value) ? value : [value];
    return values.flatMap((item) =>
      typeof item === 'string' && !known.has(item) ? [`${field}: ${item}`] : [],
    );
  });
}

/**
 * Refuses a body that names a group by anything but routing's id. The platform takes any text
 * there, so only this tells a key that matches no agent's groups from an id.
 */
export function expectRoutingGroups(body: unknown, known?: ReadonlySet<string>): void {
  const strays = strayGroupsIn(body, known);
  if (strays.length > 0) {
    throw new Error(`a group named by something other than routing's id: ${strays.join(', ')}`);
  }
}
