import {
  decodeCursor,
  type ListQuery,
  listSql,
  PAGE_SIZE,
  QUERY_KINDS,
  QUERY_SET,
  restPath,
  schedule,
} from './workload';

describe('QUERY_SET', () => {
  it('has at least one variant of every kind and unique labels per kind', () => {
    for (const kind of QUERY_KINDS) {
      expect(QUERY_SET.some((query) => query.kind === kind)).toBe(true);
    }
    const keys = QUERY_SET.map((query) => `${query.kind}: ${query.label}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('restPath', () => {
  it('puts the page size, the filters and the cursor into the query string', () => {
    const query: ListQuery = {
      kind: 'next-page',
      label: 'x',
      filters: { assignmentGroupId: 'grp-07', status: 'assigned', q: 'не работает VPN' },
      cursor: 'abc',
    };
    const url = new URL(restPath(query), 'http://gateway');
    expect(url.pathname).toBe('/api/v1/tickets');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      limit: String(PAGE_SIZE),
      assignmentGroupId: 'grp-07',
      status: 'assigned',
      q: 'не работает VPN',
      cursor: 'abc',
    });
  });
});

describe('decodeCursor', () => {
  it('reads the keyset of a cursor the service issued', () => {
    const cursor = Buffer.from(
      JSON.stringify([
        '-created_at',
        '2026-11-27T08:00:00.123Z',
        '12f9cf94-4067-be3d-9373-b137b2db68c6',
      ]),
    ).toString('base64url');
    expect(decodeCursor(cursor)).toEqual({
      createdAt: '2026-11-27T08:00:00.123Z',
      id: '12f9cf94-4067-be3d-9373-b137b2db68c6',
    });
  });

  it.each(['not json', Buffer.from('[1,2]').toString('base64url')])('refuses %s', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(/not a ticket list cursor/);
  });
});

describe('listSql', () => {
  it('is the newest page with one extra row when there are no filters', () => {
    const { text, values } = listSql({});
    expect(text).toMatch(/^SELECT ticket\.id, ticket\.number, .* FROM tickets ticket ORDER BY/);
    expect(text).toMatch(/ORDER BY ticket\.created_at DESC, ticket\.id DESC LIMIT 51$/);
    expect(text).not.toContain('search_vector');
    expect(values).toEqual([]);
  });

  it('adds the keyset first, then the filters in the store order, then the text', () => {
    const { text, values } = listSql(
      { q: ' printer ', status: 'assigned', assignmentGroupId: 'grp-07', priority: 'critical' },
      { createdAt: '2026-11-27T08:00:00.123Z', id: 'id-1' },
    );
    expect(text).toContain(
      'WHERE ((ticket.created_at, ticket.id) < ($1, $2)) AND (ticket.status = $3) AND ' +
        '(ticket.priority = $4) AND (ticket.assignment_group_id = $5) AND ' +
        "(ticket.search_vector @@ (websearch_to_tsquery('russian', $6) || websearch_to_tsquery('english', $6)))",
    );
    expect(values).toEqual([
      '2026-11-27T08:00:00.123Z',
      'id-1',
      'assigned',
      'critical',
      'grp-07',
      'printer',
    ]);
  });
});

describe('schedule', () => {
  const queries = [
    { kind: 'a', label: 'a1' },
    { kind: 'a', label: 'a2' },
    { kind: 'b', label: 'b1' },
  ];

  it('takes kinds in turn and each kind’s variants in turn', () => {
    expect(schedule(queries, 6).map((query) => query.label)).toEqual([
      'a1',
      'b1',
      'a2',
      'b1',
      'a1',
      'b1',
    ]);
  });

  it('is empty without queries', () => {
    expect(schedule([], 5)).toEqual([]);
  });
});
