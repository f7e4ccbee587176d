import { expectJson } from './gateway-client';

describe('expectJson', () => {
  it('parses the body of the expected status', () => {
    expect(expectJson({ status: 201, body: '{"id":"a"}' }, 201, 'POST ticket')).toEqual({
      id: 'a',
    });
  });

  it('names what failed and shows the start of the body', () => {
    expect(() =>
      expectJson({ status: 429, body: '{"title":"Too Many"}' }, 201, 'POST ticket'),
    ).toThrow('POST ticket: status 429 (expected 201): {"title":"Too Many"}');
  });
});
