import type { CmdbTransactions, HistoryEntry } from '../ports/cmdb-store';
import { notFound, requireUuid } from '../references';

/** Every change of an item, newest first. */
export class ListItemHistoryUseCase {
  constructor(private readonly transactions: CmdbTransactions) {}

  async execute(id: string): Promise<HistoryEntry[]> {
    requireUuid('configuration item', id);
    const store = this.transactions.reader();
    if (!(await store.item(id))) throw notFound('configuration item', id);
    return store.history(id);
  }
}
