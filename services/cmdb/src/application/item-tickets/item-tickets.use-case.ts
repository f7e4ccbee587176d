import { throwIfInvalid } from '../../domain/cmdb-error';
import type { CiTicket, CmdbStore, CmdbTransactions, TicketMention } from '../ports/cmdb-store';
import { isUuid, notFound, requireUuid } from '../references';

export const DEFAULT_TICKETS = 50;
export const MAX_TICKETS = 500;

/**
 * Which tickets name which items, as the ticket events tell it: open incidents first, then the
 * most recently changed.
 */
export class ItemTicketsUseCase {
  constructor(private readonly transactions: CmdbTransactions) {}

  async list(itemId: string, openOnly: boolean, limit: number): Promise<CiTicket[]> {
    throwIfInvalid('the ticket query is invalid', [
      ...(limit < 0 || limit > MAX_TICKETS
        ? [
            {
              field: 'limit',
              message: `limit must be 1 to ${MAX_TICKETS}, or 0 for ${DEFAULT_TICKETS}`,
            },
          ]
        : []),
    ]);
    requireUuid('configuration item', itemId);
    const store = this.transactions.reader();
    if (!(await store.item(itemId))) throw notFound('configuration item', itemId);
    return store.itemTickets(itemId, openOnly, limit || DEFAULT_TICKETS);
  }

  /**
   * A ticket event: the ticket is recorded against every item it names now and forgotten by
   * those it no longer names. Ids that cannot be items are left out.
   */
  project(ticket: TicketMention, store: CmdbStore): Promise<void> {
    const configurationItemIds = [
      ...new Set(ticket.configurationItemIds.filter(isUuid).map((id) => id.toLowerCase())),
    ];
    return store.projectTicket({ ...ticket, configurationItemIds });
  }
}
