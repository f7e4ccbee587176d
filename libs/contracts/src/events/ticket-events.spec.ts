import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ticketEvents from './ticket-events';
import {
  ChangeApprovalApproved,
  ChangeApprovalRequested,
  TicketAssigned,
  TicketClosed,
  TicketCommented,
  TicketCreated,
  TicketReopened,
  TicketResolved,
  TicketStateChanged,
} from './ticket-events';
import { InvalidEventPayloadError } from './event-type';
import {
  ApprovalOutcome,
  ApprovalQuorum,
  ChangeKind,
  Channel,
  CommentVisibility,
  PendingReason,
  TicketAction,
  Impact,
  Priority,
  TicketStatus,
  TicketType,
  Urgency,
  Ticket,
} from '../generated/itsm/tickets/v1/ticket';
import { toTimestamp } from '../timestamps';

const ticket = {
  // Every field a new incident leaves empty, at its contract default.
  ...Ticket.fromJSON({}),
  id: '0193a7a0-0000-7000-8000-000000000001',
  number: 'INC-000001',
  type: TicketType.TICKET_TYPE_INCIDENT,
  title: 'VPN does not connect',
  description: '',
  status: TicketStatus.TICKET_STATUS_NEW,
  impact: Impact.IMPACT_MEDIUM,
  urgency: Urgency.URGENCY_HIGH,
  priority: Priority.PRIORITY_HIGH,
  channel: Channel.CHANNEL_PORTAL,
  requesterId: 'u-1',
  organizationId: '',
  createdAt: toTimestamp(new Date('2026-11-27T10:15:30.123Z')),
  updatedAt: toTimestamp(new Date('2026-11-27T10:15:30.123Z')),
  version: 1,
  assignmentGroupId: '',
  assigneeId: '',
  pendingReason: PendingReason.PENDING_REASON_UNSPECIFIED,
  resolutionCode: '',
  resolutionNotes: '',
  resolvedAt: undefined,
  closedAt: undefined,
  firstRespondedAt: undefined,
};

describe('TicketCreated event contract', () => {
  it('encodes proto JSON with enum names and RFC 3339 timestamps', () => {
    const json = TicketCreated.toJson({ ticket }) as { ticket: Record<string, unknown> };
    expect(json.ticket).toMatchObject({
      id: ticket.id,
      number: 'INC-000001',
      type: 'TICKET_TYPE_INCIDENT',
      priority: 'PRIORITY_HIGH',
      createdAt: '2026-11-27T10:15:30.123Z',
    });
  });

  it('decodes what it encodes', () => {
    const decoded = TicketCreated.fromJson(
      JSON.parse(JSON.stringify(TicketCreated.toJson({ ticket }))),
    );
    expect(decoded.ticket).toEqual(ticket);
  });

  it.each([
    ['a non-object', 'hello', 'payload is not a JSON object'],
    ['a missing ticket', {}, 'ticket is missing'],
    [
      'an empty id',
      { ticket: { ...(TicketCreated.toJson({ ticket }) as object), id: '' } },
      'ticket.id is empty',
    ],
  ])('rejects %s', (_label, json, problem) => {
    expect(() => TicketCreated.fromJson(json)).toThrow(InvalidEventPayloadError);
    expect(() => TicketCreated.fromJson(json)).toThrow(problem);
  });
});

describe('TicketStateChanged event contracts', () => {
  const change = {
    ticket: { ...ticket, status: TicketStatus.TICKET_STATUS_RESOLVED },
    fromStatus: TicketStatus.TICKET_STATUS_IN_PROGRESS,
    action: TicketAction.TICKET_ACTION_RESOLVE,
    actorId: 'agent-7',
    changes: [{ field: 'status', oldValue: 'in_progress', newValue: 'resolved' }],
  };

  it('name the action in their CloudEvents type', () => {
    expect(
      [TicketAssigned, TicketResolved, TicketClosed, TicketReopened, TicketStateChanged].map(
        (e) => e.type,
      ),
    ).toEqual([
      'itsm.tickets.v1.ticket.assigned',
      'itsm.tickets.v1.ticket.resolved',
      'itsm.tickets.v1.ticket.closed',
      'itsm.tickets.v1.ticket.reopened',
      'itsm.tickets.v1.ticket.state_changed',
    ]);
  });

  it('round-trip through JSON', () => {
    expect(
      TicketResolved.fromJson(JSON.parse(JSON.stringify(TicketResolved.toJson(change)))),
    ).toEqual(change);
  });

  it('reject a change without its previous state', () => {
    const json = TicketResolved.toJson({
      ...change,
      fromStatus: TicketStatus.TICKET_STATUS_UNSPECIFIED,
    });
    expect(() => TicketResolved.fromJson(json)).toThrow('fromStatus is unspecified');
  });
});

