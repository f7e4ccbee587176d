import { AjvFormValidator } from './ajv-form.validator';

const laptopForm = {
  type: 'object',
  required: ['model', 'startDate'],
  properties: {
    model: { type: 'string', enum: ['ThinkPad T14', 'MacBook Pro 14'] },
    startDate: { type: 'string', format: 'date' },
    extraMonitor: { type: 'boolean' },
  },
  additionalProperties: false,
};

describe('AjvFormValidator', () => {
  const validator = new AjvFormValidator();

  it('accepts a filled-in form', () => {
    expect(
      validator.violations(laptopForm, { model: 'ThinkPad T14', startDate: '2026-12-01' }),
    ).toEqual([]);
  });

  it('names every missing or wrong field as a JSON pointer', () => {
    expect(validator.violations(laptopForm, { model: 'Amiga 500', colour: 'red' })).toEqual(
      expect.arrayContaining([
        { field: '/startDate', message: "must have required property 'startDate'" },
        { field: '/model', message: 'must be equal to one of the allowed values' },
        { field: '/', message: 'must NOT have additional properties' },
      ]),
    );
  });

  it('explains why a schema is not usable', () => {
    expect(
      validator.schemaProblems({ type: 'object', properties: { a: { type: 'strin' } } }),
    ).toEqual([expect.stringContaining('not a usable JSON Schema') as string]);
    expect(validator.schemaProblems(laptopForm)).toEqual([]);
  });
});
