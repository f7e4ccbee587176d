import { openTicket, type Ticket, validateTicketRequest } from './ticket';
import { TicketErrorCode } from './ticket-error';
import { rateTicket } from './ticket-satisfaction';
import { normalizeTags } from './ticket-tags';
import { watchTicket } from './ticket-watchers';
import { editTicket } from './ticket-edit';

const now = new Date('2026-11-27T12:00:00Z');

function aTicket(overrides: Partial<Ticket> = {}): Ticket {
  const ticket = openTicket(
    validateTicketRequest({
      type: 'incident',
      title: 'Wi-Fi in the meeting room drops',
      description: '',
      impact: undefined,
      urgency: undefined,
      channel: undefined,
      requesterId: 'emp-7',
      organizationId: undefined,
      tags: [' Wi-Fi ', 'wi-fi', 'VIP'],
    }),
    { id: '00000000-0000-7000-8000-000000000001', sequence: 1, now },
  );
  return { ...ticket, ...overrides };
}

describe('tags', () => {
  it('are trimmed, lower-cased and kept once, in the order given', () => {
    expect(aTicket().tags).toEqual(['wi-fi', 'vip']);
  });

  it.each([
    [[''], 'each tag must be 1 to 50 characters'],
    [['a'.repeat(51)], 'each tag must be 1 to 50 characters'],
    [['a,b'], 'a tag cannot contain a comma'],
    [Array.from({ length: 21 }, (_, index) => `t${index}`), 'at most 20 tags'],
  ])('refuses %j', (tags, message) => {
    const violations: { field: string; message: string }[] = [];
    normalizeTags(tags, violations);
    expect(violations.map((violation) => violation.message).join()).toContain(message);
  });

  it('are replaced as a whole by an edit, with the change in the history', () => {
    const { ticket, changes } = editTicket(aTicket(), { tags: ['network'] }, now);
    expect(ticket.tags).toEqual(['network']);
    expect(changes['tags']).toEqual({ from: 'wi-fi,vip', to: 'network' });
  });
});

describe('watchers', () => {
  it('are added and removed once; repeating changes nothing', () => {
    const watched = watchTicket(aTicket(), 'manager-3', true, now);
    expect(watched.ticket.watcherIds).toEqual(['manager-3']);
    expect(watchTicket(watched.ticket, 'manager-3', true, now).changes).toEqual({});
    const unwatched = watchTicket(watched.ticket, 'manager-3', false, now);
    expect(unwatched.ticket.watcherIds).toEqual([]);
    expect(unwatched.ticket.version).toBe(watched.ticket.version + 1);
  });
});

describe('satisfaction', () => {
  const resolved = aTicket({ status: 'resolved', resolvedAt: now });

  it('is rated once by the requester; the same rating again is a retry', () => {
    const { ticket, changes } = rateTicket(
      resolved,
      { requesterId: 'emp-7', rating: 4, comment: ' Fast, thanks ' },
      now,
    );
    expect(ticket).toMatchObject({ satisfactionRating: 4, satisfactionComment: 'Fast, thanks' });
    expect(changes['satisfactionRating']).toEqual({ from: null, to: 4 });
    expect(
      rateTicket(ticket, { requesterId: 'emp-7', rating: 4, comment: 'Fast, thanks' }, now).changes,
    ).toEqual({});
    expect(() => rateTicket(ticket, { requesterId: 'emp-7', rating: 2, comment: '' }, now)).toThrow(
      expect.objectContaining({ code: TicketErrorCode.InvalidTransition }) as Error,
    );
  });

  it.each([
    ['an open ticket', aTicket(), 'emp-7', 5, TicketErrorCode.InvalidTransition],
    ['someone else', resolved, 'emp-8', 5, TicketErrorCode.ValidationFailed],
    ['a rating of 6', resolved, 'emp-7', 6, TicketErrorCode.ValidationFailed],
    ['a rating of 0', resolved, 'emp-7', 0, TicketErrorCode.ValidationFailed],
  ])('refuses %s', (_, ticket, requesterId, rating, code) => {
    expect(() => rateTicket(ticket, { requesterId, rating, comment: '' }, now)).toThrow(
      expect.objectContaining({ code }) as Error,
    );
  });
});
