import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';
import { corpusArticle, TOPICS } from './corpus';

export interface SeedOptions {
  total: number;
  /** Articles per INSERT statement pair. */
  chunkSize: number;
  /** Written as every article's change time: older than a rebuild's catch-up window. */
  changedAt: Date;
}

export interface SeedResult {
  articles: number;
  publicArticles: number;
  insertMs: number;
}

const CATEGORIES_PER_TOPIC = 4;

/**
 * Writes published articles (version 1 live) straight into the knowledge service's tables,
 * as its migrations define them: a category tree of topic → four subcategories, then articles
 * and their versions in chunks. No events and no index queue rows: the benchmark indexes them
 * with the service's own `reindex` command.
 */
export async function seedArticles(
  client: Client,
  options: SeedOptions,
  log: (line: string) => void,
): Promise<SeedResult> {
  const started = performance.now();
  const categories = new Map<string, string[]>();
  for (const topic of TOPICS) {
    const rootId = randomUUID();
    await client.query(
      `INSERT INTO knowledge_categories (id, parent_id, name, path, created_at) VALUES ($1, NULL, $2, $3, $4)`,
      [rootId, topic.key, [rootId], options.changedAt],
    );
    const children: string[] = [];
    for (let index = 0; index < CATEGORIES_PER_TOPIC; index += 1) {
      const id = randomUUID();
      await client.query(
        `INSERT INTO knowledge_categories (id, parent_id, name, path, created_at) VALUES ($1, $2, $3, $4, $5)`,
        [id, rootId, `${topic.key} ${index + 1}`, [rootId, id], options.changedAt],
      );
      children.push(id);
    }
    categories.set(topic.key, children);
  }

  let publicArticles = 0;
  for (let start = 0; start < options.total; start += options.chunkSize) {
    const size = Math.min(options.chunkSize, options.total - start);
    const columns = {
      id: [] as string[],
      language: [] as string[],
      title: [] as string[],
      body: [] as string[],
      audience: [] as string[],
      category: [] as string[],
      tags: [] as string[],
      services: [] as string[],
    };
    for (let offset = 0; offset < size; offset += 1) {
      const article = corpusArticle(start + offset);
      columns.id.push(randomUUID());
      columns.language.push(article.language);
      columns.title.push(article.title);
      columns.body.push(article.body);
      columns.audience.push(article.audience);
      columns.category.push(categories.get(article.topic)?.[article.categoryIndex] ?? '');
      // Arrays of arrays do not pass through unnest; each list travels as a Postgres literal.
      columns.tags.push(arrayLiteral(article.tags));
      columns.services.push(arrayLiteral(article.serviceIds));
      if (article.audience === 'public') publicArticles += 1;
    }
    const values = [
      columns.id,
      columns.language,
      columns.title,
      columns.body,
      columns.audience,
      columns.category,
      columns.tags,
      columns.services,
      options.changedAt,
    ];
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO articles (id, language, translation_group_id, status, title, body, audience,
         category_id, tags, service_ids, published_version, author_id, editor_id, created_at,
         updated_at, published_at, revision)
       SELECT id, language, id, 'published', title, body, audience, category::uuid, tags::text[],
              services::text[], 1, 'bench-author', 'bench-author', $9, $9, $9, 3
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                     $7::text[], $8::text[]) AS t (id, language, title, body, audience, category, tags, services)`,
      values,
    );
    await client.query(
      `INSERT INTO article_versions (article_id, number, title, body, audience, category_id, tags,
         service_ids, author_id, approved_by, origin, published_at)
       SELECT id, 1, title, body, audience, category_id, tags, service_ids, author_id,
              'bench-reviewer', 'approve', published_at
         FROM articles WHERE id = ANY ($1::uuid[])`,
      [columns.id],
    );
    await client.query('COMMIT');
    log(`  ${(start + size).toLocaleString('en')} articles`);
  }
  await client.query('ANALYZE');
  return { articles: options.total, publicArticles, insertMs: performance.now() - started };
}

/** A Postgres array literal of strings: {"a","b"} with quotes and backslashes escaped. */
export function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/[\\"]/g, (char) => `\\${char}`)}"`).join(',')}}`;
}
