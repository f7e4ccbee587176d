import { fromJsonText, fromRequiredJsonText, toJsonText } from './json-object.mapper';

describe('JSON objects carried as text', () => {
  it('writes an object as JSON text, and none (absent or null) as empty text', () => {
    expect(toJsonText({ floor: 3, tags: ['a'], nested: { ok: true } })).toBe(
      '{"floor":3,"tags":["a"],"nested":{"ok":true}}',
    );
    expect(toJsonText({})).toBe('{}');
    expect(toJsonText(undefined)).toBe('');
    expect(toJsonText(null)).toBe('');
  });

  it('reads JSON text back as the object; empty text is none', () => {
    expect(fromJsonText('{"floor":3,"nested":{"ok":true}}', 'x')).toEqual({
      floor: 3,
      nested: { ok: true },
    });
    expect(fromJsonText('', 'x')).toBeNull();
    expect(() => fromRequiredJsonText('', 'the schema')).toThrow('the schema is missing');
  });

  it.each([
    ['{floor: 3}', 'is not valid JSON'],
    ['[1, 2]', 'is not a JSON object'],
    ['"text"', 'is not a JSON object'],
    ['42', 'is not a JSON object'],
    ['null', 'is not a JSON object'],
  ])('refuses %s from a service, naming what it was', (text, message) => {
    expect(() => fromJsonText(text, 'the schema')).toThrow(`the schema ${message}`);
  });
});
