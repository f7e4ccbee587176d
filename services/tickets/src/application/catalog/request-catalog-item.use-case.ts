import { checkFormValues, type FormValidator, type FormValues } from '../../domain/service-catalog';
import type { Channel } from '../../domain/ticket';
import type { TicketCaller } from '../../domain/ticket-caller';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type {
  CreateTicketResult,
  CreateTicketUseCase,
} from '../create-ticket/create-ticket.use-case';
import type { CatalogStore } from '../ports/catalog-store';

export interface RequestCatalogItemCommand {
  caller: TicketCaller;
  itemId: string;
  requesterId: string;
  organizationId: string | undefined;
  fields: FormValues;
  title: string;
  description: string;
  channel: Channel | undefined;
  idempotencyKey: string;
}

/**
 * A requester orders an item from the catalog: the form is checked against the item's
 * schema, and a service request opens with the item's service, default category, impact and
 * urgency, in the fulfilment group's queue, carrying the form's values.
 */
export class RequestCatalogItemUseCase {
  constructor(
    private readonly catalog: CatalogStore,
    private readonly forms: FormValidator,
    private readonly createTicket: CreateTicketUseCase,
  ) {}

  async execute(command: RequestCatalogItemCommand): Promise<CreateTicketResult> {
    const item = await this.catalog.findItem(command.itemId);
    if (!item) {
      throw new TicketError(
        TicketErrorCode.NotFound,
        `catalog item ${command.itemId} does not exist`,
      );
    }
    if (!item.active) {
      throw new TicketError(
        TicketErrorCode.InvalidTransition,
        `${item.name} is no longer offered in the catalog`,
      );
    }
    checkFormValues(item.formSchema, command.fields, this.forms);
    return this.createTicket.execute({
      caller: command.caller,
      idempotencyKey: command.idempotencyKey,
      type: 'service_request',
      title: command.title.trim() || item.name,
      description: command.description,
      impact: item.defaultImpact,
      urgency: item.defaultUrgency,
      channel: command.channel ?? 'portal',
      requesterId: command.requesterId,
      organizationId: command.organizationId,
      serviceId: item.serviceId,
      categoryId: item.defaultCategoryId ?? undefined,
      catalogItemId: item.id,
      customFields: command.fields,
      assignmentGroupId: item.fulfilmentGroupId ?? undefined,
    });
  }
}
