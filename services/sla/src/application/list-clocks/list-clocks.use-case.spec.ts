import type { ClockCondition, ClockListPosition } from '../../domain/clock-listing';
import { SlaErrorCode } from '../../domain/sla-error';
import type { ClockList, ClockListFilter, ListedClock } from '../ports/clock-list';
import { ListClocksUseCase } from './list-clocks.use-case';

const now = new Date('2026-11-27T09:00:00Z');
const time = { now: () => now };

function clockDueAt(minute: number): ListedClock {
  const id = `0194c000-0000-7000-8000-${String(minute).padStart(12, '0')}`;
  return {
    id,
    ticketId: id,
    ticketNumber: `INC-${minute}`,
    target: 'resolution',
    state: 'running',
    dueAt: new Date(now.getTime() + minute * 60_000),
    breachedAt: null,
    warningIssuedAt: now,
    policyId: 'policy',
    policyName: 'Incidents',
    groupId: 'desk',
  };
}

/** Clocks kept sorted by due instant, paged as the SQL list pages them. */
class ListedClocks implements ClockList {
  readonly filters: ClockListFilter[] = [];
  constructor(private readonly clocks: ListedClock[]) {}

  async page(
    _condition: ClockCondition,
    filter: ClockListFilter,
    after: ClockListPosition | null,
    limit: number,
  ): Promise<ListedClock[]> {
    this.filters.push(filter);
    return this.clocks
      .filter(
        (clock) =>
          !after ||
          clock.dueAt > after.dueAt ||
          (clock.dueAt.getTime() === after.dueAt.getTime() && clock.id > after.id),
      )
      .slice(0, limit);
  }

  async count(): Promise<Record<ClockCondition, number>> {
    return { at_risk: this.clocks.length, breached: 2 };
  }
}

describe('listing the clocks at risk and breached', () => {
  it('pages through the clocks earliest due first, with a token until the last page', async () => {
    const clocks = new ListedClocks([1, 2, 3, 4, 5].map(clockDueAt));
    const useCase = new ListClocksUseCase(clocks, time);
    const request = {
      condition: 'at_risk' as const,
      breachedSince: null,
      breachedUntil: null,
      timeZone: 'Europe/Moscow',
      groupId: 'desk',
      pageSize: 2,
      pageToken: '',
    };
    const pages: string[][] = [];
    let pageToken = '';
    do {
      const page = await useCase.execute({ ...request, pageToken });
      expect(page.counts).toEqual({ at_risk: 5, breached: 2 });
      pages.push(page.clocks.map((clock) => clock.ticketNumber));
      pageToken = page.nextPageToken;
    } while (pageToken);
    expect(pages).toEqual([['INC-1', 'INC-2'], ['INC-3', 'INC-4'], ['INC-5']]);
    expect(clocks.filters[0]).toEqual({
      breachedSince: new Date('2026-11-26T21:00:00Z'),
      breachedUntil: null,
      groupId: 'desk',
    });
  });

  it('ends without a token when the page is exactly full', async () => {
    const page = await new ListClocksUseCase(
      new ListedClocks([1, 2].map(clockDueAt)),
      time,
    ).execute({
      condition: 'breached',
      breachedSince: null,
      breachedUntil: null,
      timeZone: '',
      groupId: '',
      pageSize: 2,
      pageToken: '',
    });
    expect(page.clocks).toHaveLength(2);
    expect(page.nextPageToken).toBe('');
  });

  it('reads nothing for an invalid request', async () => {
    const clocks = new ListedClocks([clockDueAt(1)]);
    await expect(
      new ListClocksUseCase(clocks, time).execute({
        condition: null,
        breachedSince: null,
        breachedUntil: null,
        timeZone: '',
        groupId: '',
        pageSize: 0,
        pageToken: '',
      }),
    ).rejects.toMatchObject({ code: SlaErrorCode.ValidationFailed });
    expect(clocks.filters).toEqual([]);
  });
});
