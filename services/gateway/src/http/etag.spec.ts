import { BadRequestException } from '@nestjs/common';
import { versionFromIfMatch } from './etag';

describe('If-Match', () => {
  it.each([
    [undefined, undefined],
    ['*', undefined],
    ['"3"', 3],
    ['W/"12"', 12],
  ])('%s → version %s', (header, version) => {
    expect(versionFromIfMatch(header)).toBe(version);
  });

  it.each(['3', '"abc"', '"0"', '"1", "2"'])('refuses %s', (header) => {
    expect(() => versionFromIfMatch(header)).toThrow(BadRequestException);
  });
});