describe('TicketCommented event contract', () => {
  const comment = {
    id: 'c-1',
    ticketId: ticket.id,
    authorId: 'agent-7',
    visibility: CommentVisibility.COMMENT_VISIBILITY_INTERNAL,
    body: 'Checked the VPN gateway logs.',
    createdAt: toTimestamp(new Date('2026-11-27T10:20:00.000Z')),
  };

  it('round-trips through JSON with the visibility by name', () => {
    const json = TicketCommented.toJson({ ticket, comment, firstResponse: false });
    expect(json).toMatchObject({ comment: { visibility: 'COMMENT_VISIBILITY_INTERNAL' } });
    expect(TicketCommented.fromJson(JSON.parse(JSON.stringify(json)))).toEqual({
      ticket,
      comment,
      firstResponse: false,
    });
  });

  it('rejects a comment without visibility', () => {
    const json = TicketCommented.toJson({
      ticket,
      comment: { ...comment, visibility: CommentVisibility.COMMENT_VISIBILITY_UNSPECIFIED },
      firstResponse: false,
    });
    expect(() => TicketCommented.fromJson(json)).toThrow('comment.visibility is unspecified');
  });
});

describe('change approval events', () => {
  const change = {
    ...ticket,
    number: 'CHG-000001',
    type: TicketType.TICKET_TYPE_CHANGE,
    status: TicketStatus.TICKET_STATUS_APPROVAL,
    changeKind: ChangeKind.CHANGE_KIND_NORMAL,
  };
  const approval = {
    id: '0193a7a0-0000-7000-8000-00000000000a',
    changeId: change.id,
    approverIds: ['cab-chair'],
    cabGroupId: '',
    quorum: ApprovalQuorum.APPROVAL_QUORUM_ALL,
    votes: [],
    outcome: ApprovalOutcome.APPROVAL_OUTCOME_PENDING,
    openedAt: toTimestamp(new Date('2026-11-27T10:15:30.123Z')),
    decidedAt: undefined,
  };

  it('names the change event and round-trips its payload', () => {
    const payload = { ticket: change, approval, actorId: 'cm-1' };
    expect(ChangeApprovalRequested.type).toBe('itsm.tickets.v1.change.approval_requested');
    expect(
      ChangeApprovalRequested.fromJson(
        JSON.parse(JSON.stringify(ChangeApprovalRequested.toJson(payload))),
      ),
    ).toEqual(payload);
  });

  it('refuses an approved event whose round is still pending, or about an incident', () => {
    const json = ChangeApprovalApproved.toJson({
      ticket: { ...change, type: TicketType.TICKET_TYPE_INCIDENT },
      approval,
      actorId: 'a',
    });
    expect(() => ChangeApprovalApproved.fromJson(json)).toThrow(
      /ticket is not a change; approval.outcome is not APPROVAL_OUTCOME_APPROVED/,
    );
  });
});

describe('the AsyncAPI document', () => {
  it('describes every tickets event type', () => {
    const document = readFileSync(join(__dirname, '../../../../proto/asyncapi.yaml'), 'utf8');
    const eventTypes = Object.values(ticketEvents).map((eventType) => eventType.type);
    expect(eventTypes.length).toBeGreaterThanOrEqual(11);
    expect(eventTypes.filter((type) => !document.includes(`name: ${type}\n`))).toEqual([]);
  });
});
