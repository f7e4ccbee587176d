// A configuration item: its common fields, its type's attributes and, for assets and licences,
// the asset details the stock journal keeps.
import { type AssetState, isAssetState } from './asset-lifecycle';
import { type AttributeValidator, attributeSchemaCacheKey, type CiTypeDefinition } from './ci-type';
import { type FieldViolation } from './cmdb-error';

export const CI_STATUSES = ['planned', 'active', 'maintenance', 'retired'] as const;
export type CiStatus = (typeof CI_STATUSES)[number];

export interface AssetDetails {
  state: AssetState;
  /** Инвентарный номер. */
  inventoryNumber: string | null;
  serialNumber: string | null;
  /** The person who holds it; only while it is in use. */
  holderId: string | null;
  /** Where it is: the location the asset lifecycle moves it between. */
  locationId: string | null;
  /** YYYY-MM-DD. */
  warrantyEnd: string | null;
  /** YYYY-MM-DD. */
  contractEnd: string | null;
  /** Licences only: seats owned. */
  seats: number | null;
}

export interface ItemFields {
  typeKey: string;
  name: string;
  /** The id in the system it came from (e.g. 1C), unique per type. */
  externalId: string | null;
  attributes: Record<string, unknown>;
  status: CiStatus;
  ownerId: string | null;
  supportGroupId: string | null;
  locationId: string | null;
  /** Set exactly for items of asset and licence types. */
  asset: AssetDetails | null;
}

export const ITEM_NAME_MAX_LENGTH = 200;
export const EXTERNAL_ID_MAX_LENGTH = 200;
export const INVENTORY_NUMBER_MAX_LENGTH = 100;
export const SERIAL_NUMBER_MAX_LENGTH = 100;
/** Ids of people, groups and locations issued elsewhere. */
export const REFERENCE_MAX_LENGTH = 200;

const STATUSES: ReadonlySet<string> = new Set(CI_STATUSES);

export function isCiStatus(value: unknown): value is CiStatus {
  return typeof value === 'string' && STATUSES.has(value);
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is YYYY-MM-DD and a day the calendar has (no 2026-02-29, no 2026-13-01). */
export function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether the type's items carry asset details: assets and licences do. */
export function needsAssetDetails(type: Pick<CiTypeDefinition, 'asset' | 'licence'>): boolean {
  return type.asset || type.licence;
}

function optionalText(
  violations: FieldViolation[],
  field: string,
  value: unknown,
  maxLength: number,
): void {
  if (value === null) return;
  if (typeof value !== 'string' || value.trim().length === 0) {
    violations.push({ field, message: `${field} must be text, or null when there is none` });
  } else if (value.length > maxLength) {
    violations.push({ field, message: `${field} must be at most ${maxLength} characters` });
  }
}

function optionalDate(violations: FieldViolation[], field: string, value: unknown): void {
  if (value === null) return;
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    violations.push({ field, message: `${String(value)} is not a date (YYYY-MM-DD)` });
  }
}

function assetViolations(asset: AssetDetails, type: CiTypeDefinition): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (!isAssetState(asset.state)) {
    violations.push({
      field: 'asset.state',
      message: `"${String(asset.state)}" is not an asset state`,
    });
  }
  optionalText(
    violations,
    'asset.inventoryNumber',
    asset.inventoryNumber,
    INVENTORY_NUMBER_MAX_LENGTH,
  );
  optionalText(violations, 'asset.serialNumber', asset.serialNumber, SERIAL_NUMBER_MAX_LENGTH);
  optionalText(violations, 'asset.holderId', asset.holderId, REFERENCE_MAX_LENGTH);
  optionalText(violations, 'asset.locationId', asset.locationId, REFERENCE_MAX_LENGTH);
  optionalDate(violations, 'asset.warrantyEnd', asset.warrantyEnd);
  optionalDate(violations, 'asset.contractEnd', asset.contractEnd);
  const seats: unknown = asset.seats;
  if (type.licence) {
    if (typeof seats !== 'number' || !Number.isSafeInteger(seats) || seats < 0) {
      violations.push({
        field: 'asset.seats',
        message: `a licence needs its seats as a whole number from 0, got ${String(seats)}`,
      });
    }
  } else {
    if (seats !== null) {
      violations.push({ field: 'asset.seats', message: 'only licences have seats' });
    }
    // The lifecycle gives a holder on assign and takes it on return and repair; keep it so.
    if (asset.state === 'in_use' && asset.holderId === null) {
      violations.push({ field: 'asset.holderId', message: 'an asset in use needs a holder' });
    }
    if (asset.state !== 'in_use' && asset.holderId !== null) {
      violations.push({
        field: 'asset.holderId',
        message: `only an asset in use has a holder; this one is ${String(asset.state)}`,
      });
    }
  }
  return violations;
}

