import { parseTicketPage } from './gateway-client';
import { planSummary } from './baseline';

describe('parseTicketPage', () => {
  it('reads items and the next cursor of a 200', () => {
    expect(parseTicketPage(200, '{"items":[{"id":"a"}],"nextCursor":null}')).toEqual({
      items: [{ id: 'a' }],
      nextCursor: null,
    });
  });

  it('fails on another status or another shape', () => {
    expect(() => parseTicketPage(400, '{"title":"bad"}')).toThrow(/status 400/);
    expect(() => parseTicketPage(200, '{"tickets":[]}')).toThrow(/not a ticket page/);
  });
});

describe('planSummary', () => {
  it('lists the indexes a plan reads and its execution time', () => {
    const plan = [
      'Limit  (cost=0.42..17.34 rows=51 width=508)',
      '  ->  Index Scan using tickets_created_at_id_idx on tickets ticket',
      '        ->  Bitmap Index Scan on tickets_search_vector_idx  (cost=0.00..1.00 rows=1 width=0)',
      'Execution Time: 0.046 ms',
    ].join('\n');
    expect(planSummary(plan)).toEqual({
      indexes: ['tickets_created_at_id_idx', 'tickets_search_vector_idx'],
      executionMs: 0.046,
    });
  });
});
