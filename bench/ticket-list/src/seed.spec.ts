import {
  chunkRanges,
  priorityCase,
  PRIORITY_MATRIX,
  seedChunkSql,
  seedChunkValues,
  sqlLiteral,
  STATUS_WEIGHTS,
  ticketNumberSql,
  TITLES,
  uniform,
  weightedCase,
} from './seed';

describe('chunkRanges', () => {
  it('covers 1..total in inclusive ranges of at most the chunk size', () => {
    expect(chunkRanges(450_000, 200_000)).toEqual([
      { from: 1, to: 200_000 },
      { from: 200_001, to: 400_000 },
      { from: 400_001, to: 450_000 },
    ]);
    expect(chunkRanges(0, 10)).toEqual([]);
  });

  it('refuses non-integer or non-positive sizes', () => {
    expect(() => chunkRanges(10, 0)).toThrow(RangeError);
    expect(() => chunkRanges(1.5, 10)).toThrow(RangeError);
  });
});

describe('weightedCase', () => {
  it('turns weights into cumulative thresholds with the last value as ELSE', () => {
    expect(
      weightedCase('u', [
        ['a', 1],
        ['b', 2],
        ['c', 1],
      ]),
    ).toBe("CASE WHEN u < 0.250000 THEN 'a' WHEN u < 0.750000 THEN 'b' ELSE 'c' END");
  });

  it('is the value itself for a single choice and refuses empty or negative weights', () => {
    expect(weightedCase('u', [['only', 3]])).toBe("'only'");
    expect(() => weightedCase('u', [])).toThrow(RangeError);
    expect(() => weightedCase('u', [['a', -1]])).toThrow(RangeError);
  });

  it('has weights for every status the tickets table allows, mostly closed for old tickets', () => {
    const statuses = [
      'new',
      'assigned',
      'in_progress',
      'pending',
      'resolved',
      'closed',
      'cancelled',
    ];
    for (const weights of Object.values(STATUS_WEIGHTS)) {
      expect(weights.map(([status]) => status).sort()).toEqual([...statuses].sort());
    }
    const old = Object.fromEntries(STATUS_WEIGHTS.old);
    const total = STATUS_WEIGHTS.old.reduce((sum, [, weight]) => sum + weight, 0);
    expect(((old.closed ?? 0) + (old.resolved ?? 0)) / total).toBeGreaterThan(0.9);
  });
});

describe('SQL pieces', () => {
  it('quotes literals', () => {
    expect(sqlLiteral("it's")).toBe("'it''s'");
  });

  it('draws uniform numbers from a hash of the row number and a stream', () => {
    expect(uniform(3)).toBe('((hashint8extended(g, 3) & 2147483647)::float8 / 2147483648.0)');
    expect(uniform(4, 'requester')).toContain('hashint8extended(requester, 4)');
  });

  it('numbers tickets like the service, with more digits past 999999 instead of truncating', () => {
    const sql = ticketNumberSql('type', 'g');
    expect(sql).toContain("WHEN 'incident' THEN 'INC-' ELSE 'REQ-'");
    expect(sql).toContain("WHEN g < 1000000 THEN lpad(g::text, 6, '0') ELSE g::text");
  });

  it('derives priority from impact and urgency for all nine pairs', () => {
    const sql = priorityCase();
    expect(sql.match(/WHEN impact = /g)).toHaveLength(9);
    expect(sql).toContain("WHEN impact = 'high' AND urgency = 'high' THEN 'critical'");
    expect(PRIORITY_MATRIX.low?.low).toBe('planning');
  });
});

describe('seedChunkSql', () => {
  const sql = seedChunkSql();

  it('inserts every column of a ticket except the generated search vector', () => {
    expect(sql).toMatch(/^\s*INSERT INTO tickets \(/);
    for (const column of [
      'id',
      'number',
      'status',
      'priority',
      'resolved_at',
      'closed_at',
      'version',
    ]) {
      expect(sql).toContain(column);
    }
    expect(sql).not.toContain('search_vector');
    expect(sql).toContain('FROM generate_series($1::bigint, $2::bigint) AS g');
  });

  it('uses the eight parameters seedChunkValues supplies', () => {
    const values = seedChunkValues({
      from: 1,
      to: 10,
      start: new Date('2024-11-27T00:00:00Z'),
      stepMs: 1000,
      now: new Date('2026-11-27T00:00:00Z'),
    });
    expect(values).toHaveLength(8);
    expect(values[5]).toBe(TITLES);
    const used = new Set([...sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1])));
    expect([...used].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('has titles within the column limit of 200 characters', () => {
    expect(TITLES.every((title) => title.length >= 1 && title.length <= 200)).toBe(true);
  });
});
