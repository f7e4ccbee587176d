import { DEFAULT_TEMPLATES } from './default-templates';
import {
  type Audience,
  DEFAULT_TRIGGERS,
  type NotificationTrigger,
  type RecipientContext,
  resolveRecipients,
  triggersFor,
  validateTrigger,
} from './notification-trigger';

function trigger(overrides: Partial<NotificationTrigger> = {}): NotificationTrigger {
  return {
    key: 'custom',
    eventType: 'itsm.tickets.v1.ticket.updated',
    audiences: ['requester'],
    channels: ['email'],
    templateKey: 'ticket-updated-watcher',
    importance: 'normal',
    enabled: true,
    ...overrides,
  };
}

function context(overrides: Partial<RecipientContext> = {}): RecipientContext {
  return {
    actorId: null,
    requesterId: 'u-requester',
    assigneeId: 'u-agent',
    watcherIds: ['u-watcher-b', 'u-watcher-a'],
    groupMemberIds: ['u-member-2', 'u-agent', 'u-member-1'],
    groupSupervisorId: 'u-supervisor',
    approverIds: ['u-cab-2', 'u-cab-1'],
    commentVisibility: null,
    staffIds: new Set(['u-agent', 'u-member-1', 'u-member-2', 'u-supervisor', 'u-watcher-b']),
    routedToAgent: false,
    ...overrides,
  };
}

function defaultTrigger(key: string): NotificationTrigger {
  const found = DEFAULT_TRIGGERS.find((t) => t.key === key);
  if (!found) throw new Error(`no default trigger ${key}`);
  return found;
}

/** "id/audience" pairs, in the order selected. */
function selected(t: NotificationTrigger, c: RecipientContext): string[] {
  return resolveRecipients(t, c).map(({ userId, audience }) => `${userId}/${audience}`);
}

describe('the default triggers', () => {
  it.each<[string, string, Audience[], string, string]>([
    [
      'ticket-created',
      'itsm.tickets.v1.ticket.created',
      ['requester'],
      'ticket-created-requester',
      'normal',
    ],
    [
      'ticket-replied',
      'itsm.tickets.v1.ticket.commented',
      ['requester', 'watchers'],
      'ticket-replied-requester',
      'normal',
    ],
    [
      'ticket-commented-agent',
      'itsm.tickets.v1.ticket.commented',
      ['assignee'],
      'ticket-commented-agent',
      'low',
    ],
    [
      'ticket-resolved',
      'itsm.tickets.v1.ticket.resolved',
      ['requester', 'watchers'],
      'ticket-resolved-requester',
      'normal',
    ],
    [
      'ticket-assigned-assignee',
      'itsm.tickets.v1.ticket.assigned',
      ['assignee'],
      'ticket-assigned-assignee',
      'normal',
    ],
    [
      'ticket-routed-group',
      'itsm.routing.v1.ticket.routed',
      ['group'],
      'ticket-assigned-group',
      'normal',
    ],
    [
      'sla-warning',
      'itsm.sla.v1.clock.warning',
      ['group_supervisor'],
      'sla-warning-supervisor',
      'normal',
    ],
    [
      'sla-breached',
      'itsm.sla.v1.clock.breached',
      ['group_supervisor', 'assignee'],
      'sla-breached-supervisor',
      'normal',
    ],
    [
      'change-approval-requested',
      'itsm.tickets.v1.change.approval_requested',
      ['approvers'],
      'change-approval-requested-approver',
      'normal',
    ],
    [
      'ticket-updated-watchers',
      'itsm.tickets.v1.ticket.updated',
      ['watchers'],
      'ticket-updated-watcher',
      'low',
    ],
  ])('%s fires on %s for %j with %s (%s)', (key, eventType, audiences, templateKey, importance) => {
    expect(defaultTrigger(key)).toEqual({
      key,
      eventType,
      audiences,
      channels: ['email', 'in_app'],
      templateKey,
      importance,
      enabled: true,
    });
  });

  it('are exactly the ten above, each valid and with a template in both languages', () => {
    expect(DEFAULT_TRIGGERS).toHaveLength(10);
    for (const t of DEFAULT_TRIGGERS) {
      expect(validateTrigger(t)).toEqual([]);
      const locales = DEFAULT_TEMPLATES.filter(({ key }) => key === t.templateKey).map(
        ({ locale }) => locale,
      );
      expect(locales.sort()).toEqual(['en', 'ru']);
    }
  });
});

