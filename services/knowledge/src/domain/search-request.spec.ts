import { KnowledgeErrorCode } from './knowledge-error';
import { normalizeSearchText, searchRequest, suggestionRequest } from './search-request';

const base = {
  text: 'впн',
  viewer: 'requester' as const,
  audience: undefined,
  language: undefined,
  categoryId: undefined,
  tags: [],
  serviceId: undefined,
  page: undefined,
  pageSize: undefined,
};

describe('searchRequest', () => {
  it.each([
    ['a requester', { viewer: 'requester' as const }, ['public'], false],
    ['a requester asking for public', { audience: 'public' as const }, ['public'], false],
    ['an agent', { viewer: 'agent' as const }, ['public', 'internal'], true],
    [
      'an agent narrowing to internal',
      { viewer: 'agent' as const, audience: 'internal' as const },
      ['internal'],
      true,
    ],
  ])('%s searches %j', (_case, input, audiences, includeExpired) => {
    expect(searchRequest({ ...base, ...input }).filters).toMatchObject({
      audiences,
      includeExpired,
    });
  });

  it('never lets a requester search internal articles', () => {
    expect(() => searchRequest({ ...base, audience: 'internal' })).toThrow(
      expect.objectContaining({
        code: KnowledgeErrorCode.ValidationFailed,
        violations: [{ field: 'audience', message: 'requesters see public articles only' }],
      }) as Error,
    );
  });

  it('defaults the page, collapses whitespace and lower-cases unique tags', () => {
    expect(
      searchRequest({ ...base, text: '  не   работает  ', tags: ['VPN', 'vpn', ' '] }),
    ).toMatchObject({ text: 'не работает', page: 1, pageSize: 10, filters: { tags: ['vpn'] } });
  });

  it.each([
    [{ pageSize: 51 }, 'pageSize'],
    [{ page: 0.5 }, 'page'],
    [{ page: 21, pageSize: 50 }, 'page'],
    [{ text: 'x'.repeat(201) }, 'query'],
  ])('refuses %j', (input, field) => {
    expect(() => searchRequest({ ...base, ...input })).toThrow(
      expect.objectContaining({ violations: [expect.objectContaining({ field })] }) as Error,
    );
  });
});

describe('suggestionRequest', () => {
  it('needs some text and caps a long description', () => {
    expect(() =>
      suggestionRequest({
        title: ' ',
        description: '',
        viewer: 'requester',
        language: undefined,
        serviceId: undefined,
        limit: undefined,
      }),
    ).toThrow(expect.objectContaining({ code: KnowledgeErrorCode.ValidationFailed }) as Error);
    const request = suggestionRequest({
      title: 'VPN',
      description: 'x'.repeat(10_000),
      viewer: 'agent',
      language: 'ru',
      serviceId: undefined,
      limit: undefined,
    });
    expect(request.description).toHaveLength(4000);
    expect(request).toMatchObject({
      limit: 5,
      filters: { audiences: ['public', 'internal'], language: 'ru' },
    });
  });
});

describe('normalizeSearchText', () => {
  it('lower-cases and collapses whitespace', () => {
    expect(normalizeSearchText('  Не  Работает VPN ')).toBe('не работает vpn');
  });
});
