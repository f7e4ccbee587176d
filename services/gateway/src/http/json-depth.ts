import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * How deep objects and arrays may nest in a JSON body. Validation walks a body recursively:
 * thousands of levels exhaust the stack (a 500 for a few kilobytes of brackets). No body of
 * this API needs more than a handful; forms and custom fields get ample room.
 */
export const JSON_MAX_DEPTH = 64;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether JSON text nests objects and arrays deeper than `maxDepth`, read as raw UTF-8 bytes
 * (every byte of a multi-byte character is over 0x7f, so none is taken for a bracket); brackets
 * inside strings do not count. Malformed text is left for the parser to refuse.
 */
export function nestsDeeperThan(body: Uint8Array, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < body.length; index += 1) {
    const byte = body[index];
    if (inString) {
      if (byte === BACKSLASH) index += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) depth -= 1;
  }
  return false;
}

/** An error body-parser answers with its own status, as a client error it may show. */
class TooDeeplyNestedError extends Error {
  readonly status = 400;
  readonly expose = true;
  readonly type = 'entity.too.deep';
}

/**
 * body-parser's `verify` hook: refuses a JSON body nested deeper than `maxDepth` with 400
 * before it is parsed.
 */
export function refuseDeeplyNestedJson(maxDepth = JSON_MAX_DEPTH) {
  return (_request: IncomingMessage, _response: ServerResponse, body: Buffer): void => {
    if (nestsDeeperThan(body, maxDepth))
      throw new TooDeeplyNestedError(
        `the JSON body nests objects or arrays deeper than ${maxDepth} levels`,
      );
  };
}