describe('choosing the triggers of an event', () => {
  it('keeps the enabled ones of its type, in order', () => {
    const disabled = trigger({
      key: 'off',
      eventType: 'itsm.tickets.v1.ticket.commented',
      enabled: false,
    });
    expect(
      triggersFor('itsm.tickets.v1.ticket.commented', [...DEFAULT_TRIGGERS, disabled]).map(
        ({ key }) => key,
      ),
    ).toEqual(['ticket-replied', 'ticket-commented-agent']);
    expect(triggersFor('itsm.tickets.v1.ticket.merged', DEFAULT_TRIGGERS)).toEqual([]);
  });
});

describe('resolving the recipients of a trigger', () => {
  it.each<[string, Partial<NotificationTrigger>, Partial<RecipientContext>, string[]]>([
    ['the requester', { audiences: ['requester'] }, {}, ['u-requester/requester']],
    ['the assignee', { audiences: ['assignee'] }, {}, ['u-agent/assignee']],
    [
      'watchers, sorted by id',
      { audiences: ['watchers'] },
      {},
      ['u-watcher-a/watchers', 'u-watcher-b/watchers'],
    ],
    [
      'the group, sorted by id',
      { audiences: ['group'] },
      {},
      ['u-agent/group', 'u-member-1/group', 'u-member-2/group'],
    ],
    ['no group when routing chose an agent', { audiences: ['group'] }, { routedToAgent: true }, []],
    [
      'other audiences when routing chose an agent',
      { audiences: ['group', 'assignee'] },
      { routedToAgent: true },
      ['u-agent/assignee'],
    ],
    ['the supervisor', { audiences: ['group_supervisor'] }, {}, ['u-supervisor/group_supervisor']],
    ['approvers', { audiences: ['approvers'] }, {}, ['u-cab-1/approvers', 'u-cab-2/approvers']],
    [
      'a person once, under the first audience of the trigger',
      { audiences: ['assignee', 'group'] },
      {},
      ['u-agent/assignee', 'u-member-1/group', 'u-member-2/group'],
    ],
    [
      'the other first audience when the order is reversed',
      { audiences: ['group', 'assignee'] },
      {},
      ['u-agent/group', 'u-member-1/group', 'u-member-2/group'],
    ],
    [
      'a requester who also watches, once',
      { audiences: ['requester', 'watchers'] },
      { watcherIds: ['u-requester', 'u-watcher-a'] },
      ['u-requester/requester', 'u-watcher-a/watchers'],
    ],
    [
      'no one twice from a repeated id',
      { audiences: ['watchers'] },
      { watcherIds: ['u-x', 'u-x'] },
      ['u-x/watchers'],
    ],
    [
      'not the actor',
      { audiences: ['requester', 'watchers'] },
      { actorId: 'u-requester' },
      ['u-watcher-a/watchers', 'u-watcher-b/watchers'],
    ],
    [
      'not the actor in a later audience either',
      { audiences: ['group_supervisor', 'assignee'] },
      { actorId: 'u-agent' },
      ['u-supervisor/group_supervisor'],
    ],
    [
      'no one for missing people',
      { audiences: ['requester', 'assignee', 'group_supervisor'] },
      { requesterId: null, assigneeId: null, groupSupervisorId: null },
      [],
    ],
    [
      'no empty ids',
      { audiences: ['requester', 'watchers'] },
      { requesterId: '', watcherIds: [' ', 'u-w'] },
      ['u-w/watchers'],
    ],
    [
      'everyone for a public comment',
      { audiences: ['assignee', 'watchers'] },
      { commentVisibility: 'public' },
      ['u-agent/assignee', 'u-watcher-a/watchers', 'u-watcher-b/watchers'],
    ],
    [
      'staff only for an internal note',
      { audiences: ['assignee', 'watchers'] },
      { commentVisibility: 'internal' },
      ['u-agent/assignee', 'u-watcher-b/watchers'],
    ],
    [
      'no one for an internal note from a trigger written for the requester',
      { audiences: ['requester', 'watchers'] },
      { commentVisibility: 'internal' },
      [],
    ],
    ['no one from a disabled trigger', { audiences: ['requester'], enabled: false }, {}, []],
  ])('reaches %s', (_label, t, c, expected) => {
    expect(selected(trigger(t), context(c))).toEqual(expected);
  });

  it.each<[string, Partial<RecipientContext>, string[]]>([
    [
      'a public reply by the agent',
      { actorId: 'u-agent', commentVisibility: 'public' },
      ['u-requester/requester', 'u-watcher-a/watchers', 'u-watcher-b/watchers'],
    ],
    [
      'the requester answering',
      { actorId: 'u-requester', commentVisibility: 'public' },
      ['u-watcher-a/watchers', 'u-watcher-b/watchers'],
    ],
    ['an internal note', { actorId: 'u-agent', commentVisibility: 'internal' }, []],
  ])('ticket-replied on %s', (_label, c, expected) => {
    expect(selected(defaultTrigger('ticket-replied'), context(c))).toEqual(expected);
  });

  it.each<[string, Partial<RecipientContext>, string[]]>([
    [
      'a public reply by the requester',
      { actorId: 'u-requester', commentVisibility: 'public' },
      ['u-agent/assignee'],
    ],
    [
      'an internal note by a colleague',
      { actorId: 'u-member-1', commentVisibility: 'internal' },
      ['u-agent/assignee'],
    ],
    ["the assignee's own note", { actorId: 'u-agent', commentVisibility: 'internal' }, []],
    [
      'a note when the assignee is not known as staff',
      { actorId: 'u-member-1', commentVisibility: 'internal', staffIds: new Set<string>() },
      [],
    ],
  ])('ticket-commented-agent on %s', (_label, c, expected) => {
    expect(selected(defaultTrigger('ticket-commented-agent'), context(c))).toEqual(expected);
  });
});

