import {
  jsonErrorOffset,
  parseSchemaDraft,
  positionAt,
  STARTER_SCHEMA,
  starterSchemaText,
} from './catalog-form-draft';
import { formFieldsOf } from './json-schema-form';

describe('parseSchemaDraft', () => {
  it('reads an object schema', () => {
    const draft = parseSchemaDraft(
      '{ "type": "object", "properties": { "a": { "type": "string" } } }',
    );
    expect(draft).toEqual({
      kind: 'ok',
      schema: { type: 'object', properties: { a: { type: 'string' } } },
    });
  });

  it('points at the line and column of a syntax error', () => {
    const text = '{\n  "type": "object",\n  "required" ["a"]\n}';
    expect(parseSchemaDraft(text)).toEqual({
      kind: 'syntax',
      position: { offset: 35, line: 3, column: 14 },
    });
  });

  it('puts an unexpected end at the end of the text', () => {
    expect(parseSchemaDraft('{\n  "type": ')).toEqual({
      kind: 'syntax',
      position: { offset: 12, line: 2, column: 11 },
    });
  });

  it.each(['[]', '"text"', '42', 'null', '{ "type": "string" }', '{}'])(
    'refuses %s, which is not a form',
    (text) => {
      expect(parseSchemaDraft(text)).toEqual({ kind: 'not-object' });
    },
  );

  it('tells an empty text apart', () => {
    expect(parseSchemaDraft('  \n')).toEqual({ kind: 'empty' });
  });
});

describe('jsonErrorOffset', () => {
  const text = '{\n  "a": 1,\n  "b" 2\n}';
  it.each([
    ['Unexpected number in JSON at position 18', 18],
    ["Expected ':' after property name in JSON at position 18 (line 3 column 7)", 18],
    ['Bad control character (line 3 column 7)', 18],
    ['Unexpected end of JSON input', text.length],
  ])('reads "%s" as offset %d', (message, offset) => {
    expect(jsonErrorOffset(text, message)).toBe(offset);
  });
});

describe('positionAt', () => {
  it('counts lines and columns from 1', () => {
    expect(positionAt('ab\ncd', 0)).toEqual({ offset: 0, line: 1, column: 1 });
    expect(positionAt('ab\ncd', 4)).toEqual({ offset: 4, line: 2, column: 2 });
    expect(positionAt('ab', 99)).toEqual({ offset: 2, line: 1, column: 3 });
  });
});

describe('the starter schema', () => {
  it('parses back to itself and asks two fields, in the reader’s language', () => {
    expect(parseSchemaDraft(starterSchemaText())).toEqual({ kind: 'ok', schema: STARTER_SCHEMA });
    const fields = formFieldsOf(STARTER_SCHEMA, 'en');
    expect(fields.map((field) => [field.name, field.kind, field.label, field.required])).toEqual([
      ['reason', 'text', 'What is it for', true],
      ['neededBy', 'date', 'Needed by', false],
    ]);
  });
});
