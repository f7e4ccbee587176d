import {
  checkField,
  checkForm,
  type FormField,
  formFieldsOf,
  formPayload,
  initialValuesOf,
  type JsonSchema,
} from './json-schema-form';

/** A catalog form with every kind of field portal users fill in. */
const schema: JsonSchema = {
  type: 'object',
  required: ['model', 'startDate', 'employeeName', 'seats'],
  properties: {
    model: { type: 'string', title: 'Модель / Model', enum: ['T14', 'X1 Carbon'] },
    role: {
      type: 'string',
      title: 'Роль / Role',
      oneOf: [
        { const: 'read_only', title: 'Только просмотр / Read only' },
        { const: 'accountant', title: 'Бухгалтер / Accountant' },
      ],
    },
    startDate: { type: 'string', format: 'date', title: 'Первый рабочий день / Start date' },
    employeeName: { type: 'string', title: 'Сотрудник / Employee', minLength: 3, maxLength: 200 },
    justification: { type: 'string', minLength: 10, maxLength: 2000 },
    seats: { type: 'integer', title: 'Seats', minimum: 1, maximum: 50 },
    budget: { type: 'number', minimum: 0 },
    needs1c: { type: 'boolean', title: 'Нужен доступ к 1С / Needs 1C access', default: true },
    accessories: {
      type: 'array',
      items: { type: 'string', enum: ['headset', 'dock'] },
      uniqueItems: true,
    },
    workstation: { type: 'string', pattern: '^WS-\\d{4}$' },
    contact: { type: 'string', format: 'email' },
    nested: { type: 'object', properties: {} },
  },
};

describe('formFieldsOf', () => {
  it('maps each property to the input that asks for it, labelled in the reader’s language', () => {
    const fields = formFieldsOf(schema, 'en');
    expect(fields.map((field) => [field.name, field.kind, field.label, field.required])).toEqual([
      ['model', 'select', 'Model', true],
      ['startDate', 'date', 'Start date', true],
      ['employeeName', 'text', 'Employee', true],
      ['seats', 'number', 'Seats', true],
      ['role', 'select', 'Role', false],
      ['justification', 'textarea', 'justification', false],
      ['budget', 'number', 'budget', false],
      ['needs1c', 'boolean', 'Needs 1C access', false],
      ['accessories', 'multiselect', 'accessories', false],
      ['workstation', 'text', 'workstation', false],
      ['contact', 'email', 'contact', false],
    ]);
  });

  it('offers the titles of oneOf choices and keeps their values', () => {
    const role = formFieldsOf(schema, 'ru').find((field) => field.name === 'role');
    expect(role).toMatchObject({
      label: 'Роль',
      options: [
        { value: 'read_only', label: 'Только просмотр' },
        { value: 'accountant', label: 'Бухгалтер' },
      ],
    });
  });

  it('carries the limits to the number and text inputs', () => {
    const fields = formFieldsOf(schema, 'en');
    expect(fields.find((field) => field.name === 'seats')).toMatchObject({
      integer: true,
      minimum: 1,
      maximum: 50,
    });
    expect(fields.find((field) => field.name === 'employeeName')).toMatchObject({
      minLength: 3,
      maxLength: 200,
    });
  });

  it('keeps the author’s order of required fields when storage has sorted the properties', () => {
    const stored: JsonSchema = {
      required: ['model', 'neededBy', 'monitors'],
      properties: {
        note: { type: 'string' },
        model: { type: 'string' },
        monitors: { type: 'integer' },
        neededBy: { type: 'string', format: 'date' },
      },
    };
    expect(formFieldsOf(stored, 'en').map((field) => field.name)).toEqual([
      'model',
      'neededBy',
      'monitors',
      'note',
    ]);
  });

  it('asks nothing of a form without properties', () => {
    expect(formFieldsOf(null, 'en')).toEqual([]);
    expect(formFieldsOf({ type: 'object' }, 'en')).toEqual([]);
  });
});

describe('initialValuesOf', () => {
  it('starts blank, with the schema’s defaults', () => {
    const fields = formFieldsOf(schema, 'en');
    expect(initialValuesOf(fields, schema)).toMatchObject({
      model: '',
      needs1c: true,
      accessories: [],
      seats: '',
    });
  });
});

describe('checkField', () => {
  const fields = Object.fromEntries(formFieldsOf(schema, 'en').map((field) => [field.name, field]));
  const field = (name: string) => fields[name] as FormField;

  it.each([
    ['model', '', { code: 'required' }],
    ['role', '', null],
    ['employeeName', 'Al', { code: 'minLength', limit: 3 }],
    ['employeeName', 'Alex Petrov', null],
    ['seats', '0', { code: 'minimum', limit: 1 }],
    ['seats', '51', { code: 'maximum', limit: 50 }],
    ['seats', '2.5', { code: 'integer' }],
    ['seats', 'many', { code: 'number' }],
    ['seats', '12', null],
    ['budget', '10.5', null],
    ['startDate', '2026-13', { code: 'date' }],
    ['startDate', '2026-03-16', null],
    ['workstation', 'WS-12', { code: 'pattern' }],
    ['workstation', 'WS-1234', null],
    ['contact', 'not an address', { code: 'email' }],
    ['accessories', [], null],
    ['needs1c', false, null],
  ] as const)('%s = %j → %j', (name, value, expected) => {
    expect(checkField(field(name), typeof value === 'object' ? [...value] : value)).toEqual(
      expected,
    );
  });

  it('lists every field that is wrong', () => {
    const fieldList = formFieldsOf(schema, 'en');
    const problems = checkForm(fieldList, initialValuesOf(fieldList, schema));
    expect(Object.keys(problems).sort()).toEqual(['employeeName', 'model', 'seats', 'startDate']);
  });
});

describe('formPayload', () => {
  it('sends typed values and leaves blank optional fields out', () => {
    const fields = formFieldsOf(schema, 'en');
    expect(
      formPayload(fields, {
        ...initialValuesOf(fields, schema),
        model: 'T14',
        startDate: '2026-03-16',
        employeeName: '  Alex Petrov ',
        seats: '3',
        budget: '',
        accessories: ['dock'],
      }),
    ).toEqual({
      model: 'T14',
      startDate: '2026-03-16',
      employeeName: 'Alex Petrov',
      seats: 3,
      needs1c: true,
      accessories: ['dock'],
    });
  });
});
