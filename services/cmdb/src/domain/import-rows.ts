// Bulk import of items from CSV (1C exports: `;`, a BOM, Cyrillic, quoted names) or JSON, and the
// export that re-imports unchanged. Rows are matched by (type, external id), so an import can be
// run again: new rows create, changed rows update, the same rows are left alone.
import { type AssetState, ASSET_STATES, isAssetState } from './asset-lifecycle';
import { type CiTypeDefinition } from './ci-type';
import { CmdbError, CmdbErrorCode, type FieldViolation } from './cmdb-error';
import {
  type AssetDetails,
  CI_STATUSES,
  type CiStatus,
  isCalendarDate,
  isCiStatus,
  type ItemFields,
  needsAssetDetails,
} from './configuration-item';

/** The columns an import reads and an export writes, in the order of an export. */
export const IMPORT_COLUMNS = [
  'type',
  'name',
  'external_id',
  'status',
  'owner_id',
  'support_group_id',
  'location_id',
  'inventory_number',
  'serial_number',
  'holder_id',
  'warranty_end',
  'contract_end',
  'seats',
  'asset_state',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** A column `attr.<name>` holds the attribute <name>. */
export const ATTRIBUTE_COLUMN_PREFIX = 'attr.';

/** The item fields a row gives as text, by the column they come from. */
export const IMPORT_FIELD_COLUMNS = {
  name: 'name',
  status: 'status',
  ownerId: 'owner_id',
  supportGroupId: 'support_group_id',
  locationId: 'location_id',
  inventoryNumber: 'inventory_number',
  serialNumber: 'serial_number',
  holderId: 'holder_id',
  warrantyEnd: 'warranty_end',
  contractEnd: 'contract_end',
  seats: 'seats',
  assetState: 'asset_state',
} as const satisfies Record<string, ImportColumn>;
export type ImportField = keyof typeof IMPORT_FIELD_COLUMNS;

const FIELD_OF_COLUMN: ReadonlyMap<string, ImportField> = new Map(
  Object.entries(IMPORT_FIELD_COLUMNS).map(([field, column]) => [column, field as ImportField]),
);
const ASSET_FIELDS = [
  'inventoryNumber',
  'serialNumber',
  'holderId',
  'warrantyEnd',
  'contractEnd',
  'seats',
  'assetState',
] as const satisfies readonly ImportField[];

export interface ParsedCsv {
  /** Trimmed, lower-case column names. */
  header: string[];
  rows: string[][];
}

/**
 * One row of an import, read but not yet checked against its type. A field is absent when its
 * column is; an empty string clears it. An attribute is null when its cell is empty (removed).
 */
export interface ImportRow {
  /** 1-based, the header not counted. */
  row: number;
  externalId: string | null;
  /** Lower-case; the default type when the row names none; null when neither. */
  typeKey: string | null;
  fields: Partial<Record<ImportField, string>>;
  attributes: Record<string, unknown>;
  /** The row as it was given, by column (JSON values other than text as JSON). */
  raw: Record<string, string>;
  /** Problems found while reading the row (a JSON row that is not an object); reported by toItemFields. */
  problems?: string[];
}

function contentError(message: string): CmdbError {
  return new CmdbError(CmdbErrorCode.ValidationFailed, 'the import content cannot be read', [
    { field: 'content', message },
  ]);
}

/** Sets an own property even for keys such as `__proto__`, which come from files as data. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// --- CSV ----------------------------------------------------------------------------------------

const QUOTE = 34;
const CR = 13;
const LF = 10;
const DELIMITERS = [';', '\t', ','] as const;

/** The delimiter the header line uses most, outside quotes; `;` (1C's) wins a tie and a single column. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  let content = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === '\n' || char === '\r') {
      if (content) break;
    } else {
      const count = counts.get(char);
      if (count !== undefined) counts.set(char, count + 1);
      if (char.trim().length > 0) content = true;
    }
  }
  let best: string = DELIMITERS[0];
  for (const delimiter of DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

function readRecords(text: string, delimiter: string): string[][] {
  const separator = delimiter.charCodeAt(0);
  const length = text.length;
  const records: string[][] = [];
  let record: string[] = [];
  let line = 1;
  let at = 0;
  const breakFrom = (from: number): number => {
    let end = from;
    while (end < length) {
      const code = text.charCodeAt(end);
      if (code === separator || code === CR || code === LF) break;
      end += 1;
    }
    return end;
  };
  while (at < length) {
    let value: string;
    if (text.charCodeAt(at) === QUOTE) {
      const startLine = line;
      value = '';
      let from = at + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close < 0) throw contentError(`line ${startLine}: unterminated quoted field`);
        const part = text.slice(from, close);
        for (let index = part.indexOf('\n'); index >= 0; index = part.indexOf('\n', index + 1)) {
          line += 1;
        }
        value += part;
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += '"';
          from = close + 2;
        } else {
          at = close + 1;
          break;
        }
      }
      // Text after the closing quote is not RFC 4180; keep it rather than lose it.
      const end = breakFrom(at);
      value += text.slice(at, end);
      at = end;
    } else {
      const end = breakFrom(at);
      value = text.slice(at, end);
      at = end;
    }
    record.push(value);
    if (at >= length) break;
    if (text.charCodeAt(at) === separator) {
      at += 1;
      if (at === length) record.push('');
      continue;
    }
    at += text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? 2 : 1;
    line += 1;
    records.push(record);
    record = [];
  }
  if (record.length > 0) records.push(record);
  return records;
}

/**
 * Reads CSV as RFC 4180 has it (quoted fields, doubled quotes, CRLF or LF, line breaks inside
 * quotes), without a UTF-8 BOM, with the delimiter of the header line (`;`, tab or `,`). Lines
 * with nothing in them are skipped. Throws VALIDATION_FAILED on `content` for broken quoting.
 */
export function parseCsv(text: string): ParsedCsv {
  const content = withoutBom(text);
  const records = readRecords(content, detectDelimiter(content)).filter((record) =>
    record.some((cell) => cell.trim().length > 0),
  );
  const [header = [], ...rows] = records;
  return { header: header.map((name) => name.trim().toLowerCase()), rows };
}

/** Header columns an import does not read (neither a known column nor `attr.<name>`). */
export function unknownColumns(header: readonly string[]): string[] {
  const known: ReadonlySet<string> = new Set(IMPORT_COLUMNS);
  return header.filter(
    (name) =>
      name.length > 0 &&
      !known.has(name) &&
      !(name.startsWith(ATTRIBUTE_COLUMN_PREFIX) && name.length > ATTRIBUTE_COLUMN_PREFIX.length),
  );
}

function rowFrom(
  row: number,
  raw: Record<string, string>,
  defaultTypeKey: string | null,
): ImportRow {
  const fields: Partial<Record<ImportField, string>> = {};
  const attributes: Record<string, unknown> = {};
  let externalId: string | null = null;
  let typeKey: string | null = null;
  for (const [column, value] of Object.entries(raw)) {
    if (column === 'type') typeKey = value.trim().toLowerCase() || null;
    else if (column === 'external_id') externalId = value.trim() || null;
    else if (column.startsWith(ATTRIBUTE_COLUMN_PREFIX)) {
      const name = column.slice(ATTRIBUTE_COLUMN_PREFIX.length);
      if (name.length > 0) setOwn(attributes, name, value.trim().length > 0 ? value : null);
    } else {
      const field = FIELD_OF_COLUMN.get(column);
      if (field !== undefined) fields[field] = value.trim();
    }
  }
  return {
    row,
    externalId,
    typeKey: typeKey ?? defaultTypeKey?.trim().toLowerCase() ?? null,
    fields,
    attributes,
    raw,
  };
}

/** The rows of a parsed CSV file; rows without a type take `defaultTypeKey`. */
export function rowsFromCsv(parsed: ParsedCsv, defaultTypeKey: string | null): ImportRow[] {
  return parsed.rows.map((cells, index) => {
    const raw: Record<string, string> = {};
    parsed.header.forEach((column, at) => {
      if (column.length > 0 && !Object.hasOwn(raw, column)) setOwn(raw, column, cells[at] ?? '');
    });
    return rowFrom(index + 1, raw, defaultTypeKey);
  });
}

// --- JSON ---------------------------------------------------------------------------------------

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The rows of a JSON array of item objects, keyed like the CSV columns, with the attributes in
 * an `attributes` object (or `attr.<name>` keys), typed as JSON types them. Null clears a field.
 */
export function rowsFromJson(text: string, defaultTypeKey: string | null): ImportRow[] {
  let items: unknown;
  try {
    items = JSON.parse(withoutBom(text));
  } catch (error) {
    throw contentError(`not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(items)) throw contentError('the content must be a JSON array of items');
  return items.map((item: unknown, index): ImportRow => {
    if (!isPlainObject(item)) {
      return {
        ...rowFrom(index + 1, {}, defaultTypeKey),
        raw: { item: textOf(item) },
        problems: ['the row is not a JSON object'],
      };
    }
    const raw: Record<string, string> = {};
    const attributes: Record<string, unknown> = {};
    const problems: string[] = [];
    for (const [key, value] of Object.entries(item)) {
      setOwn(raw, key, textOf(value));
      if (key === 'attributes') {
        if (isPlainObject(value)) {
          for (const [name, attribute] of Object.entries(value))
            setOwn(attributes, name, attribute);
        } else if (value !== null) problems.push('attributes: must be a JSON object');
      } else if (key.startsWith(ATTRIBUTE_COLUMN_PREFIX)) {
        setOwn(attributes, key.slice(ATTRIBUTE_COLUMN_PREFIX.length), value);
      }
    }
    const row = { ...rowFrom(index + 1, raw, defaultTypeKey), attributes };
    return problems.length > 0 ? { ...row, problems } : row;
  });
}

// --- From a row to an item ----------------------------------------------------------------------

function typesOf(property: unknown): ReadonlySet<string> {
  const type: unknown = isPlainObject(property) ? property['type'] : undefined;
  if (typeof type === 'string') return new Set([type]);
  return new Set(Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : []);
}

// 1C writes numbers the Russian way: "16,5", "1 024" (spaces, no-break spaces as thousands).
const NUMBER_PATTERN = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)([eE][+-]?\d+)?$/;
const DIGIT_GROUP_SPACES = /(?<=\d)[\s\u00a0\u202f](?=\d)/g;
const TRUE_WORDS: ReadonlySet<string> = new Set(['true', 'yes', 'да']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['false', 'no', 'нет']);

function coerceText(text: string, types: ReadonlySet<string>): unknown {
  if (types.has('string')) return text;
  const trimmed = text.trim();
  if (types.has('number') || types.has('integer')) {
    const digits = trimmed.replace(DIGIT_GROUP_SPACES, '');
    if (NUMBER_PATTERN.test(digits)) return Number(digits.replace(',', '.'));
  }
  if (types.has('boolean')) {
    const word = trimmed.toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  if ((types.has('object') || types.has('array')) && /^[[{]/.test(trimmed)) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * Attributes read as text (CSV), turned into what the type's schema says each one is:
 * numbers and integers (decimal comma and digit-group spaces accepted), booleans (true/false,
 * yes/no, да/нет), objects and arrays (JSON). Text that does not convert stays text, so the schema
 * check names it. Names match the schema's properties regardless of case, because CSV headers
 * are read in lower case.
 */
export function coerceAttributes(
  attributes: Record<string, unknown>,
  schema: Record<string, unknown>,
): Record<string, unknown> {
  const properties = isPlainObject(schema['properties']) ? schema['properties'] : {};
  const byLowerCase = new Map(Object.keys(properties).map((name) => [name.toLowerCase(), name]));
  const coerced: Record<string, unknown> = {};
  for (const [given, value] of Object.entries(attributes)) {
    const name = Object.hasOwn(properties, given)
      ? given
      : (byLowerCase.get(given.toLowerCase()) ?? given);
    const property = Object.hasOwn(properties, name) ? properties[name] : undefined;
    setOwn(coerced, name, typeof value === 'string' ? coerceText(value, typesOf(property)) : value);
  }
  return coerced;
}

/** The text of a cell, or what the item had when the column is absent; empty clears it. */
function textOrKept(value: string | undefined, kept: string | null): string | null {
  if (value === undefined) return kept;
  const text = value.trim();
  return text.length > 0 ? text : null;
}

// 1C writes dates as 31.12.2026, sometimes with a time of day: 31.12.2026 0:00:00.
const RUSSIAN_DATE = /^(\d{2})\.(\d{2})\.(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;

function dateOrKept(
  errors: string[],
  column: ImportColumn,
  value: string | undefined,
  kept: string | null,
): string | null {
  const text = textOrKept(value, kept);
  if (text === null || text === kept) return text;
  const russian = RUSSIAN_DATE.exec(text);
  const date = russian ? `${russian[3]}-${russian[2]}-${russian[1]}` : text;
  if (isCalendarDate(date)) return date;
  errors.push(`${column}: ${text} is not a date (YYYY-MM-DD)`);
  return null;
}

function seatsOrKept(
  errors: string[],
  value: string | undefined,
  kept: number | null,
): number | null {
  if (value === undefined) return kept;
  const text = value.trim();
  if (text.length === 0) return null;
  const digits = text.replace(DIGIT_GROUP_SPACES, '');
  const seats = /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
  if (Number.isSafeInteger(seats)) return seats;
  errors.push(`seats: ${text} is not a whole number of seats`);
  return null;
}

function assetFrom(
  row: ImportRow,
  type: CiTypeDefinition,
  kept: AssetDetails | null,
  errors: string[],
): AssetDetails {
  const fields = row.fields;
  let state: AssetState = kept?.state ?? 'in_stock';
  // State changes go through the asset lifecycle, so the journal has them: an import sets the
  // state of a new asset only.
  const stateText = fields.assetState?.trim().toLowerCase() ?? '';
  if (kept === null && stateText.length > 0) {
    if (isAssetState(stateText)) state = stateText;
    else {
      errors.push(
        `asset_state: "${fields.assetState ?? ''}" is not an asset state: ${ASSET_STATES.join(', ')}`,
      );
    }
  }
  if (!type.licence && fields.seats?.trim()) errors.push('seats: only licences have seats');
  return {
    state,
    inventoryNumber: textOrKept(fields.inventoryNumber, kept?.inventoryNumber ?? null),
    serialNumber: textOrKept(fields.serialNumber, kept?.serialNumber ?? null),
    holderId: textOrKept(fields.holderId, kept?.holderId ?? null),
    locationId: textOrKept(fields.locationId, kept?.locationId ?? null),
    warrantyEnd: dateOrKept(errors, 'warranty_end', fields.warrantyEnd, kept?.warrantyEnd ?? null),
    contractEnd: dateOrKept(errors, 'contract_end', fields.contractEnd, kept?.contractEnd ?? null),
    seats: type.licence ? seatsOrKept(errors, fields.seats, kept?.seats ?? null) : null,
  };
}

/**
 * The item a row describes: a new one, or `existing` (found by type and external id) with the
 * columns the row has applied. Absent columns keep what the item had (a new item: nothing, status
 * active, an asset in stock); empty cells clear. For assets and licences the location column is
 * the asset's location, and it also becomes the item's location of a new one. The asset state of
 * an existing item is never changed: that goes through the asset lifecycle. Errors are sentences
 * naming the column; the caller then checks the fields with validateItemFields.
 */
export function toItemFields(
  row: ImportRow,
  type: CiTypeDefinition,
  existing: ItemFields | null,
): { fields: ItemFields } | { errors: string[] } {
  // A row that could not be read has nothing else worth reporting.
  if (row.problems && row.problems.length > 0) return { errors: [...row.problems] };
  const errors: string[] = [];
  const fields = row.fields;
  if (row.externalId === null) {
    errors.push('external_id: required, it identifies the item from one import to the next');
  }
  const name = textOrKept(fields.name, existing?.name ?? null);
  if (name === null) errors.push('name: required');

  let status: CiStatus = existing?.status ?? 'active';
  const statusText = fields.status?.trim().toLowerCase() ?? '';
  if (statusText.length > 0) {
    if (isCiStatus(statusText)) status = statusText;
    else {
      errors.push(`status: "${fields.status ?? ''}" is not a status: ${CI_STATUSES.join(', ')}`);
    }
  }

  let asset: AssetDetails | null = null;
  let locationId: string | null;
  if (needsAssetDetails(type)) {
    asset = assetFrom(row, type, existing?.asset ?? null, errors);
    locationId = existing ? existing.locationId : asset.locationId;
  } else {
    for (const field of ASSET_FIELDS) {
      if (fields[field]?.trim()) {
        errors.push(
          `${IMPORT_FIELD_COLUMNS[field]}: ${type.key} is not an asset type; leave the column empty`,
        );
      }
    }
    locationId = textOrKept(fields.locationId, existing?.locationId ?? null);
  }

  const attributes: Record<string, unknown> = { ...existing?.attributes };
  for (const [key, value] of Object.entries(
    coerceAttributes(row.attributes, type.attributeSchema),
  )) {
    if (value === null || value === undefined) delete attributes[key];
    else setOwn(attributes, key, value);
  }

  if (errors.length > 0 || name === null || row.externalId === null) return { errors };
  return {
    fields: {
      typeKey: type.key,
      name,
      externalId: row.externalId,
      attributes,
      status,
      ownerId: textOrKept(fields.ownerId, existing?.ownerId ?? null),
      supportGroupId: textOrKept(fields.supportGroupId, existing?.supportGroupId ?? null),
      locationId,
      asset,
    },
  };
}

/** The type a row names (or the import's default), or why there is none. */
export function resolveRowType(
  row: ImportRow,
  types: ReadonlyMap<string, CiTypeDefinition>,
): { type: CiTypeDefinition } | { errors: string[] } {
  if (row.typeKey === null) {
    return { errors: ['type: required, the row names no type and the import has no default type'] };
  }
  const type = types.get(row.typeKey);
  return type ? { type } : { errors: [`type: "${row.typeKey}" is not a CI type`] };
}

const COLUMN_OF_FIELD: Readonly<Record<string, string>> = {
  typeKey: 'type',
  name: 'name',
  externalId: 'external_id',
  status: 'status',
  ownerId: 'owner_id',
  supportGroupId: 'support_group_id',
  locationId: 'location_id',
  'asset.state': 'asset_state',
  'asset.inventoryNumber': 'inventory_number',
  'asset.serialNumber': 'serial_number',
  'asset.holderId': 'holder_id',
  'asset.locationId': 'location_id',
  'asset.warrantyEnd': 'warranty_end',
  'asset.contractEnd': 'contract_end',
  'asset.seats': 'seats',
};

/** Violations of validateItemFields as sentences naming the import column: `attr.ram_gb: must be number`. */
export function violationSentences(violations: readonly FieldViolation[]): string[] {
  return violations.map(({ field, message }) => {
    const column = field.startsWith('attributes/')
      ? `${ATTRIBUTE_COLUMN_PREFIX}${field.slice('attributes/'.length)}`
      : (COLUMN_OF_FIELD[field] ?? field);
    return `${column}: ${message}`;
  });
}

// --- Export -------------------------------------------------------------------------------------

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function quoted(cell: string): string {
  return /[;"\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function columnsOf(fields: ItemFields): Record<ImportColumn, string> {
  const asset = fields.asset;
  return {
    type: fields.typeKey,
    name: fields.name,
    external_id: fields.externalId ?? '',
    status: fields.status,
    owner_id: fields.ownerId ?? '',
    support_group_id: fields.supportGroupId ?? '',
    location_id: (asset ? asset.locationId : fields.locationId) ?? '',
    inventory_number: asset?.inventoryNumber ?? '',
    serial_number: asset?.serialNumber ?? '',
    holder_id: asset?.holderId ?? '',
    warranty_end: asset?.warrantyEnd ?? '',
    contract_end: asset?.contractEnd ?? '',
    seats: cellOf(asset?.seats),
    asset_state: asset?.state ?? '',
  };
}

/**
 * Items as `;`-delimited CSV with the import's header and an `attr.<name>` column per attribute
 * name, CRLF line ends, quoted where needed: importing it again changes nothing.
 */
export function toCsv(
  items: ReadonlyArray<{ fields: ItemFields }>,
  attributeNames: string[],
): string {
  const header = [
    ...IMPORT_COLUMNS,
    ...attributeNames.map((name) => `${ATTRIBUTE_COLUMN_PREFIX}${name}`),
  ];
  const lines = [header.map(quoted).join(';')];
  for (const { fields } of items) {
    const columns = columnsOf(fields);
    const cells = [
      ...IMPORT_COLUMNS.map((column) => columns[column]),
      ...attributeNames.map((name) =>
        cellOf(Object.hasOwn(fields.attributes, name) ? fields.attributes[name] : undefined),
      ),
    ];
    lines.push(cells.map(quoted).join(';'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Items as the JSON array rowsFromJson reads: CSV column names, attributes as an object. */
export function toJson(items: ReadonlyArray<{ fields: ItemFields }>): string {
  const objects = items.map(({ fields }) => {
    const columns = columnsOf(fields);
    const asset = fields.asset;
    const nullable = (text: string) => (text.length > 0 ? text : null);
    return {
      type: columns.type,
      name: columns.name,
      external_id: fields.externalId,
      status: columns.status,
      owner_id: fields.ownerId,
      support_group_id: fields.supportGroupId,
      location_id: nullable(columns.location_id),
      ...(asset
        ? {
            inventory_number: asset.inventoryNumber,
            serial_number: asset.serialNumber,
            holder_id: asset.holderId,
            warranty_end: asset.warrantyEnd,
            contract_end: asset.contractEnd,
            seats: asset.seats,
            asset_state: asset.state,
          }
        : {}),
      attributes: fields.attributes,
    };
  });
  return JSON.stringify(objects, null, 2);
}
