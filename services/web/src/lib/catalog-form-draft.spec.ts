import type { CatalogItem } from '../api/types';
import {
  itemDraftOf,
  itemUpdateOf,
  jsonErrorOffset,
  newItemDraft,
  newItemOf,
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

const monitor: CatalogItem = {
  id: '6f1c1b8e-0d6a-4a8e-9a57-2f9f6d1f2c11',
  serviceId: 'b7e0c1a2-5d1f-4c3e-8a2b-9c0d1e2f3a4b',
  name: 'Монитор / Monitor',
  description: 'Второй экран. / A second display.',
  formSchema: {
    type: 'object',
    required: ['size'],
    properties: { size: { type: 'string', title: 'Диагональ / Size' } },
  },
  defaultCategoryId: null,
  defaultImpact: 'low',
  defaultUrgency: 'high',
  fulfilmentGroupId: 'workplace-support',
  active: true,
  version: 3,
  updatedAt: '2026-11-20T10:00:00.000Z',
};

describe('itemDraftOf', () => {
  it('starts the editor from the item as stored, both languages and a readable schema', () => {
    const draft = itemDraftOf({ ...monitor, defaultCategoryId: 'c-1' });
    expect(draft).toEqual({
      serviceId: monitor.serviceId,
      categoryId: 'c-1',
      name: 'Монитор / Monitor',
      description: 'Второй экран. / A second display.',
      schemaText: JSON.stringify(monitor.formSchema, null, 2),
    });
    expect(draft.schemaText).toContain('\n  "required": [\n    "size"\n  ],\n');
    expect(parseSchemaDraft(draft.schemaText)).toEqual({ kind: 'ok', schema: monitor.formSchema });
  });

  it('leaves the category empty when requests get none', () => {
    expect(itemDraftOf(monitor).categoryId).toBe('');
  });
});

describe('newItemDraft', () => {
  it('starts from the given service and the starter form', () => {
    expect(newItemDraft('svc')).toEqual({
      serviceId: 'svc',
      categoryId: '',
      name: '',
      description: '',
      schemaText: starterSchemaText(),
    });
  });
});

describe('newItemOf', () => {
  it('trims the texts and leaves out an empty category', () => {
    const schema = { type: 'object' } as const;
    expect(
      newItemOf({ serviceId: 's', categoryId: '', name: '  A / B ', description: ' d\n' }, schema),
    ).toEqual({ serviceId: 's', name: 'A / B', description: 'd', formSchema: schema });
    expect(
      newItemOf({ serviceId: 's', categoryId: 'c', name: 'A', description: '' }, schema),
    ).toMatchObject({ defaultCategoryId: 'c' });
  });
});

describe('itemUpdateOf', () => {
  it('sends what the editor changed, and keeps what it does not show', () => {
    const formSchema = {
      ...monitor.formSchema,
      properties: { ...monitor.formSchema.properties, cable: { type: 'boolean' } },
    };
    const changes = newItemOf(
      { ...itemDraftOf(monitor), name: 'Монитор 27 / Monitor 27', categoryId: 'c-2' },
      formSchema,
    );
    expect(itemUpdateOf(monitor, changes)).toEqual({
      serviceId: monitor.serviceId,
      name: 'Монитор 27 / Monitor 27',
      description: monitor.description,
      formSchema,
      defaultCategoryId: 'c-2',
      defaultImpact: 'low',
      defaultUrgency: 'high',
      fulfilmentGroupId: 'workplace-support',
      active: true,
    });
  });

  it('retires an item as it is, and offers it again', () => {
    const retired = itemUpdateOf(monitor, undefined, false);
    expect(retired).toEqual({
      serviceId: monitor.serviceId,
      name: monitor.name,
      description: monitor.description,
      formSchema: monitor.formSchema,
      defaultImpact: 'low',
      defaultUrgency: 'high',
      fulfilmentGroupId: 'workplace-support',
      active: false,
    });
    expect(itemUpdateOf({ ...monitor, active: false }, undefined, true).active).toBe(true);
  });

  it('keeps a retired item retired when only its texts change', () => {
    const item = { ...monitor, active: false };
    expect(itemUpdateOf(item, newItemOf(itemDraftOf(item), item.formSchema)).active).toBe(false);
  });

  it('leaves out a fulfilment group routing decides, as on creation', () => {
    expect(itemUpdateOf({ ...monitor, fulfilmentGroupId: null })).not.toHaveProperty(
      'fulfilmentGroupId',
    );
  });
});
