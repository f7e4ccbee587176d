import {
  filtersFromParams,
  isRefined,
  NO_FILTERS,
  paramsFromFilters,
  sameViewName,
  ticketFiltersOf,
} from './view-filters';

describe('the list filters in the address', () => {
  it('reads what the console knows and ignores the rest', () => {
    expect(
      filtersFromParams(
        new URLSearchParams('view=v1&q=vpn&status=sleeping&priority=high&mine=1&sort=-colour'),
      ),
    ).toEqual({
      view: 'v1',
      q: 'vpn',
      status: '',
      priority: 'high',
      group: '',
      mine: true,
      sort: '-updatedAt',
    });
  });

  it('writes only what differs from the defaults, and reads it back the same', () => {
    const filters = {
      ...NO_FILTERS,
      q: 'printer',
      status: 'new' as const,
      group: 'g-1',
      sort: '-priority' as const,
    };
    const params = paramsFromFilters(filters);
    expect(params).toEqual({ q: 'printer', status: 'new', group: 'g-1', sort: '-priority' });
    expect(filtersFromParams(new URLSearchParams(params))).toEqual(filters);
    expect(paramsFromFilters(NO_FILTERS)).toEqual({});
  });
});

describe('isRefined', () => {
  it.each([
    [{}, false],
    [{ view: 'v1' }, false],
    [{ q: 'vpn' }, true],
    [{ mine: true }, true],
    [{ sort: '-createdAt' as const }, true],
  ])('%j → %s', (change, expected) => {
    expect(isRefined({ ...NO_FILTERS, ...change })).toBe(expected);
  });
});

describe('ticketFiltersOf', () => {
  const view = {
    filters: { status: 'new' as const, type: 'incident' as const, sort: '-priority' },
  };

  it('refines a view by the toolbar; "mine" is the agent asking', () => {
    expect(
      ticketFiltersOf({ ...NO_FILTERS, view: 'v1', q: 'vpn', mine: true }, view, 'agent-7'),
    ).toEqual({
      status: 'new',
      type: 'incident',
      q: 'vpn',
      assigneeId: 'agent-7',
      sort: '-priority',
    });
  });

  it('lets the toolbar override the view’s state and order', () => {
    expect(
      ticketFiltersOf(
        { ...NO_FILTERS, status: 'pending', sort: '-createdAt', group: 'g-2' },
        view,
        'a',
      ),
    ).toEqual({
      status: 'pending',
      type: 'incident',
      assignmentGroupId: 'g-2',
      sort: '-createdAt',
    });
  });

  it('lists every ticket, newest change first, with no view and no toolbar', () => {
    expect(ticketFiltersOf(NO_FILTERS, undefined, 'a')).toEqual({ sort: '-updatedAt' });
  });
});

describe('sameViewName', () => {
  it('compares trimmed and case aside, as the API does', () => {
    expect(sameViewName(' Network VIP ', 'network vip')).toBe(true);
    expect(sameViewName('Network', 'Networks')).toBe(false);
  });
});
