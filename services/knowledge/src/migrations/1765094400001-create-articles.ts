import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The content columns a version snapshots from the article's working copy. */
const CONTENT_COLUMNS = `
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body text NOT NULL CHECK (length(body) <= 100000),
  audience text NOT NULL CHECK (audience IN ('public', 'internal')),
  category_id uuid REFERENCES knowledge_categories (id),
  tags text[] NOT NULL DEFAULT '{}',
  service_ids text[] NOT NULL DEFAULT '{}',
  configuration_item_ids text[] NOT NULL DEFAULT '{}'`;

export class CreateArticles1765094400001 implements MigrationInterface {
  name = 'CreateArticles1765094400001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE knowledge_categories (
        id uuid PRIMARY KEY,
        parent_id uuid REFERENCES knowledge_categories (id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        path uuid[] NOT NULL CHECK (cardinality(path) BETWEEN 1 AND 6),
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX knowledge_categories_sibling_name_key ON knowledge_categories
        (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name))`);
    await queryRunner.query(`
      CREATE TABLE articles (
        id uuid PRIMARY KEY,
        language text NOT NULL CHECK (language IN ('ru', 'en')),
        translation_group_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'in_review', 'published', 'archived')),
        ${CONTENT_COLUMNS},
        published_version integer NOT NULL DEFAULT 0 CHECK (published_version >= 0),
        author_id text NOT NULL,
        editor_id text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        published_at timestamptz,
        review_by timestamptz,
        expires_at timestamptz,
        outdated boolean NOT NULL DEFAULT false,
        revision integer NOT NULL CHECK (revision >= 1),
        CONSTRAINT articles_one_per_language UNIQUE (translation_group_id, language)
      )`);
    await queryRunner.query(
      `COMMENT ON COLUMN articles.title IS 'The working copy (title ... configuration_item_ids); the live content is article_versions at published_version'`,
    );
    // The rebuild walks searchable articles by id; the catch-up after it by change time.
    await queryRunner.query(
      `CREATE INDEX articles_searchable_idx ON articles (id) WHERE published_version > 0 AND status <> 'archived'`,
    );
    await queryRunner.query(`CREATE INDEX articles_updated_at_idx ON articles (updated_at)`);
    await queryRunner.query(`CREATE INDEX articles_status_idx ON articles (status, id)`);
    await queryRunner.query(`CREATE INDEX articles_category_idx ON articles (category_id)`);
    await queryRunner.query(`
      CREATE TABLE article_versions (
        article_id uuid NOT NULL REFERENCES articles (id),
        number integer NOT NULL CHECK (number >= 1),
        ${CONTENT_COLUMNS},
        author_id text NOT NULL,
        approved_by text NOT NULL,
        origin text NOT NULL CHECK (origin IN ('approve', 'rollback')),
        restored_from integer,
        published_at timestamptz NOT NULL,
        PRIMARY KEY (article_id, number)
      )`);
    await queryRunner.query(`
      CREATE TABLE article_reviews (
        id uuid PRIMARY KEY,
        article_id uuid NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        reviewer_id text NOT NULL,
        decision text NOT NULL CHECK (decision IN ('approved', 'sent_back')),
        comment text NOT NULL CHECK (length(comment) <= 2000),
        revision integer NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX article_reviews_article_idx ON article_reviews (article_id, created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE article_reviews`);
    await queryRunner.query(`DROP TABLE article_versions`);
    await queryRunner.query(`DROP TABLE articles`);
    await queryRunner.query(`DROP TABLE knowledge_categories`);
  }
}
