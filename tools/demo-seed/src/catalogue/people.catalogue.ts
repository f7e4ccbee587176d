import type { Language } from '../gateway-api';
import { SeededRandom, type Weighted } from '../random';

// Who works at the demo company: organisations, requesters, the service desk's groups and
// agents, and who approves changes. Ids are the strings the API takes.

export const ORGANIZATIONS = [
  'org-finance',
  'org-sales',
  'org-it',
  'org-hr',
  'org-logistics',
  'org-marketing',
  'org-legal',
  'org-management',
] as const;
export type OrganizationId = (typeof ORGANIZATIONS)[number];

/** Sales and finance are the big departments; legal and management the small ones. */
const ORGANIZATION_WEIGHTS: Weighted<OrganizationId> = [
  ['org-sales', 16],
  ['org-finance', 12],
  ['org-logistics', 10],
  ['org-it', 8],
  ['org-marketing', 7],
  ['org-hr', 5],
  ['org-legal', 3],
  ['org-management', 3],
];

export const ASSIGNMENT_GROUPS = [
  'service-desk',
  'network',
  'workplace',
  'erp-support',
  'security',
  'dba',
] as const;
export type AssignmentGroupId = (typeof ASSIGNMENT_GROUPS)[number];

/** The change advisory board; its members vote for it as one seat. */
export const CAB_GROUP = 'cab-infrastructure';

/** Agents by assignment group; service-desk agents also dispatch to the other groups. */
export const AGENTS_OF: Readonly<Record<AssignmentGroupId, readonly string[]>> = {
  'service-desk': ['agent-01', 'agent-02', 'agent-03', 'agent-04', 'agent-05', 'agent-06'],
  network: ['agent-07', 'agent-08', 'agent-09'],
  workplace: ['agent-10', 'agent-11', 'agent-12', 'agent-13'],
  'erp-support': ['agent-14', 'agent-15', 'agent-16'],
  security: ['agent-17', 'agent-18'],
  dba: ['agent-19', 'agent-20'],
};

/** Engineers who sit on the CAB besides their group work. */
export const CAB_MEMBERS = ['agent-07', 'agent-17', 'agent-19'] as const;

/** Named approvers of changes: the head of IT, the security officer, the CFO's deputy. */
export const APPROVERS = {
  headOfIt: 'mgr-it-01',
  securityOfficer: 'sec-officer-01',
  finance: 'mgr-finance-01',
} as const;

/** Who runs the change process (requests approval, schedules, closes) and owns problems. */
export const CHANGE_MANAGER = 'agent-05';
export const PROBLEM_MANAGER = 'agent-06';

/** Who opens monitoring incidents (channel api). */
export const MONITORING_REQUESTER = 'svc-monitoring';

export interface Requester {
  id: string;
  organizationId: OrganizationId;
  /** The language this person writes tickets in. */
  language: Language;
}

export const REQUESTER_COUNT = 60;

/**
 * emp-1001 … emp-1060, each in one organisation and writing in one language: about half
 * Russian, half English (the company has an international sales and IT team).
 */
export function requesters(seed: number): Requester[] {
  const random = SeededRandom.stream(seed, 'requesters');
  return Array.from({ length: REQUESTER_COUNT }, (_, index) => {
    const organizationId = random.weighted(ORGANIZATION_WEIGHTS);
    return {
      id: `emp-${1001 + index}`,
      organizationId,
      language: index % 2 === 0 ? 'ru' : 'en',
    };
  });
}
