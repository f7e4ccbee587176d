import { checkFormValues, type FormValidator, type FormValues } from '../../domain/service-catalog';
import { type FieldViolation, TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type { CatalogStore } from '../ports/catalog-store';

export interface CatalogReferencesOfTicket {
  serviceId?: string | undefined;
  categoryId?: string | undefined;
  catalogItemId?: string | undefined;
  customFields?: FormValues | undefined;
}

/**
 * What a ticket points to in the catalog must exist, and its custom fields must fill in the
 * category's form. (A request ordered from a catalog item was checked against the item's
 * form already.)
 */
export class CatalogReferences {
  constructor(
    private readonly catalog: CatalogStore,
    private readonly forms: FormValidator,
  ) {}

  async check(ticket: CatalogReferencesOfTicket): Promise<void> {
    const violations: FieldViolation[] = [];
    if (ticket.serviceId && !(await this.catalog.findService(ticket.serviceId))) {
      violations.push({
        field: 'serviceId',
        message: `service ${ticket.serviceId} does not exist`,
      });
    }
    const category = ticket.categoryId ? await this.catalog.findCategory(ticket.categoryId) : null;
    if (ticket.categoryId && !category) {
      violations.push({
        field: 'categoryId',
        message: `category ${ticket.categoryId} does not exist`,
      });
    }
    if (violations.length > 0) {
      throw new TicketError(
        TicketErrorCode.ValidationFailed,
        'the ticket points nowhere',
        violations,
      );
    }
    if (!ticket.catalogItemId) {
      checkFormValues(category?.formSchema ?? null, ticket.customFields ?? {}, this.forms);
    }
  }
}
