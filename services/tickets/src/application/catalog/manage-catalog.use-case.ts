import type { Impact, Urgency } from '../../domain/priority-matrix';
import {
  type BusinessService,
  type CatalogItem,
  type CatalogItemRevision,
  type Category,
  type FormSchema,
  type FormValidator,
  validateCatalogItem,
  validateCategory,
  reviseCatalogItem,
  staleCatalogItem,
  validateService,
} from '../../domain/service-catalog';
import { requirePermission, type TicketCaller } from '../../domain/ticket-caller';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type { CatalogStore } from '../ports/catalog-store';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';

export interface NewService {
  name: string;
  description: string;
  ownerGroupId: string | null;
}

export interface NewCategory {
  parentId: string | null;
  name: string;
  formSchema: FormSchema | null;
}

export interface NewCatalogItem {
  serviceId: string;
  name: string;
  description: string;
  formSchema: FormSchema | undefined;
  defaultCategoryId: string | null;
  defaultImpact: Impact | undefined;
  defaultUrgency: Urgency | undefined;
  fulfilmentGroupId: string | null;
}

export interface CatalogItemChange extends NewCatalogItem {
  id: string;
  /** From If-Match; undefined applies the change to what is stored now. */
  expectedVersion: number | undefined;
  active: boolean;
}

function missing(field: string, message: string): never {
  throw new TicketError(TicketErrorCode.ValidationFailed, message, [{ field, message }]);
}

/** What a form asks for when an item has no fields of its own: nothing. */
const NO_FIELDS: FormSchema = { type: 'object', properties: {}, additionalProperties: false };

/**
 * Keeps the service catalog: services, the category tree (at most five levels), and the
 * items requesters order, each with a form whose JSON Schema is checked before it is stored.
 */
export class ManageCatalogUseCase {
  constructor(
    private readonly catalog: CatalogStore,
    private readonly forms: FormValidator,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async createService(input: NewService, caller: TicketCaller): Promise<BusinessService> {
    requirePermission(caller, 'catalog.manage', 'change the service catalog');
    const service: BusinessService = {
      id: this.ids.newId(),
      name: input.name.trim(),
      description: input.description,
      ownerGroupId: input.ownerGroupId?.trim() || null,
      createdAt: this.clock.now(),
    };
    validateService(service);
    if (await this.catalog.findServiceByName(service.name)) {
      missing('name', `a service named ${service.name} exists already`);
    }
    await this.catalog.insertService(service);
    return service;
  }

  async createCategory(input: NewCategory, caller: TicketCaller): Promise<Category> {
    requirePermission(caller, 'catalog.manage', 'change the service catalog');
    const categories = await this.catalog.categories();
    const parentDepth = input.parentId ? depthOf(categories, input.parentId) : null;
    if (input.parentId && parentDepth === null) {
      missing('parentId', `category ${input.parentId} does not exist`);
    }
    const category: Category = {
      id: this.ids.newId(),
      parentId: input.parentId,
      name: input.name.trim(),
      formSchema: input.formSchema,
      createdAt: this.clock.now(),
    };
    validateCategory(category, parentDepth, this.forms);
    const sibling = categories.find(
      (known) =>
        known.parentId === category.parentId &&
        known.name.toLowerCase() === category.name.toLowerCase(),
    );
    if (sibling) missing('name', `a category named ${category.name} exists here already`);
    await this.catalog.insertCategory(category);
    return category;
  }

  async createItem(input: NewCatalogItem, caller: TicketCaller): Promise<CatalogItem> {
    requirePermission(caller, 'catalog.manage', 'change the service catalog');
    await this.checkItemReferences(input);
    const now = this.clock.now();
    const item: CatalogItem = {
      id: this.ids.newId(),
      ...itemRevision(input, true),
      createdAt: now,
      version: 1,
      updatedAt: now,
    };
    validateCatalogItem(item, this.forms);
    await this.catalog.insertItem(item);
    return item;
  }

  /**
   * Replaces what an item offers. Tickets opened from it keep the service, category and fields
   * they were opened with; a retired item (`active: false`) leaves the portal and cannot be
   * ordered until it is made active again.
   */
  async updateItem(change: CatalogItemChange, caller: TicketCaller): Promise<CatalogItem> {
    requirePermission(caller, 'catalog.manage', 'change the service catalog');
    const current = await this.catalog.findItem(change.id);
    if (!current) {
      throw new TicketError(TicketErrorCode.NotFound, `catalog item ${change.id} does not exist`);
    }
    const revision = itemRevision(change, change.active);
    const revised = reviseCatalogItem(current, revision, change.expectedVersion, this.clock.now());
    await this.checkItemReferences(change);
    validateCatalogItem(revised, this.forms);
    if (!(await this.catalog.updateItem(revised))) {
      // Someone else saved between this read and this write.
      const latest = (await this.catalog.findItem(change.id)) ?? current;
      throw staleCatalogItem(latest, current.version);
    }
    return revised;
  }

  private async checkItemReferences(input: {
    serviceId: string;
    defaultCategoryId: string | null;
  }): Promise<void> {
    if (!(await this.catalog.findService(input.serviceId))) {
      missing('serviceId', `service ${input.serviceId} does not exist`);
    }
    if (input.defaultCategoryId && !(await this.catalog.findCategory(input.defaultCategoryId))) {
      missing('defaultCategoryId', `category ${input.defaultCategoryId} does not exist`);
    }
  }
}

/** What an item offers, with the catalog's defaults for what was left out. */
function itemRevision(input: NewCatalogItem, active: boolean): CatalogItemRevision {
  return {
    serviceId: input.serviceId,
    name: input.name.trim(),
    description: input.description,
    formSchema: input.formSchema ?? NO_FIELDS,
    defaultCategoryId: input.defaultCategoryId,
    defaultImpact: input.defaultImpact ?? 'medium',
    defaultUrgency: input.defaultUrgency ?? 'medium',
    fulfilmentGroupId: input.fulfilmentGroupId?.trim() || null,
    active,
  };
}

/** How deep a category sits (a root is 0); null when it does not exist. */
function depthOf(categories: Category[], id: string): number | null {
  const byId = new Map(categories.map((category) => [category.id, category]));
  let depth = 0;
  let current = byId.get(id);
  if (!current) return null;
  while (current.parentId) {
    depth += 1;
    current = byId.get(current.parentId);
    if (!current) return null;
  }
  return depth;
}
