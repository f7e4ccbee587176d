import { openTicket, type Ticket, type TicketType, validateTicketRequest } from './ticket';
import { TicketErrorCode } from './ticket-error';
import {
  checkRelation,
  type RelationKind,
  sameRelation,
  type TicketRelation,
} from './ticket-relation';

let sequence = 0;
function aTicket(type: TicketType): Ticket {
  sequence += 1;
  return openTicket(
    validateTicketRequest({
      type,
      title: `${type} ${sequence}`,
      description: '',
      impact: undefined,
      urgency: undefined,
      channel: undefined,
      requesterId: 'emp-1',
      organizationId: undefined,
    }),
    {
      id: `00000000-0000-7000-8000-${String(sequence).padStart(12, '0')}`,
      sequence,
      now: new Date('2026-11-27T09:00:00Z'),
    },
  );
}

function relation(source: Ticket, kind: RelationKind, target: Ticket): TicketRelation {
  return {
    id: 'r-1',
    sourceId: source.id,
    sourceNumber: source.number,
    kind,
    targetId: target.id,
    targetNumber: target.number,
    actorId: 'agent-1',
    createdAt: new Date(),
  };
}

describe('ticket relations', () => {
  it.each<[TicketType, RelationKind, TicketType]>([
    ['incident', 'caused_by', 'problem'],
    ['incident', 'child_of', 'incident'],
    ['service_request', 'duplicate_of', 'service_request'],
    ['change', 'relates_to', 'problem'],
    ['incident', 'relates_to', 'change'],
  ])('allows a %s %s a %s', (sourceType, kind, targetType) => {
    expect(() => checkRelation(aTicket(sourceType), kind, aTicket(targetType), [])).not.toThrow();
  });

  it.each<[TicketType, RelationKind, TicketType, string]>([
    ['problem', 'caused_by', 'problem', 'caused_by relates a incident to a problem'],
    ['incident', 'caused_by', 'change', 'not a incident to a change'],
    ['incident', 'child_of', 'service_request', 'child_of relates tickets of one type'],
    ['incident', 'duplicate_of', 'problem', 'duplicate_of relates tickets of one type'],
  ])('refuses a %s %s a %s', (sourceType, kind, targetType, message) => {
    expect(() => checkRelation(aTicket(sourceType), kind, aTicket(targetType), [])).toThrow(
      expect.objectContaining({
        code: TicketErrorCode.ValidationFailed,
        message: expect.stringContaining(message) as string,
      }) as Error,
    );
  });

  it('refuses a ticket related to itself and a parent that would become its child’s child', () => {
    const parent = aTicket('incident');
    const child = aTicket('incident');
    expect(() => checkRelation(parent, 'relates_to', parent, [])).toThrow(/itself/);
    expect(() =>
      checkRelation(parent, 'child_of', child, [relation(child, 'child_of', parent)]),
    ).toThrow(expect.objectContaining({ code: TicketErrorCode.InvalidTransition }) as Error);
  });

  it('reads relates_to both ways and the other kinds one way', () => {
    const a = aTicket('incident');
    const b = aTicket('incident');
    expect(sameRelation(relation(a, 'relates_to', b), b.id, 'relates_to', a.id)).toBe(true);
    expect(sameRelation(relation(a, 'child_of', b), b.id, 'child_of', a.id)).toBe(false);
    expect(sameRelation(relation(a, 'child_of', b), a.id, 'child_of', b.id)).toBe(true);
  });
});