/**
 * Checks an item against its type and reports every problem at once: the common fields, the
 * asset details (required exactly for assets and licences) and the attributes against the type's
 * schema (`attributes/<name>`). Give the type's version, when known, for the schema cache.
 */
export function validateItemFields(
  fields: ItemFields,
  type: CiTypeDefinition & { readonly version?: number },
  attributeValidator: AttributeValidator,
): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (fields.typeKey !== type.key) {
    violations.push({
      field: 'typeKey',
      message: `the item is of type "${String(fields.typeKey)}", not "${type.key}"`,
    });
  }
  const name = typeof fields.name === 'string' ? fields.name.trim() : '';
  if (name.length === 0) violations.push({ field: 'name', message: 'name is required' });
  else if (name.length > ITEM_NAME_MAX_LENGTH) {
    violations.push({
      field: 'name',
      message: `name must be at most ${ITEM_NAME_MAX_LENGTH} characters`,
    });
  }
  optionalText(violations, 'externalId', fields.externalId, EXTERNAL_ID_MAX_LENGTH);
  if (!isCiStatus(fields.status)) {
    violations.push({
      field: 'status',
      message: `"${String(fields.status)}" is not a status: ${CI_STATUSES.join(', ')}`,
    });
  }
  optionalText(violations, 'ownerId', fields.ownerId, REFERENCE_MAX_LENGTH);
  optionalText(violations, 'supportGroupId', fields.supportGroupId, REFERENCE_MAX_LENGTH);
  optionalText(violations, 'locationId', fields.locationId, REFERENCE_MAX_LENGTH);

  if (needsAssetDetails(type)) {
    if (fields.asset === null || typeof fields.asset !== 'object') {
      violations.push({
        field: 'asset',
        message: `items of type ${type.key} are ${type.licence ? 'licences' : 'assets'} and need asset details`,
      });
    } else {
      violations.push(...assetViolations(fields.asset, type));
    }
  } else if (fields.asset !== null) {
    violations.push({
      field: 'asset',
      message: `items of type ${type.key} are not assets and have no asset details`,
    });
  }

  const attributes: unknown = fields.attributes;
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
    violations.push({ field: 'attributes', message: 'attributes must be a JSON object' });
  } else {
    violations.push(
      ...attributeValidator.attributeViolations(
        type.attributeSchema,
        attributes,
        attributeSchemaCacheKey(type.key, type.version),
      ),
    );
  }
  return violations;
}

export interface ItemFieldChange {
  field: string;
  /** JSON of the value; empty when absent (null). */
  oldValue: string;
  newValue: string;
}

const COMMON_FIELDS = [
  'typeKey',
  'name',
  'externalId',
  'status',
  'ownerId',
  'supportGroupId',
  'locationId',
] as const satisfies readonly (keyof ItemFields)[];

const ASSET_FIELDS = [
  'state',
  'inventoryNumber',
  'serialNumber',
  'holderId',
  'locationId',
  'warrantyEnd',
  'contractEnd',
  'seats',
] as const satisfies readonly (keyof AssetDetails)[];

/** JSON with object keys sorted, so the same value always reads the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((inner) => canonicalJson(inner)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function jsonOf(value: unknown): string {
  return value === undefined || value === null ? '' : canonicalJson(value);
}

function compare(changes: ItemFieldChange[], field: string, before: unknown, after: unknown): void {
  const oldValue = jsonOf(before);
  const newValue = jsonOf(after);
  if (oldValue !== newValue) changes.push({ field, oldValue, newValue });
}

/**
 * What changed between two versions of an item, for its history and for telling an unchanged
 * import row (no changes) from an update. Attributes are compared per key
 * (`attributes.<key>`) and asset details per field (`asset.<field>`); null and absent are the
 * same, and object keys are compared regardless of their order.
 */
export function diffItems(before: ItemFields, after: ItemFields): ItemFieldChange[] {
  const changes: ItemFieldChange[] = [];
  for (const field of COMMON_FIELDS) compare(changes, field, before[field], after[field]);
  const keys = [...new Set([...Object.keys(before.attributes), ...Object.keys(after.attributes)])];
  for (const key of keys.sort()) {
    compare(changes, `attributes.${key}`, before.attributes[key], after.attributes[key]);
  }
  for (const field of ASSET_FIELDS) {
    compare(changes, `asset.${field}`, before.asset?.[field], after.asset?.[field]);
  }
  return changes;
}
