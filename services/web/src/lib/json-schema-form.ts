import type { Language } from '../i18n/language';
import { bilingual } from './bilingual';

/** The subset of JSON Schema (2020-12) catalog forms are written in. */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  enum?: readonly unknown[];
  const?: unknown;
  oneOf?: readonly JsonSchema[];
  anyOf?: readonly JsonSchema[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  default?: unknown;
  items?: JsonSchema;
  uniqueItems?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
}

export interface FieldOption {
  value: string;
  label: string;
}

interface FieldBase {
  name: string;
  label: string;
  help?: string;
  required: boolean;
}

export type FormField =
  | (FieldBase & {
      kind: 'text' | 'textarea' | 'email' | 'url';
      minLength?: number;
      maxLength?: number;
      pattern?: string;
    })
  | (FieldBase & { kind: 'date' })
  | (FieldBase & { kind: 'select'; options: FieldOption[] })
  | (FieldBase & { kind: 'multiselect'; options: FieldOption[] })
  | (FieldBase & { kind: 'number'; integer: boolean; minimum?: number; maximum?: number })
  | (FieldBase & { kind: 'boolean' });

/** What the inputs hold: text for text-like and number inputs, lists and flags otherwise. */
export type FormValue = string | boolean | string[];
export type FormValues = Record<string, FormValue>;

/** Texts longer than this get a multi-line box. */
const TEXTAREA_FROM_LENGTH = 300;

function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== 'null');
  return schema.type as string | undefined;
}

function optionsOf(schema: JsonSchema, language: Language): FieldOption[] | undefined {
  if (schema.enum) {
    return schema.enum.map((value) => ({ value: String(value), label: String(value) }));
  }
  const choices = schema.oneOf ?? schema.anyOf;
  if (choices?.every((choice) => choice.const !== undefined)) {
    return choices.map((choice) => ({
      value: String(choice.const),
      label: bilingual(choice.title ?? String(choice.const), language),
    }));
  }
  return undefined;
}

/** Turns one property of the form's schema into a field; undefined for shapes it cannot ask. */
function fieldOf(
  name: string,
  schema: JsonSchema,
  required: boolean,
  language: Language,
): FormField | undefined {
  const base: FieldBase = {
    name,
    label: bilingual(schema.title ?? name, language),
    required,
    ...(schema.description ? { help: bilingual(schema.description, language) } : {}),
  };
  const type = typeOf(schema);
  const options = optionsOf(schema, language);
  if (options && (type === 'string' || type === undefined)) {
    return { ...base, kind: 'select', options };
  }
  switch (type ?? 'unknown') {
    case 'string': {
      if (schema.format === 'date') return { ...base, kind: 'date' };
      const kind =
        schema.format === 'email'
          ? 'email'
          : schema.format === 'uri'
            ? 'url'
            : (schema.maxLength ?? Infinity) > TEXTAREA_FROM_LENGTH && (schema.minLength ?? 0) >= 10
              ? 'textarea'
              : 'text';
      return {
        ...base,
        kind,
        ...(schema.minLength !== undefined ? { minLength: schema.minLength } : {}),
        ...(schema.maxLength !== undefined ? { maxLength: schema.maxLength } : {}),
        ...(schema.pattern !== undefined ? { pattern: schema.pattern } : {}),
      };
    }
    case 'number':
    case 'integer': {
      const minimum = schema.minimum ?? schema.exclusiveMinimum;
      const maximum = schema.maximum ?? schema.exclusiveMaximum;
      return {
        ...base,
        kind: 'number',
        integer: type === 'integer',
        ...(minimum !== undefined ? { minimum } : {}),
        ...(maximum !== undefined ? { maximum } : {}),
      };
    }
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'array': {
      const itemOptions = schema.items ? optionsOf(schema.items, language) : undefined;
      return itemOptions ? { ...base, kind: 'multiselect', options: itemOptions } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The fields of a catalog item's form: required ones first, in the order `required` lists them,
 * then the optional ones. Forms are stored as JSONB, which keeps no property order, so the
 * `required` array (arrays keep theirs) is the author's order that survives.
 */
export function formFieldsOf(
  schema: JsonSchema | null | undefined,
  language: Language,
): FormField[] {
  const requiredNames = schema?.required ?? [];
  const required = new Set(requiredNames);
  const rank = (name: string) => (required.has(name) ? requiredNames.indexOf(name) : Infinity);
  const ordered = Object.entries(schema?.properties ?? {})
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => rank(a.entry[0]) - rank(b.entry[0]) || a.index - b.index)
    .map(({ entry }) => entry);
  return ordered.flatMap(([name, property]) => {
    const field = fieldOf(name, property, required.has(name), language);
    return field ? [field] : [];
  });
}

/** Empty inputs, or the schema's defaults. */
export function initialValuesOf(
  fields: readonly FormField[],
  schema: JsonSchema | null | undefined,
): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const fallback = schema?.properties?.[field.name]?.default;
    if (field.kind === 'boolean') values[field.name] = fallback === true;
    else if (field.kind === 'multiselect')
      values[field.name] = Array.isArray(fallback) ? fallback.map(String) : [];
    else values[field.name] = fallback === undefined ? '' : String(fallback);
  }
  return values;
}

export type FieldProblem =
  | { code: 'required' }
  | { code: 'minLength' | 'maxLength'; limit: number }
  | { code: 'minimum' | 'maximum'; limit: number }
  | { code: 'integer' | 'number' | 'pattern' | 'date' | 'email' };

function isBlank(value: FormValue | undefined): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The first thing wrong with one field's value, as the API would refuse it. */
export function checkField(field: FormField, value: FormValue | undefined): FieldProblem | null {
  if (field.kind === 'boolean') return null;
  if (isBlank(value)) return field.required ? { code: 'required' } : null;
  if (typeof value !== 'string') return null;
  switch (field.kind) {
    case 'number': {
      const number = Number(value);
      if (!Number.isFinite(number)) return { code: 'number' };
      if (field.integer && !Number.isInteger(number)) return { code: 'integer' };
      if (field.minimum !== undefined && number < field.minimum)
        return { code: 'minimum', limit: field.minimum };
      if (field.maximum !== undefined && number > field.maximum)
        return { code: 'maximum', limit: field.maximum };
      return null;
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : { code: 'date' };
    case 'text':
    case 'textarea':
    case 'email':
    case 'url': {
      const length = [...value.trim()].length;
      if (field.minLength !== undefined && length < field.minLength)
        return { code: 'minLength', limit: field.minLength };
      if (field.maxLength !== undefined && length > field.maxLength)
        return { code: 'maxLength', limit: field.maxLength };
      if (field.kind === 'email' && !/^[^\s@]+@[^\s@]+$/.test(value)) return { code: 'email' };
      if (field.pattern !== undefined && !new RegExp(field.pattern, 'u').test(value))
        return { code: 'pattern' };
      return null;
    }
    case 'select':
    case 'multiselect':
      return null;
    default:
      return field satisfies never;
  }
}

export function checkForm(
  fields: readonly FormField[],
  values: FormValues,
): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const field of fields) {
    const problem = checkField(field, values[field.name]);
    if (problem) problems[field.name] = problem;
  }
  return problems;
}

/** The `fields` of an order: typed values, blank optional fields left out. */
export function formPayload(
  fields: readonly FormField[],
  values: FormValues,
): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === 'boolean') {
      payload[field.name] = value === true;
      continue;
    }
    if (isBlank(value)) continue;
    if (field.kind === 'number') payload[field.name] = Number(value);
    else if (typeof value === 'string') payload[field.name] = value.trim();
    else payload[field.name] = value;
  }
  return payload;
}
