import { throwIfInvalid } from '../../domain/cmdb-error';
import type { FieldViolation } from '../../domain/cmdb-error';
import type { CmdbTransactions, ImpactDirection, ImpactFacts } from '../ports/cmdb-store';
import { notFound, requireUuid } from '../references';

export const DEFAULT_MAX_DEPTH = 5;
export const MAX_DEPTH = 10;
export const DEFAULT_LIMIT = 1_000;
export const MAX_LIMIT = 10_000;
export const MAX_ANALYSED_ITEMS = 100;

export interface AnalyzeImpactQuery {
  itemIds: string[];
  direction: ImpactDirection;
  /** 0 means the default. */
  maxDepth: number;
  /** 0 means the default. */
  limit: number;
}

export interface ImpactedItem extends ImpactFacts {
  /** Hops from the analysed item that reaches it first. */
  depth: number;
  /** From the analysed item to this one, both included. */
  path: string[];
}

export interface ImpactAnalysis {
  items: ImpactedItem[];
  businessServices: ImpactedItem[];
  /** More items were reachable than the limit let through. */
  truncated: boolean;
  maxDepth: number;
}

function queryViolations(query: AnalyzeImpactQuery): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (query.itemIds.length === 0) {
    violations.push({ field: 'itemIds', message: 'name at least one item to analyse' });
  }
  if (query.itemIds.length > MAX_ANALYSED_ITEMS) {
    violations.push({ field: 'itemIds', message: `at most ${MAX_ANALYSED_ITEMS} items at once` });
  }
  if (query.maxDepth < 0 || query.maxDepth > MAX_DEPTH) {
    violations.push({
      field: 'maxDepth',
      message: `maxDepth must be 1 to ${MAX_DEPTH}, or 0 for ${DEFAULT_MAX_DEPTH}`,
    });
  }
  if (query.limit < 0 || query.limit > MAX_LIMIT) {
    violations.push({
      field: 'limit',
      message: `limit must be 1 to ${MAX_LIMIT}, or 0 for ${DEFAULT_LIMIT}`,
    });
  }
  return violations;
}

const byDepthThenName = (a: ImpactedItem, b: ImpactedItem): number =>
  a.depth - b.depth ||
  a.name.toLowerCase().localeCompare(b.name.toLowerCase()) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * What fails with the items (upstream) or what they rest on (downstream). A breadth-first walk,
 * one set-based lookup per depth: every item is reached once, at its shortest depth, so cycles
 * end by themselves; the walk stops at the depth and at the limit.
 */
export class AnalyzeImpactUseCase {
  constructor(private readonly transactions: CmdbTransactions) {}

  async execute(query: AnalyzeImpactQuery): Promise<ImpactAnalysis> {
    throwIfInvalid('the impact query is invalid', queryViolations(query));
    for (const id of query.itemIds) requireUuid('configuration item', id);
    // The database answers ids in lower case; roots must compare equal to them.
    const roots = [...new Set(query.itemIds.map((id) => id.toLowerCase()))];
    const maxDepth = query.maxDepth || DEFAULT_MAX_DEPTH;
    const limit = query.limit || DEFAULT_LIMIT;
    const store = this.transactions.reader();

    const known = new Set((await store.impactFacts(roots)).map(({ id }) => id));
    const missing = roots.find((id) => !known.has(id));
    if (missing) throw notFound('configuration item', missing);

    /** How each item was first reached: its depth and the item before it. */
    const reachedFrom = new Map<string, { depth: number; via: string | null }>(
      roots.map((id) => [id, { depth: 0, via: null }]),
    );
    const reached: string[] = [];
    let truncated = false;
    let frontier = roots;
    for (let depth = 1; depth <= maxDepth && frontier.length > 0 && !truncated; depth++) {
      const edges = await store.impactEdges(frontier, query.direction);
      // The same answer for the same graph, whatever order the database returns edges in.
      edges.sort((a, b) => compareIds(a.toId, b.toId) || compareIds(a.fromId, b.fromId));
      const next: string[] = [];
      for (const { fromId, toId } of edges) {
        if (reachedFrom.has(toId)) continue;
        if (reached.length >= limit) {
          truncated = true;
          break;
        }
        reachedFrom.set(toId, { depth, via: fromId });
        reached.push(toId);
        next.push(toId);
      }
      frontier = next;
    }

    const pathTo = (id: string): string[] => {
      const path = [id];
      for (let via = reachedFrom.get(id)?.via; via; via = reachedFrom.get(via)?.via) {
        path.unshift(via);
      }
      return path;
    };
    const items = (await store.impactFacts(reached))
      .map((facts) => ({
        ...facts,
        depth: reachedFrom.get(facts.id)?.depth ?? 0,
        path: pathTo(facts.id),
      }))
      .sort(byDepthThenName);
    return {
      items,
      businessServices: items.filter(({ businessService }) => businessService),
      truncated,
      maxDepth,
    };
  }
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
