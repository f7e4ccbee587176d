import { chunksOf, dueTicketNumber, md5Uuid, seededTicketId, seededTicketNumber } from './seed';

describe('seeding clocks', () => {
  it('splits the tickets into inclusive chunks that cover them once', () => {
    expect(chunksOf(10, 4)).toEqual([
      [1, 4],
      [5, 8],
      [9, 10],
    ]);
    expect(chunksOf(3, 10)).toEqual([[1, 3]]);
  });

  it('derives ticket ids as PostgreSQL’s md5(text)::uuid does', () => {
    // SELECT md5('abc')::uuid;
    expect(md5Uuid('abc')).toBe('90015098-3cd2-4fb0-d696-3f7d28e17f72');
    expect(seededTicketId(1)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(seededTicketId(1)).not.toBe(seededTicketId(2));
  });

  it('numbers seeded tickets and due clocks apart, so their events are told apart', () => {
    expect(seededTicketNumber(42)).toBe('INC-S0000042');
    expect(dueTicketNumber('load', 7)).toBe('DUE-load-000007');
  });
});
