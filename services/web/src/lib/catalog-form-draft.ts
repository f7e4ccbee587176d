import type { CatalogItemUpdate, NewCatalogItem } from '../api/admin-types';
import type { CatalogItem } from '../api/types';
import type { JsonSchema } from './json-schema-form';

/** Where in the text a draft goes wrong: 1-based line and column, 0-based offset. */
export interface DraftPosition {
  offset: number;
  line: number;
  column: number;
}

export type SchemaDraft =
  | { kind: 'ok'; schema: JsonSchema }
  | { kind: 'empty' }
  | { kind: 'syntax'; position: DraftPosition }
  | { kind: 'not-object' };

/** The form a new catalog item starts from: two fields, written in both languages. */
export const STARTER_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['reason'],
  properties: {
    reason: {
      type: 'string',
      title: 'Зачем это нужно / What is it for',
      maxLength: 500,
    },
    neededBy: {
      type: 'string',
      format: 'date',
      title: 'Нужно к / Needed by',
    },
  },
};

export function starterSchemaText(): string {
  return JSON.stringify(STARTER_SCHEMA, null, 2);
}

/** The line and column of an offset in a text, counting from 1. */
export function positionAt(text: string, offset: number): DraftPosition {
  const clamped = Math.max(0, Math.min(offset, text.length));
  const before = text.slice(0, clamped);
  const lines = before.split('\n');
  return { offset: clamped, line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/**
 * The offset a JSON.parse error points at. Engines say "at position N", sometimes with
 * "(line L column C)"; an unexpected end has no position and is the end of the text.
 */
export function jsonErrorOffset(text: string, message: string): number {
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) {
    const lines = text.split('\n');
    const line = Math.min(Number(lineColumn[1]), lines.length);
    const before = lines.slice(0, line - 1).reduce((sum, current) => sum + current.length + 1, 0);
    return before + Number(lineColumn[2]) - 1;
  }
  return text.length;
}

/**
 * A catalog form's JSON Schema as typed: the schema when it is a JSON object with
 * "type": "object", else what is wrong and, for a syntax error, where.
 */
export function parseSchemaDraft(text: string): SchemaDraft {
  if (!text.trim()) return { kind: 'empty' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'syntax', position: positionAt(text, jsonErrorOffset(text, message)) };
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    (value as JsonSchema).type !== 'object'
  ) {
    return { kind: 'not-object' };
  }
  return { kind: 'ok', schema: value as JsonSchema };
}

/** What the catalog item editor holds: the texts as typed, the form schema as JSON text. */
export interface CatalogItemDraft {
  serviceId: string;
  /** '' when requests get no category. */
  categoryId: string;
  name: string;
  description: string;
  schemaText: string;
}

/** A new item's draft: the given service, and the starter form. */
export function newItemDraft(serviceId: string): CatalogItemDraft {
  return { serviceId, categoryId: '', name: '', description: '', schemaText: starterSchemaText() };
}

/**
 * An existing item as the editor starts from it. Names and descriptions stay as stored,
 * "Русский / English" and all, so that saving does not lose the other language.
 */
export function itemDraftOf(item: CatalogItem): CatalogItemDraft {
  return {
    serviceId: item.serviceId,
    categoryId: item.defaultCategoryId ?? '',
    name: item.name,
    description: item.description,
    schemaText: JSON.stringify(item.formSchema, null, 2),
  };
}

/** What POST /api/v1/catalog/items takes for a draft whose schema has been parsed. */
export function newItemOf(
  draft: Omit<CatalogItemDraft, 'schemaText'>,
  formSchema: JsonSchema,
): NewCatalogItem {
  return {
    serviceId: draft.serviceId,
    name: draft.name.trim(),
    description: draft.description.trim(),
    formSchema,
    ...(draft.categoryId ? { defaultCategoryId: draft.categoryId } : {}),
  };
}

/**
 * The PUT body that makes `item` what `changes` say, and offered or not as `active` says.
 * PUT replaces the whole item, so what the editor does not show (impact, urgency, the
 * fulfilment group) is sent as it is, not left to the creation defaults.
 */
export function itemUpdateOf(
  item: CatalogItem,
  changes: NewCatalogItem = newItemOf(itemDraftOf(item), item.formSchema),
  active: boolean = item.active,
): CatalogItemUpdate {
  return {
    ...changes,
    defaultImpact: item.defaultImpact,
    defaultUrgency: item.defaultUrgency,
    ...(item.fulfilmentGroupId !== null ? { fulfilmentGroupId: item.fulfilmentGroupId } : {}),
    active,
  };
}
