import { ValidationException } from '../problem/validation.exception';
import {
  ApprovalOutcome,
  ApprovalQuorum,
  ChangeKind,
  ChangeRisk,
  Channel,
  CommentVisibility,
  Impact,
  ImplementationOutcome,
  PendingReason,
  Priority,
  RelationKind,
  type Ticket,
  TicketAction,
  type TicketComment,
  TicketStatus,
  TicketType,
  toTimestamp,
  Urgency,
  VoteDecision,
} from '@itsm/contracts';
import { UpdateTicketDto } from './dto/update-ticket.dto';
import {
  toCastApprovalVoteRequest,
  toChangeApprovalDto,
  claimedBulkActor,
  toBulkUpdateTicketsRequest,
  toCountTicketsRequest,
  toCreateTicketRequest,
  toLinkTicketsRequest,
  toListTicketsRequest,
  toMergeTicketRequest,
  claimedWatchActor,
  toRateTicketRequest,
  toTicketDto,
  toTicketRelationDto,
  toTransitionTicketRequest,
  toUpdateTicketRequest,
  toVisibleCommentDtos,
  toWatchTicketRequest,
} from './ticket-dto.mapper';

/** Who the gateway decided a new ticket is for (see `requesterFor`). */
const forEmp1 = { requesterId: 'emp-1', organizationId: '' };

const at = new Date('2026-11-27T08:30:00.250Z');

/** An incident with nothing of problems or changes set, as the service sends it. */
const incident: Ticket = {
  id: 'id-1',
  number: 'INC-000001',
  type: TicketType.TICKET_TYPE_INCIDENT,
  title: 't',
  description: '',
  status: TicketStatus.TICKET_STATUS_NEW,
  impact: Impact.IMPACT_HIGH,
  urgency: Urgency.URGENCY_LOW,
  priority: Priority.PRIORITY_MEDIUM,
  channel: Channel.CHANNEL_WEB_FORM,
  requesterId: 'emp-1',
  organizationId: '',
  createdAt: toTimestamp(at),
  updatedAt: toTimestamp(at),
  version: 3,
  assignmentGroupId: '',
  assigneeId: 'agent-7',
  pendingReason: PendingReason.PENDING_REASON_AWAITING_VENDOR,
  resolutionCode: '',
  resolutionNotes: '',
  resolvedAt: undefined,
  closedAt: toTimestamp(at),
  firstRespondedAt: undefined,
  priorityReason: '',
  rootCause: '',
  workaround: '',
  knownErrorAt: undefined,
  changeKind: ChangeKind.CHANGE_KIND_UNSPECIFIED,
  risk: ChangeRisk.CHANGE_RISK_UNSPECIFIED,
  backoutPlan: '',
  plannedStart: undefined,
  plannedEnd: undefined,
  approvalId: '',
  implementationStartedAt: undefined,
  implementationOutcome: ImplementationOutcome.IMPLEMENTATION_OUTCOME_UNSPECIFIED,
  implementationNotes: '',
  completedAt: undefined,
  configurationItemIds: [],
  tags: [],
  watcherIds: [],
  satisfactionRating: 0,
  satisfactionComment: '',
  ratedAt: undefined,
  serviceId: '',
  categoryId: '',
  catalogItemId: '',
  customFieldsJson: '{}',
  reportedAt: toTimestamp(at),
};

