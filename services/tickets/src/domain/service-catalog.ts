import type { Impact, Urgency } from './priority-matrix';
import { TicketError, TicketErrorCode, type FieldViolation } from './ticket-error';
import { DESCRIPTION_MAX_LENGTH, REFERENCE_MAX_LENGTH, TITLE_MAX_LENGTH } from './ticket-limits';

/** A JSON Schema (draft 2020-12) describing a form's fields. */
export type FormSchema = Record<string, unknown>;

/** Values a requester filled in on a form, keyed by field name. */
export type FormValues = Record<string, unknown>;

/**
 * Checks forms against their JSON Schema. A port: the domain states what a valid form is,
 * an adapter (ajv) does the checking.
 */
export interface FormValidator {
  /** Problems that make the schema unusable as a form; empty when it is fine. */
  schemaProblems(schema: FormSchema): string[];
  /** One violation per wrong or missing value, the field named as a JSON pointer path. */
  violations(schema: FormSchema, values: FormValues): FieldViolation[];
}

/** A business or IT service people request things from and report problems with. */
export interface BusinessService {
  id: string;
  name: string;
  description: string;
  ownerGroupId: string | null;
  createdAt: Date;
}

/** A node of the category tree; its form (if any) asks for the fields the category needs. */
export interface Category {
  id: string;
  parentId: string | null;
  name: string;
  formSchema: FormSchema | null;
  createdAt: Date;
}

/** Something a requester can order from a service, with its form and where it goes. */
export interface CatalogItem {
  id: string;
  serviceId: string;
  name: string;
  description: string;
  formSchema: FormSchema;
  defaultCategoryId: string | null;
  defaultImpact: Impact;
  defaultUrgency: Urgency;
  fulfilmentGroupId: string | null;
  active: boolean;
  createdAt: Date;
  /** 1 when created, one more on each change. */
  version: number;
  updatedAt: Date;
}

/** What an administrator sets on an item when changing it: everything but its identity. */
export type CatalogItemRevision = Pick<
  CatalogItem,
  | 'serviceId'
  | 'name'
  | 'description'
  | 'formSchema'
  | 'defaultCategoryId'
  | 'defaultImpact'
  | 'defaultUrgency'
  | 'fulfilmentGroupId'
  | 'active'
>;

export const MAX_CATEGORY_DEPTH = 5;

function nameViolations(field: string, value: string): FieldViolation[] {
  const name = value.trim();
  if (name.length === 0) return [{ field, message: `${field} must not be empty` }];
  if (name.length > TITLE_MAX_LENGTH) {
    return [{ field, message: `${field} must be at most ${TITLE_MAX_LENGTH} characters` }];
  }
  return [];
}

function referenceViolations(field: string, value: string | null | undefined): FieldViolation[] {
  return value && value.length > REFERENCE_MAX_LENGTH
    ? [{ field, message: `${field} must be at most ${REFERENCE_MAX_LENGTH} characters` }]
    : [];
}

function schemaViolations(
  field: string,
  schema: FormSchema | null | undefined,
  validator: FormValidator,
): FieldViolation[] {
  if (schema === null || schema === undefined) return [];
  if (schema['type'] !== 'object') {
    return [{ field, message: `${field} must describe an object ("type": "object")` }];
  }
  return validator.schemaProblems(schema).map((message) => ({ field, message }));
}

function throwIfAny(message: string, violations: FieldViolation[]): void {
  if (violations.length > 0) {
    throw new TicketError(TicketErrorCode.ValidationFailed, message, violations);
  }
}

export function validateService(service: Omit<BusinessService, 'id' | 'createdAt'>): void {
  const violations = [
    ...nameViolations('name', service.name),
    ...referenceViolations('ownerGroupId', service.ownerGroupId),
  ];
  if (service.description.length > DESCRIPTION_MAX_LENGTH) {
    violations.push({ field: 'description', message: 'description is too long' });
  }
  throwIfAny('the service is invalid', violations);
}

/** A category under `parent` (null for a root), at most MAX_CATEGORY_DEPTH levels deep. */
export function validateCategory(
  category: Omit<Category, 'id' | 'createdAt'>,
  parentDepth: number | null,
  validator: FormValidator,
): void {
  const violations = [
    ...nameViolations('name', category.name),
    ...schemaViolations('formSchema', category.formSchema, validator),
  ];
  if (parentDepth !== null && parentDepth + 1 >= MAX_CATEGORY_DEPTH) {
    violations.push({
      field: 'parentId',
      message: `categories nest at most ${MAX_CATEGORY_DEPTH} levels deep`,
    });
  }
  throwIfAny('the category is invalid', violations);
}

export function validateCatalogItem(item: CatalogItemRevision, validator: FormValidator): void {
  const violations = [
    ...nameViolations('name', item.name),
    ...schemaViolations('formSchema', item.formSchema, validator),
    ...referenceViolations('fulfilmentGroupId', item.fulfilmentGroupId),
  ];
  if (item.description.length > DESCRIPTION_MAX_LENGTH) {
    violations.push({ field: 'description', message: 'description is too long' });
  }
  throwIfAny('the catalog item is invalid', violations);
}

/**
 * The item after a change, one version on. Refused when it was made on a version that is no
 * longer current (someone else saved in between), so no change is silently overwritten.
 */
export function reviseCatalogItem(
  current: CatalogItem,
  revision: CatalogItemRevision,
  expectedVersion: number | undefined,
  now: Date,
): CatalogItem {
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw staleCatalogItem(current, expectedVersion);
  }
  return {
    ...current,
    ...revision,
    version: current.version + 1,
    updatedAt: now,
  };
}

/** The refusal of a change made on `expectedVersion` of an item that is now at `current`. */
export function staleCatalogItem(current: CatalogItem, expectedVersion: number): TicketError {
  return new TicketError(
    TicketErrorCode.VersionConflict,
    `catalog item ${current.name} changed since version ${expectedVersion}; it is at version ${current.version}`,
    [],
    { currentVersion: current.version },
  );
}

/** The values of a form, checked against its schema; violations name the form's fields. */
export function checkFormValues(
  schema: FormSchema | null,
  values: FormValues,
  validator: FormValidator,
): void {
  if (schema === null) {
    if (Object.keys(values).length > 0) {
      throw new TicketError(TicketErrorCode.ValidationFailed, 'the form has no fields', [
        { field: 'customFields', message: 'no form asks for custom fields here' },
      ]);
    }
    return;
  }
  const violations = validator
    .violations(schema, values)
    .map((violation) => ({ ...violation, field: `customFields${violation.field}` }));
  throwIfAny('the form is not filled in correctly', violations);
}
