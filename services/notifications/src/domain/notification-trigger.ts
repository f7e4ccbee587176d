import { type FieldViolation } from './notification-error';

/** Whom a trigger reaches, each resolved from the event and the ticket. */
export const AUDIENCES = [
  'requester',
  'assignee',
  'group',
  'group_supervisor',
  'approvers',
  'watchers',
] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Webhooks are subscriptions to event types, not triggers: they reach systems, not people. */
export const CHANNELS = ['email', 'in_app'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Low-importance email may wait for the recipient's digest; normal email is sent on its own. */
export const IMPORTANCE = ['normal', 'low'] as const;
export type Importance = (typeof IMPORTANCE)[number];

export interface NotificationTrigger {
  key: string;
  /** The CloudEvents type the trigger fires on, e.g. itsm.tickets.v1.ticket.created. */
  eventType: string;
  /** In order of precedence: a person in several audiences is counted in the first. */
  audiences: Audience[];
  channels: Channel[];
  templateKey: string;
  importance: Importance;
  enabled: boolean;
}

export type CommentVisibility = 'public' | 'internal';

/** The people around one event, as the consumer found them. */
export interface RecipientContext {
  /** Who made the change; never notified about their own change. Null for the system. */
  actorId: string | null;
  requesterId: string | null;
  assigneeId: string | null;
  watcherIds: string[];
  groupMemberIds: string[];
  groupSupervisorId: string | null;
  approverIds: string[];
  /** Of the comment, for comment events; null for any other event. */
  commentVisibility: CommentVisibility | null;
  /** Recipients known to be staff (agents, supervisors): internal notes reach only these. */
  staffIds: ReadonlySet<string>;
  /** The routing event chose an agent, who is told by the assignment: the group is not. */
  routedToAgent: boolean;
}

export interface RecipientSelection {
  userId: string;
  audience: Audience;
}

const EMAIL_AND_IN_APP: Channel[] = ['email', 'in_app'];

export const DEFAULT_TRIGGERS: NotificationTrigger[] = [
  {
    key: 'ticket-created',
    eventType: 'itsm.tickets.v1.ticket.created',
    audiences: ['requester'],
    channels: [...EMAIL_AND_IN_APP],
    templateKey: 'ticket-created-requester',
    importance: 'normal',
    enabled: true,
  },
  {
    // Reaches the requester, so internal notes never fire it (see resolveRecipients).
    key: 'ticket-replied',
    eventType: 'itsm.tickets.v1.ticket.commented',
    audiences: ['requester', 'watchers'],
    channels: [...EMAIL_AND_IN_APP],
    templateKey: 'ticket-replied-requester',
    importance: 'normal',
    enabled: true,
  },
  {
    key: 'ticket-commented-agent',
    eventType: 'itsm.tickets.v1.ticket.commented',
    audiences: ['assignee'],
    channels: [...EMAIL_AND_IN_APP],
    templateKey: 'ticket-commented-agent',
    importance: 'low',
    enabled: true,
  },
  {
    key: 'ticket-resolved',
    eventType: 'itsm.tickets.v1.ticket.resolved',
    audiences: ['requester', 'watchers'],
    channels: [...EMAIL_AND_IN_APP],
    templateKey: 'ticket-resolved-requester',
    importance: 'normal',
    enabled: true,
  },
  {
    key: 'ticket-assigned-assignee',
    eventType: 'itsm.tickets.v1.ticket.assigned',
    audiences: ['assignee'],
    channels: [...EMAIL_AND_IN_APP],
    templateKey: 'ticket-assigned-assignee',
    importance: 'normal',
    enabled: true,
  },
  {
    key: 'ticket-routed-group',
    eventType: 'itsm.routing.v1.ticket.routed',
    audiences: ['group'],
    channels: [...EMAIL_AND_IN_APP],
    templateKey: 'ticket-assigned-group',
    importance: 'normal',
    enabled: true,
  },
  {
    key: 'sla-warning',
    eventType: 'itsm.sla.v1.clock.warning',
    audiences: ['group_supervisor'],
    channels: [...EMAIL_AND_IN_APP],
    templateKey: 'sla-warning-supervisor',
    importance: 'normal',
    enabled: true,
  },
  {
    key: 'sla-breached',
    eventType: 'itsm.sla.v1.clock.breached',
    audiences: ['group_supervisor', 'assignee'],
    channels: [...EMAIL_AND_IN_APP],
    templateKey: 'sla-breached-supervisor',
    importance: 'normal',
    enabled: true,
  },
  {
    key: 'change-approval-requested',
    eventType: 'itsm.tickets.v1.change.approval_requested',
    audiences: ['approvers'],
    channels: [...EMAIL_AND_IN_APP],
    templateKey: 'change-approval-requested-approver',
    importance: 'normal',
    enabled: true,
  },
  {
    key: 'ticket-updated-watchers',
    eventType: 'itsm.tickets.v1.ticket.updated',
    audiences: ['watchers'],
    channels: [...EMAIL_AND_IN_APP],
    templateKey: 'ticket-updated-watcher',
    importance: 'low',
    enabled: true,
  },
];

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A CloudEvents type of the platform: dot-separated lower-case segments. */
const EVENT_TYPE = /^[a-z0-9_]+(?:\.[a-z0-9_]+)+$/;

/** Checks a trigger and reports every problem at once. */
export function validateTrigger(trigger: NotificationTrigger): FieldViolation[] {
  const violations: FieldViolation[] = [];
  violations.push(...keyViolations('key', trigger.key));
  if (trigger.eventType.trim().length === 0) {
    violations.push({ field: 'eventType', message: 'eventType is required' });
  } else if (!EVENT_TYPE.test(trigger.eventType)) {
    violations.push({
      field: 'eventType',
      message: `eventType must be a CloudEvents type such as itsm.tickets.v1.ticket.created, not "${trigger.eventType}"`,
    });
  }
  violations.push(...listViolations('audiences', trigger.audiences, AUDIENCES));
  violations.push(...listViolations('channels', trigger.channels, CHANNELS));
  violations.push(...keyViolations('templateKey', trigger.templateKey));
  if (!(IMPORTANCE as readonly string[]).includes(trigger.importance)) {
    violations.push({
      field: 'importance',
      message: `importance must be one of ${IMPORTANCE.join(', ')}, not "${String(trigger.importance)}"`,
    });
  }
  if (typeof trigger.enabled !== 'boolean') {
    violations.push({ field: 'enabled', message: 'enabled must be true or false' });
  }
  return violations;
}

/** The enabled triggers an event fires, in their given order. */
export function triggersFor(
  eventType: string,
  triggers: readonly NotificationTrigger[],
): NotificationTrigger[] {
  return triggers.filter((trigger) => trigger.enabled && trigger.eventType === eventType);
}

/**
 * Who a trigger reaches for one event: each person once, under the first of the trigger's
 * audiences they are in, in the order of the audiences and then of their ids, so that a replay
 * of the event selects the same people in the same order.
 *
 * Internal notes reach staff only. A trigger that has the requester among its audiences carries
 * a message written for the requester's side, so an internal note does not fire it at all: its
 * watchers, staff or not, would otherwise read a note as a reply from the service desk.
 * A disabled trigger reaches no one.
 */
export function resolveRecipients(
  trigger: NotificationTrigger,
  context: RecipientContext,
): RecipientSelection[] {
  const internal = context.commentVisibility === 'internal';
  if (!trigger.enabled || (internal && trigger.audiences.includes('requester'))) return [];
  const selected = new Map<string, Audience>();
  for (const audience of trigger.audiences) {
    const ids = membersOf(audience, context).filter((id): id is string => id !== null);
    for (const id of [...new Set(ids)].sort(byCodeUnit)) {
      if (id.trim().length === 0 || id === context.actorId || selected.has(id)) continue;
      if (internal && !context.staffIds.has(id)) continue;
      selected.set(id, audience);
    }
  }
  return [...selected].map(([userId, audience]) => ({ userId, audience }));
}

function membersOf(audience: Audience, context: RecipientContext): (string | null)[] {
  switch (audience) {
    case 'requester':
      return [context.requesterId];
    case 'assignee':
      return [context.assigneeId];
    case 'group':
      return context.routedToAgent ? [] : context.groupMemberIds;
    case 'group_supervisor':
      return [context.groupSupervisorId];
    case 'approvers':
      return context.approverIds;
    case 'watchers':
      return context.watcherIds;
  }
}

/** By UTF-16 code units, not the locale, so the order is the same on every replica. */
function byCodeUnit(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function keyViolations(field: string, key: string): FieldViolation[] {
  if (key.trim().length === 0) return [{ field, message: `${field} is required` }];
  if (!KEY.test(key)) {
    return [
      {
        field,
        message: `${field} must be lower-case words joined by hyphens, not "${key}"`,
      },
    ];
  }
  return [];
}

function listViolations(
  field: string,
  values: readonly string[],
  allowed: readonly string[],
): FieldViolation[] {
  if (values.length === 0) {
    return [{ field, message: `${field} must name at least one of ${allowed.join(', ')}` }];
  }
  const violations: FieldViolation[] = [];
  values.forEach((value, index) => {
    if (!allowed.includes(value)) {
      violations.push({
        field: `${field}[${index}]`,
        message: `"${value}" is not one of ${allowed.join(', ')}`,
      });
    } else if (values.indexOf(value) !== index) {
      violations.push({ field: `${field}[${index}]`, message: `"${value}" is listed twice` });
    }
  });
  return violations;
}