describe('validating a trigger', () => {
  it('accepts a valid trigger', () => {
    expect(validateTrigger(trigger())).toEqual([]);
  });

  it.each<[string, Partial<NotificationTrigger>, string[]]>([
    ['no key', { key: '' }, ['key: key is required']],
    [
      'a key with capitals',
      { key: 'Ticket_Created' },
      ['key: key must be lower-case words joined by hyphens, not "Ticket_Created"'],
    ],
    ['no event type', { eventType: ' ' }, ['eventType: eventType is required']],
    [
      'an event type that is not a CloudEvents type',
      { eventType: 'ticket created' },
      [
        'eventType: eventType must be a CloudEvents type such as itsm.tickets.v1.ticket.created, not "ticket created"',
      ],
    ],
    [
      'no audience',
      { audiences: [] },
      [
        'audiences: audiences must name at least one of requester, assignee, group, group_supervisor, approvers, watchers',
      ],
    ],
    [
      'an unknown audience and a repeated one',
      { audiences: ['requester', 'everyone' as Audience, 'requester'] },
      [
        'audiences[1]: "everyone" is not one of requester, assignee, group, group_supervisor, approvers, watchers',
        'audiences[2]: "requester" is listed twice',
      ],
    ],
    [
      'no channel',
      { channels: [] },
      ['channels: channels must name at least one of email, in_app'],
    ],
    [
      'webhooks as a channel',
      { channels: ['webhook' as 'email'] },
      ['channels[0]: "webhook" is not one of email, in_app'],
    ],
    ['no template', { templateKey: '' }, ['templateKey: templateKey is required']],
    [
      'an unknown importance',
      { importance: 'urgent' as 'normal' },
      ['importance: importance must be one of normal, low, not "urgent"'],
    ],
  ])('reports %s', (_label, t, expected) => {
    expect(validateTrigger(trigger(t)).map(({ field, message }) => `${field}: ${message}`)).toEqual(
      expected,
    );
  });
});
