import type { CmdbTransactions, StoredItem } from '../ports/cmdb-store';
import { notFound, requireUuid } from '../references';

export class GetItemUseCase {
  constructor(private readonly transactions: CmdbTransactions) {}

  async execute(id: string): Promise<StoredItem> {
    requireUuid('configuration item', id);
    const item = await this.transactions.reader().item(id);
    if (!item) throw notFound('configuration item', id);
    return item;
  }
}
