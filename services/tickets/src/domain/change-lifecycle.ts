import type { ChangeApproval } from './change-approval';
import type { Impact, Priority, Urgency } from './priority-matrix';
import type { FieldChanges } from './ticket-lifecycle';

export const CHANGE_KINDS = ['standard', 'normal', 'emergency'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_STATUSES = [
  'draft',
  'assessment',
  'approval',
  'scheduled',
  'implementing',
  'review',
  'closed',
  'rejected',
  'cancelled',
] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

export const CHANGE_RISKS = ['low', 'medium', 'high'] as const;
export type ChangeRisk = (typeof CHANGE_RISKS)[number];

export const IMPLEMENTATION_OUTCOMES = [
  'successful',
  'partially_successful',
  'failed',
  'backed_out',
] as const;
export type ImplementationOutcome = (typeof IMPLEMENTATION_OUTCOMES)[number];

export const CHANGE_ACTIONS = [
  'assign',
  'submit',
  'request_approval',
  'schedule',
  'reject',
  'revise',
  'start_implementation',
  'complete',
  'close',
  'cancel',
] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

export interface ChangeRule {
  from: readonly ChangeStatus[];
  /** `unchanged`: the action records something (an assignment) without moving the change on. */
  to: ChangeStatus | 'unchanged';
  kinds: readonly ChangeKind[];
}

/** A standard change is pre-approved: it never meets a CAB. */
const APPROVED_BY_CAB: readonly ChangeKind[] = ['normal', 'emergency'];

/**
 * The lifecycle of changes. `schedule` and `reject` follow the outcome of the change's
 * approval round (change-approval.ts); a rejected change is final unless revised to a draft.
 */
export const CHANGE_LIFECYCLE: Readonly<Record<ChangeAction, ChangeRule>> = {
  assign: {
    from: ['draft', 'assessment', 'approval', 'scheduled', 'implementing', 'review'],
    to: 'unchanged',
    kinds: CHANGE_KINDS,
  },
  submit: { from: ['draft'], to: 'assessment', kinds: CHANGE_KINDS },
  request_approval: { from: ['assessment'], to: 'approval', kinds: APPROVED_BY_CAB },
  schedule: { from: ['approval'], to: 'scheduled', kinds: APPROVED_BY_CAB },
  reject: { from: ['approval'], to: 'rejected', kinds: APPROVED_BY_CAB },
  revise: { from: ['rejected'], to: 'draft', kinds: APPROVED_BY_CAB },
  start_implementation: { from: ['scheduled'], to: 'implementing', kinds: CHANGE_KINDS },
  complete: { from: ['implementing'], to: 'review', kinds: CHANGE_KINDS },
  close: { from: ['review'], to: 'closed', kinds: CHANGE_KINDS },
  cancel: {
    from: ['draft', 'assessment', 'approval', 'scheduled'],
    to: 'cancelled',
    kinds: CHANGE_KINDS,
  },
};

/**
 * Where `submit` leads instead of assessment: a standard change goes straight to `scheduled`
 * (it must carry its window); an emergency change submitted with its approval round skips
 * assessment, because the emergency CAB assesses while it approves.
 */
export const SUBMIT_SHORTCUTS = {
  standard: 'scheduled',
  emergency: 'approval',
} as const satisfies Partial<Record<ChangeKind, ChangeStatus>>;

/** The fields of a change ticket that its lifecycle reads and writes. */
export interface ChangeRecord {
  id: string;
  changeKind: ChangeKind;
  status: ChangeStatus;
  impact: Impact;
  urgency: Urgency;
  priority: Priority;
  priorityReason: string | null;
  assigneeId: string | null;
  assignmentGroupId: string | null;
  risk: ChangeRisk | null;
  backoutPlan: string;
  plannedStart: Date | null;
  plannedEnd: Date | null;
  /** The current approval round; votes on any other round no longer count. */
  approvalId: string | null;
  implementationStartedAt: Date | null;
  implementationOutcome: ImplementationOutcome | null;
  implementationNotes: string;
  completedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
  version: number;
}

/** What a change manager supplies with an action; each action requires its own part. */
export interface ChangeTransitionInput {
  action: ChangeAction;
  actorId: string;
  assigneeId?: string | undefined;
  assignmentGroupId?: string | undefined;
  risk?: ChangeRisk | undefined;
  impact?: Impact | undefined;
  backoutPlan?: string | undefined;
  plannedStart?: Date | undefined;
  plannedEnd?: Date | undefined;
  /** Just opened, for request_approval or an emergency submit; decided, for schedule or reject. */
  approval?: ChangeApproval | undefined;
  implementationOutcome?: ImplementationOutcome | undefined;
  implementationNotes?: string | undefined;
}

export interface ChangeTransition<C extends ChangeRecord> {
  change: C;
  from: ChangeStatus;
  changes: FieldChanges;
}

export function allowedChangeActions(status: ChangeStatus, kind: ChangeKind): ChangeAction[] {
  return CHANGE_ACTIONS.filter((action) => {
    const rule = CHANGE_LIFECYCLE[action];
    return rule.from.includes(status) && rule.kinds.includes(kind);
  });
}
