import type { NextFunction, Request, Response } from 'express';
import { mediaTypeOf, refuseUnreadableBodies } from './request-media-type';

const uploads = {
  path: /^\/api\/v1\/tickets\/[^/]+\/attachments$/,
  mediaTypes: ['multipart/form-data'],
};
const check = refuseUnreadableBodies([uploads]);

/** What the middleware passes on: nothing (go on), or the status of its error. */
function outcome(path: string, headers: Record<string, string>): number | 'next' {
  let passed: unknown = 'unset';
  check(
    { path, headers } as unknown as Request,
    {} as Response,
    ((error?: unknown) => {
      passed = error;
    }) as NextFunction,
  );
  if (passed === undefined) return 'next';
  return (passed as { status: number }).status;
}

describe('request bodies the API cannot read', () => {
  it.each<[string, string, Record<string, string>, number | 'next']>([
    [
      'JSON',
      '/api/v1/tickets',
      { 'content-type': 'application/json', 'content-length': '2' },
      'next',
    ],
    [
      'JSON with a charset',
      '/api/v1/tickets',
      { 'content-type': 'Application/JSON; charset=utf-8', 'content-length': '2' },
      'next',
    ],
    ['no body at all', '/api/v1/users/u-1/unlock', {}, 'next'],
    ['an empty body of no type', '/api/v1/auth/sign-out', { 'content-length': '0' }, 'next'],
    [
      'a form post',
      '/api/v1/users/u-1',
      { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '9' },
      415,
    ],
    [
      'text',
      '/api/v1/users/u-1',
      { 'content-type': 'text/plain;charset=UTF-8', 'content-length': '9' },
      415,
    ],
    [
      'XML, chunked',
      '/api/v1/tickets',
      { 'content-type': 'application/xml', 'transfer-encoding': 'chunked' },
      415,
    ],
    ['a body of no type', '/api/v1/tickets', { 'content-length': '9' }, 415],
    [
      'multipart on a JSON route',
      '/api/v1/tickets',
      { 'content-type': 'multipart/form-data; boundary=x', 'content-length': '9' },
      415,
    ],
    [
      'multipart where files are uploaded',
      '/api/v1/tickets/t-1/attachments',
      { 'content-type': 'multipart/form-data; boundary=x', 'content-length': '9' },
      'next',
    ],
    [
      'JSON where files are uploaded',
      '/api/v1/tickets/t-1/attachments',
      { 'content-type': 'application/json', 'content-length': '9' },
      415,
    ],
  ])('%s', (_case, path, headers, expected) => {
    expect(outcome(path, headers)).toBe(expected);
  });

  it('says what to send', () => {
    let error: Error | undefined;
    check(
      {
        path: '/api/v1/tickets',
        headers: { 'content-type': 'text/plain', 'content-length': '1' },
      } as unknown as Request,
      {} as Response,
      ((passed?: Error) => {
        error = passed;
      }) as NextFunction,
    );
    expect(error).toMatchObject({
      status: 415,
      expose: true,
      message: 'send the body as application/json, not text/plain',
    });
  });

  it.each([
    ['application/json; charset=utf-8', 'application/json'],
    [' Text/CSV ', 'text/csv'],
    ['', undefined],
    [undefined, undefined],
  ])('reads the media type of %j', (header, type) => {
    expect(mediaTypeOf(header)).toBe(type);
  });
});
