import type { IncomingMessage, ServerResponse } from 'node:http';
import { nestsDeeperThan, refuseDeeplyNestedJson } from './json-depth';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('the nesting depth of a JSON body', () => {
  it.each<[string, string, number, boolean]>([
    ['a flat object', '{"title":"VPN"}', 1, false],
    ['an object in an object, at the limit', '{"a":{"b":1}}', 2, false],
    ['an object in an object, over the limit', '{"a":{"b":1}}', 1, true],
    ['arrays count like objects', '[[[]]]', 2, true],
    ['siblings do not add up', '{"a":{},"b":{},"c":[],"d":{"e":1}}', 2, false],
    ['brackets inside strings do not count', '{"t":"{{{[[[ ]]]}}}"}', 1, false],
    ['an escaped quote does not end the string', '{"t":"say \\"{{{{\\" now"}', 1, false],
    ['an escaped backslash ends before the quote', '{"t":"\\\\","u":{"v":{}}}', 2, true],
    ['Cyrillic text', '{"title":"Не работает {VPN}"}', 1, false],
    ['5000 levels', nested(5000), 64, true],
    ['64 levels', nested(64), 64, false],
    ['65 levels', nested(65), 64, true],
    ['malformed text is the parser’s', '{"a":', 1, false],
  ])('%s', (_case, text, maxDepth, deeper) => {
    expect(nestsDeeperThan(bytes(text), maxDepth)).toBe(deeper);
  });

  it('refuses a body too deep as a client error body-parser answers with 400', () => {
    const verify = refuseDeeplyNestedJson(64);
    const request = {} as IncomingMessage;
    const response = {} as ServerResponse;
    expect(() => verify(request, response, bytes(nested(64)))).not.toThrow();
    expect(() => verify(request, response, bytes(nested(65)))).toThrow(
      expect.objectContaining({
        status: 400,
        expose: true,
        message: 'the JSON body nests objects or arrays deeper than 64 levels',
      }),
    );
  });
});
