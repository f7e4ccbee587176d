import type { ViewFilters } from '../gateway-api';
import type { AssignmentGroupId } from './people.catalogue';

// The queues agents keep as saved views: a few shared with the whole desk, one private.
// A view's filters are those of GET /api/v1/tickets, one value each: "open" (several
// states) cannot be said, so the views name the one state they show.

export interface ViewEntry {
  ownerId: string;
  name: string;
  shared: boolean;
  /** A group is named by key; the seeder sends routing's id for it. */
  filters: Omit<ViewFilters, 'assignmentGroupId'> & { assignmentGroupId?: AssignmentGroupId };
}

export const SAVED_VIEWS: readonly ViewEntry[] = [
  {
    ownerId: 'agent-01',
    name: 'Критичные инциденты',
    shared: true,
    filters: { type: 'incident', priority: 'critical', sort: '-updatedAt' },
  },
  {
    ownerId: 'agent-07',
    name: 'Network queue',
    shared: true,
    filters: { assignmentGroupId: 'network', status: 'assigned', sort: '-priority' },
  },
  {
    ownerId: 'agent-01',
    name: 'Ждут ответа / Pending',
    shared: true,
    // The longest waiting first.
    filters: { status: 'pending', sort: 'updatedAt' },
  },
  {
    ownerId: 'agent-01',
    name: 'VIP',
    shared: true,
    filters: { tag: ['vip'], sort: '-priority' },
  },
  {
    ownerId: 'agent-01',
    name: 'Мои в работе',
    shared: false,
    filters: { assigneeId: 'agent-01', status: 'in_progress', sort: '-priority' },
  },
];
