import type { NextFunction, Request, Response } from 'express';

/** What every write of the API reads, unless a route says otherwise. */
export const JSON_MEDIA_TYPE = 'application/json';

/** Paths whose bodies are something else (uploads, CSV imports), and what they take. */
export interface BodyMediaTypes {
  path: RegExp;
  mediaTypes: readonly string[];
}

/** The media type of a Content-Type header, without parameters, lower case. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type ? type : undefined;
}

/** Whether a request carries a body: chunked, or of a length other than 0. */
function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined ||
    (length !== undefined && Number(length) > 0)
  );
}

/** An error the problem filter answers as it is: a client error it may show. */
class UnsupportedMediaTypeError extends Error {
  readonly status = 415;
  readonly expose = true;
}

/**
 * Refuses a body the route cannot read with 415, before anything reads it. Without this a
 * form post is parsed and applied, and any other body (text/plain, XML, none named) is
 * skipped: the write then runs as if no body had been sent.
 */
export function refuseUnreadableBodies(others: readonly BodyMediaTypes[]) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    if (!hasBody(request)) {
      next();
      return;
    }
    const accepted = others.find(({ path }) => path.test(request.path))?.mediaTypes ?? [
      JSON_MEDIA_TYPE,
    ];
    const type = mediaTypeOf(request.headers['content-type']);
    if (type !== undefined && accepted.includes(type)) {
      next();
      return;
    }
    next(
      new UnsupportedMediaTypeError(
        `send the body as ${accepted.join(' or ')}${type ? `, not ${type}` : ' with its Content-Type'}`,
      ),
    );
  };
}
