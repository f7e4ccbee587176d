import type { EntityManager } from 'typeorm';

/** The executor a repository runs its SQL on: the data source's manager or a transaction's. */
export type SqlExecutor = Pick<EntityManager, 'query'>;

/**
 * Rows of any statement. TypeORM answers UPDATE and DELETE with `[rows, count]` and every
 * other command with the rows; this hides the difference from the repositories.
 */
export async function rowsOf<T>(
  executor: SqlExecutor,
  sql: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  const result = (await executor.query(sql, parameters)) as unknown;
  if (!Array.isArray(result)) return [];
  const [first, second] = result as unknown[];
  if (result.length === 2 && Array.isArray(first) && typeof second === 'number')
    return first as T[];
  return result as T[];
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
export function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
