import { principalOf, type PrincipalClaims } from '@itsm/auth';
import {
  CommentVisibility,
  type Ticket,
  TicketCommented,
  TicketCreated,
  TicketLinked,
  TicketStatus,
  TicketType,
} from '@itsm/contracts';
import { mayReceive, type ScopedTicketChange, scopedTicketChangeOf } from './ticket-change';

const at = new Date('2026-11-27T10:00:00.000Z');

function scoped(value: ScopedTicketChange | undefined): ScopedTicketChange {
  if (!value) throw new Error('expected a change');
  return value;
}

function ticketJson(ticket: Ticket): unknown {
  return (TicketCreated.toJson({ ticket }) as { ticket: unknown }).ticket;
}

function aTicket(overrides: Partial<Ticket> = {}): Ticket {
  const { ticket } = TicketCreated.fromJson({
    ticket: {
      id: 't-1',
      number: 'INC-000001',
      type: 'TICKET_TYPE_INCIDENT',
      status: 'TICKET_STATUS_NEW',
      createdAt: at.toISOString(),
      version: 3,
    },
  });
  if (!ticket) throw new Error('no ticket');
  return { ...ticket, requesterId: 'emp-1', organizationId: 'org-acme', ...overrides };
}

function principal(overrides: Partial<PrincipalClaims>) {
  return principalOf({
    kind: 'user',
    id: 'emp-1',
    name: 'Requester',
    roles: ['requester'],
    scopes: [],
    organizationId: 'org-acme',
    organizationWide: false,
    groupIds: [],
    ...overrides,
  });
}

describe('live ticket changes', () => {
  it('tells what changed and nothing of the content', () => {
    const scoped = scopedTicketChangeOf(
      { id: 'e-1', type: TicketCreated.type, time: at },
      TicketCreated.toJson({ ticket: aTicket({ title: 'Printer on fire' }) }),
    );
    expect(scoped?.change).toEqual({
      id: 'e-1',
      type: 'ticket.created',
      ticketId: 't-1',
      number: 'INC-000001',
      version: 3,
      occurredAt: at.toISOString(),
    });
    expect(JSON.stringify(scoped?.change)).not.toContain('Printer');
  });

  it('sends a change to whoever may read the ticket', () => {
    const created = scoped(
      scopedTicketChangeOf(
        { id: 'e-2', type: TicketCreated.type, time: at },
        TicketCreated.toJson({ ticket: aTicket({ status: TicketStatus.TICKET_STATUS_NEW }) }),
      ),
    );
    expect(mayReceive(principal({}), created)).toBe(true);
    expect(mayReceive(principal({ id: 'emp-2' }), created)).toBe(false);
    expect(mayReceive(principal({ id: 'emp-2', organizationWide: true }), created)).toBe(true);
    expect(
      mayReceive(
        principal({ id: 'emp-9', organizationId: 'org-other', organizationWide: true }),
        created,
      ),
    ).toBe(false);
  });

  it('keeps internal notes from requesters, even on their own ticket', () => {
    const note = (visibility: CommentVisibility) =>
      scoped(
        scopedTicketChangeOf(
          { id: 'e-3', type: TicketCommented.type, time: at },
          {
            ticket: ticketJson(aTicket({ assignmentGroupId: 'g-1' })),
            comment: { id: 'c-1', authorId: 'ag-1', body: 'secret', visibility },
            firstResponse: false,
          },
        ),
      );
    const agent = principal({
      id: 'ag-1',
      roles: ['agent'],
      organizationId: null,
      groupIds: ['g-1'],
    });
    expect(mayReceive(principal({}), note(CommentVisibility.COMMENT_VISIBILITY_INTERNAL))).toBe(
      false,
    );
    expect(mayReceive(principal({}), note(CommentVisibility.COMMENT_VISIBILITY_PUBLIC))).toBe(true);
    expect(mayReceive(agent, note(CommentVisibility.COMMENT_VISIBILITY_INTERNAL))).toBe(true);
  });

  it('skips events that do not carry the ticket or do not decode', () => {
    expect(
      scopedTicketChangeOf({ id: 'e-4', type: TicketLinked.type, time: at }, { relation: {} }),
    ).toBeUndefined();
    expect(
      scopedTicketChangeOf({ id: 'e-5', type: TicketCreated.type, time: at }, { ticket: {} }),
    ).toBeUndefined();
    expect(
      scopedTicketChangeOf({ id: 'e-6', type: 'itsm.tickets.v1.unknown', time: at }, {}),
    ).toBeUndefined();
  });

  it('names the type without the topic prefix', () => {
    const scoped = scopedTicketChangeOf(
      { id: 'e-7', type: TicketCreated.type, time: at },
      TicketCreated.toJson({ ticket: aTicket({ type: TicketType.TICKET_TYPE_PROBLEM }) }),
    );
    expect(scoped?.change.type).toBe('ticket.created');
  });
});