describe('ticket REST ⇄ contract mapping', () => {
  it('renders a ticket with ISO timestamps and null for what is not set', () => {
    expect(toTicketDto(incident)).toEqual({
      id: 'id-1',
      number: 'INC-000001',
      type: 'incident',
      title: 't',
      description: '',
      status: 'new',
      impact: 'high',
      urgency: 'low',
      priority: 'medium',
      channel: 'web_form',
      requesterId: 'emp-1',
      organizationId: null,
      createdAt: '2026-11-27T08:30:00.250Z',
      updatedAt: '2026-11-27T08:30:00.250Z',
      version: 3,
      assignmentGroupId: null,
      assigneeId: 'agent-7',
      pendingReason: 'awaiting_vendor',
      resolutionCode: null,
      resolutionNotes: '',
      resolvedAt: null,
      closedAt: '2026-11-27T08:30:00.250Z',
      firstRespondedAt: null,
      priorityReason: null,
      rootCause: '',
      workaround: '',
      knownErrorAt: null,
      changeKind: null,
      risk: null,
      backoutPlan: '',
      plannedStart: null,
      plannedEnd: null,
      reportedAt: '2026-11-27T08:30:00.250Z',
      approvalId: null,
      implementationStartedAt: null,
      implementationOutcome: null,
      implementationNotes: '',
      completedAt: null,
      configurationItemIds: [],
      tags: [],
      watcherIds: [],
      satisfaction: null,
      serviceId: null,
      categoryId: null,
      catalogItemId: null,
      customFields: {},
    });
  });

  it('renders a request ordered from the catalog with its service, category, item and form values', () => {
    expect(
      toTicketDto({
        ...incident,
        type: TicketType.TICKET_TYPE_SERVICE_REQUEST,
        serviceId: 'svc-1',
        categoryId: 'cat-1',
        catalogItemId: 'item-1',
        customFieldsJson: '{"laptopModel":"ThinkPad X1","monitors":2}',
      }),
    ).toMatchObject({
      type: 'service_request',
      serviceId: 'svc-1',
      categoryId: 'cat-1',
      catalogItemId: 'item-1',
      customFields: { laptopModel: 'ThinkPad X1', monitors: 2 },
    });
  });

  it('reads no custom fields from a service that predates them', () => {
    expect(toTicketDto({ ...incident, customFieldsJson: '' }).customFields).toEqual({});
  });

  it.each([
    ['text that is no JSON', '{laptop', "ticket id-1's customFieldsJson is not valid JSON"],
    ['an array', '["x"]', "ticket id-1's customFieldsJson is not a JSON object"],
    ['null', 'null', "ticket id-1's customFieldsJson is not a JSON object"],
  ])('fails as a server error on custom fields that are %s', (_, customFieldsJson, message) => {
    expect(() => toTicketDto({ ...incident, customFieldsJson })).toThrow(message);
  });

  it('renders the tags, the watchers and the rating of a rated ticket', () => {
    expect(
      toTicketDto({
        ...incident,
        status: TicketStatus.TICKET_STATUS_CLOSED,
        tags: ['vpn', 'vip'],
        watcherIds: ['emp-2001', 'lead-1'],
        satisfactionRating: 4,
        satisfactionComment: 'Fixed within the hour.',
        ratedAt: toTimestamp(at),
      }),
    ).toMatchObject({
      tags: ['vpn', 'vip'],
      watcherIds: ['emp-2001', 'lead-1'],
      satisfaction: {
        rating: 4,
        comment: 'Fixed within the hour.',
        ratedAt: '2026-11-27T08:30:00.250Z',
      },
    });
  });

  it('refuses a rating without the time it was given', () => {
    expect(() => toTicketDto({ ...incident, satisfactionRating: 5 })).toThrow(
      'ticket id-1 is rated but lacks the time of it',
    );
  });

  it('renders a change with its kind, risk, window, approval round and implementation', () => {
    const dto = toTicketDto({
      ...incident,
      number: 'CHG-000004',
      type: TicketType.TICKET_TYPE_CHANGE,
      status: TicketStatus.TICKET_STATUS_REVIEW,
      changeKind: ChangeKind.CHANGE_KIND_EMERGENCY,
      risk: ChangeRisk.CHANGE_RISK_HIGH,
      backoutPlan: 'Restore the snapshot.',
      plannedStart: toTimestamp(new Date('2026-12-05T19:00:00Z')),
      plannedEnd: toTimestamp(new Date('2026-12-05T23:00:00Z')),
      approvalId: 'approval-1',
      implementationStartedAt: toTimestamp(new Date('2026-12-05T19:05:00Z')),
      implementationOutcome: ImplementationOutcome.IMPLEMENTATION_OUTCOME_PARTIALLY_SUCCESSFUL,
      implementationNotes: 'The replica needed a second run.',
      completedAt: toTimestamp(new Date('2026-12-05T22:40:00Z')),
      configurationItemIds: ['ci-db-primary', 'ci-db-replica'],
    });
    expect(dto).toMatchObject({
      number: 'CHG-000004',
      type: 'change',
      status: 'review',
      changeKind: 'emergency',
      risk: 'high',
      backoutPlan: 'Restore the snapshot.',
      plannedStart: '2026-12-05T19:00:00.000Z',
      plannedEnd: '2026-12-05T23:00:00.000Z',
      approvalId: 'approval-1',
      implementationStartedAt: '2026-12-05T19:05:00.000Z',
      implementationOutcome: 'partially_successful',
      implementationNotes: 'The replica needed a second run.',
      completedAt: '2026-12-05T22:40:00.000Z',
      configurationItemIds: ['ci-db-primary', 'ci-db-replica'],
    });
  });

  it('renders a known error with its root cause, workaround and time', () => {
    expect(
      toTicketDto({
        ...incident,
        type: TicketType.TICKET_TYPE_PROBLEM,
        status: TicketStatus.TICKET_STATUS_KNOWN_ERROR,
        rootCause: 'A certificate expired.',
        workaround: 'Use the web VPN.',
        knownErrorAt: toTimestamp(at),
      }),
    ).toMatchObject({
      type: 'problem',
      status: 'known_error',
      rootCause: 'A certificate expired.',
      workaround: 'Use the web VPN.',
      knownErrorAt: '2026-11-27T08:30:00.250Z',
      changeKind: null,
    });
  });

  it('leaves optional fields unspecified for the service to default', () => {
    expect(toCreateTicketRequest({ type: 'incident', title: 'x' }, forEmp1, undefined)).toEqual({
      idempotencyKey: '',
      type: TicketType.TICKET_TYPE_INCIDENT,
      title: 'x',
      description: '',
      impact: Impact.IMPACT_UNSPECIFIED,
      urgency: Urgency.URGENCY_UNSPECIFIED,
      channel: Channel.CHANNEL_UNSPECIFIED,
      requesterId: 'emp-1',
      organizationId: '',
      changeKind: ChangeKind.CHANGE_KIND_UNSPECIFIED,
      configurationItemIds: [],
      plannedStart: undefined,
      plannedEnd: undefined,
      tags: [],
      serviceId: '',
      categoryId: '',
      customFieldsJson: '',
      reportedAt: undefined,
    });
  });

  it('passes the service, the category and the form values of a new ticket as JSON text', () => {
    expect(
      toCreateTicketRequest(
        {
          type: 'incident',
          title: 'Printer jams',
          serviceId: '0193a7a0-0000-7000-8000-0000000000a1',
          categoryId: '0193a7a0-0000-7000-8000-0000000000c1',
          customFields: { floor: 3, model: 'HP M404' },
        },
        forEmp1,
        undefined,
      ),
    ).toMatchObject({
      serviceId: '0193a7a0-0000-7000-8000-0000000000a1',
      categoryId: '0193a7a0-0000-7000-8000-0000000000c1',
      customFieldsJson: '{"floor":3,"model":"HP M404"}',
    });
  });

  it('passes the tags of a new ticket as given, for the service to normalise', () => {
    expect(
      toCreateTicketRequest(
        { type: 'incident', title: 'x', tags: ['VPN', ' vip'] },
        forEmp1,
        undefined,
      ).tags,
    ).toEqual(['VPN', ' vip']);
  });

  it('passes a change with its kind, configuration items and window', () => {
    expect(
      toCreateTicketRequest(
        {
          type: 'change',
          title: 'Upgrade the database',
          changeKind: 'standard',
          configurationItemIds: ['ci-db-primary'],
          plannedStart: '2026-12-05T22:00:00+03:00',
          plannedEnd: '2026-12-06T02:00:00+03:00',
        },
        forEmp1,
        'key-1',
      ),
    ).toMatchObject({
      idempotencyKey: 'key-1',
      type: TicketType.TICKET_TYPE_CHANGE,
      changeKind: ChangeKind.CHANGE_KIND_STANDARD,
      configurationItemIds: ['ci-db-primary'],
      plannedStart: toTimestamp(new Date('2026-12-05T19:00:00Z')),
      plannedEnd: toTimestamp(new Date('2026-12-05T23:00:00Z')),
    });
  });

  it('passes a submit with its assessment, approvers, quorum and window', () => {
    expect(
      toTransitionTicketRequest(
        'id-1',
        {
          action: 'submit',
          risk: 'medium',
          impact: 'low',
          backoutPlan: 'Restore the snapshot.',
          plannedStart: '2026-12-05T19:00:00Z',
          plannedEnd: '2026-12-05T23:00:00Z',
          approverIds: ['mgr-3', 'sec-1'],
          cabGroupId: 'cab-infra',
          quorum: 'all',
        },
        'chg-mgr-1',
        2,
      ),
    ).toEqual({
      id: 'id-1',
      action: TicketAction.TICKET_ACTION_SUBMIT,
      expectedVersion: 2,
      actorId: 'chg-mgr-1',
      assigneeId: '',
      assignmentGroupId: '',
      pendingReason: PendingReason.PENDING_REASON_UNSPECIFIED,
      resolutionCode: '',
      resolutionNotes: '',
      rootCause: '',
      workaround: '',
      risk: ChangeRisk.CHANGE_RISK_MEDIUM,
      impact: Impact.IMPACT_LOW,
      backoutPlan: 'Restore the snapshot.',
      plannedStart: toTimestamp(new Date('2026-12-05T19:00:00Z')),
      plannedEnd: toTimestamp(new Date('2026-12-05T23:00:00Z')),
      approverIds: ['mgr-3', 'sec-1'],
      cabGroupId: 'cab-infra',
      quorum: ApprovalQuorum.APPROVAL_QUORUM_ALL,
      implementationOutcome: ImplementationOutcome.IMPLEMENTATION_OUTCOME_UNSPECIFIED,
      implementationNotes: '',
      resolveLinkedIncidents: false,
    });
  });

  it('passes the resolution of a problem that also resolves the incidents it caused', () => {
    expect(
      toTransitionTicketRequest(
        'prb-1',
        {
          action: 'resolve',
          resolutionCode: 'fixed',
          rootCause: 'An expired certificate.',
          resolveLinkedIncidents: true,
        },
        'prb-mgr-1',
        5,
      ),
    ).toMatchObject({
      action: TicketAction.TICKET_ACTION_RESOLVE,
      expectedVersion: 5,
      rootCause: 'An expired certificate.',
      resolveLinkedIncidents: true,
    });
  });

  it('passes a completion with its outcome and a known error with its cause and workaround', () => {
    expect(
      toTransitionTicketRequest(
        'id-1',
        {
          action: 'complete',
          implementationOutcome: 'backed_out',
          implementationNotes: 'The replica did not come back.',
        },
        'impl-1',
        undefined,
      ),
    ).toMatchObject({
      action: TicketAction.TICKET_ACTION_COMPLETE,
      expectedVersion: 0,
      implementationOutcome: ImplementationOutcome.IMPLEMENTATION_OUTCOME_BACKED_OUT,
      implementationNotes: 'The replica did not come back.',
      approverIds: [],
      quorum: ApprovalQuorum.APPROVAL_QUORUM_UNSPECIFIED,
      plannedStart: undefined,
      resolveLinkedIncidents: false,
    });
    expect(
      toTransitionTicketRequest(
        'id-2',
        { action: 'record_known_error', rootCause: 'cert', workaround: 'web' },
        'prb-1',
        undefined,
      ),
    ).toMatchObject({
      action: TicketAction.TICKET_ACTION_RECORD_KNOWN_ERROR,
      rootCause: 'cert',
      workaround: 'web',
      risk: ChangeRisk.CHANGE_RISK_UNSPECIFIED,
    });
  });

  it('passes a vote; an approval without a comment or CAB sends them empty', () => {
    expect(
      toCastApprovalVoteRequest(
        'id-1',
        { decision: 'reject', comment: 'No backout for the replica.', cabGroupId: 'cab-infra' },
        'cab-member-4',
      ),
    ).toEqual({
      ticketId: 'id-1',
      approverId: 'cab-member-4',
      decision: VoteDecision.VOTE_DECISION_REJECT,
      comment: 'No backout for the replica.',
      cabGroupId: 'cab-infra',
    });
    expect(toCastApprovalVoteRequest('id-1', { decision: 'approve' }, 'mgr-3')).toEqual({
      ticketId: 'id-1',
      approverId: 'mgr-3',
      decision: VoteDecision.VOTE_DECISION_APPROVE,
      comment: '',
      cabGroupId: '',
    });
  });

  it('renders a pending approval round with null for no CAB and no decision', () => {
    expect(
      toChangeApprovalDto({
        id: 'approval-1',
        changeId: 'id-1',
        approverIds: ['mgr-3', 'sec-1'],
        cabGroupId: '',
        quorum: ApprovalQuorum.APPROVAL_QUORUM_ALL,
        votes: [
          {
            approverId: 'mgr-3',
            viaGroupId: '',
            decision: VoteDecision.VOTE_DECISION_APPROVE,
            comment: '',
            at: toTimestamp(at),
          },
        ],
        outcome: ApprovalOutcome.APPROVAL_OUTCOME_PENDING,
        openedAt: toTimestamp(new Date('2026-11-27T08:00:00Z')),
        decidedAt: undefined,
      }),
    ).toEqual({
      id: 'approval-1',
      changeId: 'id-1',
      approverIds: ['mgr-3', 'sec-1'],
      cabGroupId: null,
      quorum: 'all',
      outcome: 'pending',
      votes: [
        {
          approverId: 'mgr-3',
          viaGroupId: null,
          decision: 'approve',
          comment: '',
          at: '2026-11-27T08:30:00.250Z',
        },
      ],
      openedAt: '2026-11-27T08:00:00.000Z',
      decidedAt: null,
    });
  });

  it('renders a decided round with the CAB seat a vote filled', () => {
    const dto = toChangeApprovalDto({
      id: 'approval-2',
      changeId: 'id-1',
      approverIds: [],
      cabGroupId: 'cab-infra',
      quorum: ApprovalQuorum.APPROVAL_QUORUM_ANY,
      votes: [
        {
          approverId: 'cab-member-4',
          viaGroupId: 'cab-infra',
          decision: VoteDecision.VOTE_DECISION_REJECT,
          comment: 'No backout for the replica.',
          at: toTimestamp(at),
        },
      ],
      outcome: ApprovalOutcome.APPROVAL_OUTCOME_REJECTED,
      openedAt: toTimestamp(new Date('2026-11-27T08:00:00Z')),
      decidedAt: toTimestamp(at),
    });
    expect(dto).toMatchObject({
      cabGroupId: 'cab-infra',
      quorum: 'any',
      outcome: 'rejected',
      decidedAt: '2026-11-27T08:30:00.250Z',
    });
    expect(dto.votes[0]).toMatchObject({ viaGroupId: 'cab-infra', decision: 'reject' });
  });

  it.each([
    ['child_of', RelationKind.RELATION_KIND_CHILD_OF],
    ['duplicate_of', RelationKind.RELATION_KIND_DUPLICATE_OF],
    ['caused_by', RelationKind.RELATION_KIND_CAUSED_BY],
    ['relates_to', RelationKind.RELATION_KIND_RELATES_TO],
  ] as const)('relates the ticket of the path as the source: %s ⇄ %s', (name, kind) => {
    expect(toLinkTicketsRequest('inc-1', { kind: name, targetId: 'prb-1' }, 'agent-7')).toEqual({
      sourceId: 'inc-1',
      kind,
      targetId: 'prb-1',
      actorId: 'agent-7',
    });
    expect(
      toTicketRelationDto({
        id: 'rel-1',
        sourceId: 'inc-1',
        sourceNumber: 'INC-000001',
        kind,
        targetId: 'prb-1',
        targetNumber: 'PRB-000002',
        actorId: 'agent-7',
        createdAt: toTimestamp(at),
      }),
    ).toEqual({
      id: 'rel-1',
      sourceId: 'inc-1',
      sourceNumber: 'INC-000001',
      kind: name,
      targetId: 'prb-1',
      targetNumber: 'PRB-000002',
      actorId: 'agent-7',
      createdAt: '2026-11-27T08:30:00.250Z',
    });
  });

  it('refuses a relation the API cannot render', () => {
    const relation = {
      id: 'rel-1',
      sourceId: 'inc-1',
      sourceNumber: 'INC-000001',
      kind: RelationKind.RELATION_KIND_CAUSED_BY,
      targetId: 'prb-1',
      targetNumber: 'PRB-000002',
      actorId: 'agent-7',
      createdAt: toTimestamp(at),
    };
    expect(() => toTicketRelationDto({ ...relation, createdAt: undefined })).toThrow(
      'relation rel-1 lacks its time',
    );
    expect(() =>
      toTicketRelationDto({ ...relation, kind: RelationKind.RELATION_KIND_UNSPECIFIED }),
    ).toThrow('unexpected RELATION_KIND_* value RELATION_KIND_UNSPECIFIED from a service');
  });

  it('merges the ticket of the path into the target, checking its version only with If-Match', () => {
    expect(toMergeTicketRequest('inc-2', { targetId: 'inc-1' }, 'agent-7', 4)).toEqual({
      sourceId: 'inc-2',
      targetId: 'inc-1',
      actorId: 'agent-7',
      expectedVersion: 4,
    });
    expect(
      toMergeTicketRequest('inc-2', { targetId: 'inc-1' }, 'agent-7', undefined).expectedVersion,
    ).toBe(0);
  });

  it('turns the fields present in a PATCH body into update paths; priority null clears a manual priority', () => {
    const body = Object.assign(new UpdateTicketDto(), { urgency: 'high', priority: null });
    expect(toUpdateTicketRequest('id-1', body, 'agent-7', 4)).toEqual({
      id: 'id-1',
      expectedVersion: 4,
      actorId: 'agent-7',
      updatePaths: ['urgency', 'priority'],
      patch: {
        title: '',
        description: '',
        impact: Impact.IMPACT_UNSPECIFIED,
        urgency: Urgency.URGENCY_HIGH,
        priority: Priority.PRIORITY_UNSPECIFIED,
        priorityReason: '',
        tags: [],
        configurationItemIds: [],
      },
    });
  });

  it('turns configuration items in a PATCH body into their update path', () => {
    const ids = ['0194a000-0000-7000-8000-00000000c001'];
    const body = Object.assign(new UpdateTicketDto(), { configurationItemIds: ids });
    const request = toUpdateTicketRequest('id-1', body, 'agent-7', undefined);
    expect(request.updatePaths).toEqual(['configuration_item_ids']);
    expect(request.patch?.configurationItemIds).toEqual(ids);
  });

  it.each([
    ['a new set', ['vpn', 'vip']],
    ['none (clears them)', []],
  ])('turns tags in a PATCH body into the update path tags with the whole set: %s', (_, tags) => {
    const body = Object.assign(new UpdateTicketDto(), { tags });
    const request = toUpdateTicketRequest('id-1', body, 'agent-7', undefined);
    expect(request.updatePaths).toEqual(['tags']);
    expect(request.patch?.tags).toEqual(tags);
  });

  it('leaves the tags alone when a PATCH body does not name them', () => {
    const body = Object.assign(new UpdateTicketDto(), { title: 'VPN down' });
    const request = toUpdateTicketRequest('id-1', body, 'agent-7', undefined);
    expect(request.updatePaths).toEqual(['title']);
    expect(request.patch?.tags).toEqual([]);
  });

  it('passes the sort order in the service spelling and instants as timestamps', () => {
    const request = toListTicketsRequest({
      sort: '-updatedAt',
      createdFrom: '2026-11-01T00:00:00+03:00',
      updatedTo: '2026-11-27T12:00:00Z',
    });
    expect(request.sort).toBe('-updated_at');
    expect(request.created).toEqual({
      from: toTimestamp(new Date('2026-10-31T21:00:00Z')),
      to: undefined,
    });
    expect(request.updated).toEqual({
      from: undefined,
      to: toTimestamp(new Date('2026-11-27T12:00:00Z')),
    });
    expect(toListTicketsRequest({}).created).toBeUndefined();
  });

  it('filters lists and counts by service and category', () => {
    const filters = { serviceId: 'svc-1', categoryId: 'cat-1' };
    expect(toListTicketsRequest(filters)).toMatchObject(filters);
    expect(toCountTicketsRequest(filters)).toMatchObject(filters);
    expect(toListTicketsRequest({})).toMatchObject({ serviceId: '', categoryId: '' });
  });

  it('filters lists and counts by every tag of the query', () => {
    expect(toListTicketsRequest({ tag: ['vpn', 'vip'] }).tags).toEqual(['vpn', 'vip']);
    expect(toListTicketsRequest({}).tags).toEqual([]);
    expect(toCountTicketsRequest({ tag: ['vpn'] }).tags).toEqual(['vpn']);
  });

  it('counts under the same ranges, without an order', () => {
    const request = toCountTicketsRequest({ createdTo: '2026-11-27T12:00:00Z' });
    expect(request).not.toHaveProperty('sort');
    expect(request.created?.to).toEqual(toTimestamp(new Date('2026-11-27T12:00:00Z')));
  });

  it('passes a rating by the requester; no comment is an empty one', () => {
    expect(toRateTicketRequest('id-1', { rating: 5, comment: 'Quick, thanks.' }, 'emp-1')).toEqual({
      ticketId: 'id-1',
      requesterId: 'emp-1',
      rating: 5,
      comment: 'Quick, thanks.',
    });
    expect(toRateTicketRequest('id-1', { rating: 2 }, 'emp-1').comment).toBe('');
  });
});

