import { type FieldViolation, throwIfInvalid } from './knowledge-error';

export const CATEGORY_NAME_MAX_LENGTH = 100;
/** Deep trees hide articles; six levels are plenty for a service desk. */
export const CATEGORY_MAX_DEPTH = 6;

/** A node of the category tree; `path` runs from the root down to the category itself. */
export interface KnowledgeCategory {
  id: string;
  parentId: string | null;
  name: string;
  path: string[];
  createdAt: Date;
}

export function createCategory(input: {
  id: string;
  name: string;
  parent: KnowledgeCategory | null;
  now: Date;
}): KnowledgeCategory {
  const name = input.name.trim().replace(/\s+/g, ' ');
  const violations: FieldViolation[] = [];
  if (name.length === 0 || name.length > CATEGORY_NAME_MAX_LENGTH) {
    violations.push({
      field: 'name',
      message: `name must have 1 to ${CATEGORY_NAME_MAX_LENGTH} characters`,
    });
  }
  const path = [...(input.parent?.path ?? []), input.id];
  if (path.length > CATEGORY_MAX_DEPTH) {
    violations.push({
      field: 'parentId',
      message: `categories nest at most ${CATEGORY_MAX_DEPTH} levels deep`,
    });
  }
  throwIfInvalid('the category is invalid', violations);
  return {
    id: input.id,
    parentId: input.parent?.id ?? null,
    name,
    path,
    createdAt: input.now,
  };
}

/** Parents before children, siblings by name: the order a tree is drawn in. */
export function treeOrder(categories: readonly KnowledgeCategory[]): KnowledgeCategory[] {
  const byId = new Map(categories.map((category) => [category.id, category]));
  const key = (category: KnowledgeCategory) =>
    category.path.map((id) => byId.get(id)?.name.toLocaleLowerCase() ?? id);
  return [...categories].sort((a, b) => {
    const left = key(a);
    const right = key(b);
    for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
      const order = (left[index] ?? '').localeCompare(right[index] ?? '');
      if (order !== 0) return order;
    }
    return left.length - right.length;
  });
}
