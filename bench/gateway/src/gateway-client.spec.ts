import { expectJson, expectTicket } from './gateway-client';

describe('expectTicket', () => {
  it('accepts a 200 with the ticket asked for', () => {
    expect(() =>
      expectTicket({ status: 200, body: '{"id":"t-1","number":"INC-1"}' }, 't-1'),
    ).not.toThrow();
  });

  it.each([
    [{ status: 429, body: '{"title":"Too Many Requests"}' }, /status 429/],
    [{ status: 401, body: '' }, /status 401/],
    [{ status: 200, body: '{"id":"t-2"}' }, /another ticket/],
  ])('refuses %j', (response, message) => {
    expect(() => expectTicket(response, 't-1')).toThrow(message);
  });
});

describe('expectJson', () => {
  it('parses the body of the expected status', () => {
    expect(expectJson({ status: 201, body: '{"id":"a"}' }, 201, 'create')).toEqual({ id: 'a' });
  });

  it('names what failed and shows the start of the body', () => {
    expect(() => expectJson({ status: 403, body: '{"detail":"no"}' }, 201, 'create key')).toThrow(
      'create key: status 403 (expected 201): {"detail":"no"}',
    );
  });
});