describe('bulk updates', () => {
  const ids = ['0193a7a0-0000-7000-8000-000000000001', '0193a7a0-0000-7000-8000-000000000002'];

  it('carries one transition for every ticket, by one actor', () => {
    const request = toBulkUpdateTicketsRequest(
      { ids, transition: { action: 'assign', assignmentGroupId: 'network' } },
      'lead-1',
    );
    expect(request).toMatchObject({
      ids,
      actorId: 'lead-1',
      transition: {
        action: TicketAction.TICKET_ACTION_ASSIGN,
        assignmentGroupId: 'network',
        actorId: 'lead-1',
      },
      update: undefined,
    });
  });

  it('reads the actor a bulk change names in its action or its edit', () => {
    expect(claimedBulkActor({ ids, transition: { action: 'close', actorId: 'lead-1' } })).toBe(
      'lead-1',
    );
    const update = Object.assign(new UpdateTicketDto(), { actorId: 'lead-2', urgency: 'high' });
    expect(claimedBulkActor({ ids, update })).toBe('lead-2');
    expect(claimedBulkActor({ ids, transition: { action: 'close' } })).toBeUndefined();
  });

  it.each([
    ['neither', {}],
    [
      'both',
      {
        transition: { action: 'close' as const },
        update: Object.assign(new UpdateTicketDto(), { urgency: 'high' as const }),
      },
    ],
  ])('refuses %s of transition and update', (_, operation) => {
    expect(() => toBulkUpdateTicketsRequest({ ids, ...operation }, 'lead-1')).toThrow(
      ValidationException,
    );
  });
});

describe('watchers', () => {
  const path = { id: 'id-1', watcherId: 'emp-2001' };

  it.each([
    ['the query', { actorId: 'agent-7' }, {}, 'agent-7'],
    ['the body', {}, { actorId: 'agent-7' }, 'agent-7'],
    ['both, alike', { actorId: 'agent-7' }, { actorId: 'agent-7' }, 'agent-7'],
    ['neither (the caller acts)', {}, {}, undefined],
    ['the query of a removal', { actorId: 'agent-7' }, undefined, 'agent-7'],
  ])('reads the actor a watcher change names in %s', (_, query, body, actor) => {
    expect(claimedWatchActor(query, body)).toBe(actor);
  });

  it('refuses two different actors, naming actorId', () => {
    const refusal = (() => {
      try {
        claimedWatchActor({ actorId: 'agent-7' }, { actorId: 'lead-1' });
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(ValidationException);
    expect(refusal).toMatchObject({
      errors: [
        { field: 'actorId', message: expect.stringContaining('name different actors') as unknown },
      ],
    });
  });

  it.each([
    ['adds', true],
    ['removes', false],
  ])('%s the watcher of the path', (_, watch) => {
    expect(toWatchTicketRequest(path, 'agent-7', watch)).toEqual({
      ticketId: 'id-1',
      watcherId: 'emp-2001',
      actorId: 'agent-7',
      watch,
    });
  });
});

describe('the conversation as a caller reads it', () => {
  const comment = (id: string, visibility: CommentVisibility): TicketComment => ({
    id,
    ticketId: 'id-1',
    authorId: 'agent-7',
    visibility,
    body: `comment ${id}`,
    createdAt: toTimestamp(at),
  });
  const conversation = [
    comment('c-1', CommentVisibility.COMMENT_VISIBILITY_PUBLIC),
    comment('c-2', CommentVisibility.COMMENT_VISIBILITY_INTERNAL),
    comment('c-3', CommentVisibility.COMMENT_VISIBILITY_PUBLIC),
  ];

  it.each([
    ['a caller who reads internal notes gets every comment', true, ['c-1', 'c-2', 'c-3']],
    ['a requester gets the public replies only', false, ['c-1', 'c-3']],
  ])('%s', (_, seesInternalNotes, ids) => {
    expect(toVisibleCommentDtos(conversation, seesInternalNotes).map((dto) => dto.id)).toEqual(ids);
  });

  it('keeps from requesters a comment whose visibility the gateway does not know', () => {
    const unknown = comment('c-4', CommentVisibility.COMMENT_VISIBILITY_UNSPECIFIED);
    expect(toVisibleCommentDtos([unknown], false)).toEqual([]);
  });

  it('renders what it keeps as the conversation route always did', () => {
    expect(toVisibleCommentDtos([conversation[0] as TicketComment], false)).toEqual([
      {
        id: 'c-1',
        ticketId: 'id-1',
        authorId: 'agent-7',
        visibility: 'public',
        body: 'comment c-1',
        createdAt: '2026-11-27T08:30:00.250Z',
      },
    ]);
  });
});
