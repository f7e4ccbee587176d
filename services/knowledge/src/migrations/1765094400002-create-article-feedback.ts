import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateArticleFeedback1765094400002 implements MigrationInterface {
  name = 'CreateArticleFeedback1765094400002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE article_votes (
        article_id uuid NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        voter_id text NOT NULL,
        helpful boolean NOT NULL,
        comment text NOT NULL CHECK (length(comment) <= 1000),
        voted_at timestamptz NOT NULL,
        PRIMARY KEY (article_id, voter_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE article_views (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        article_id uuid NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        viewer_id text,
        source text NOT NULL CHECK (source IN ('search', 'suggestion', 'direct')),
        suggestion_id uuid,
        viewed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX article_views_article_idx ON article_views (article_id)`);
    await queryRunner.query(
      `CREATE INDEX article_views_suggestion_idx ON article_views (suggestion_id) WHERE suggestion_id IS NOT NULL`,
    );
    // Counters beside the log, so reading an article's feedback never scans its views.
    await queryRunner.query(`
      CREATE TABLE article_stats (
        article_id uuid PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        views bigint NOT NULL DEFAULT 0,
        solved_tickets integer NOT NULL DEFAULT 0,
        deflections integer NOT NULL DEFAULT 0
      )`);
    await queryRunner.query(`
      CREATE TABLE article_ticket_links (
        article_id uuid NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        ticket_id text NOT NULL,
        linked_by text NOT NULL,
        linked_at timestamptz NOT NULL,
        article_title text NOT NULL,
        PRIMARY KEY (article_id, ticket_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX article_ticket_links_ticket_idx ON article_ticket_links (ticket_id, linked_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE article_deflections (
        suggestion_id uuid PRIMARY KEY,
        article_id uuid NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        requester_id text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE unanswered_searches (
        query text NOT NULL CHECK (length(query) BETWEEN 1 AND 200),
        language text NOT NULL CHECK (language IN ('', 'ru', 'en')),
        searches integer NOT NULL,
        last_searched_at timestamptz NOT NULL,
        PRIMARY KEY (query, language)
      )`);
    await queryRunner.query(
      `CREATE INDEX unanswered_searches_frequent_idx ON unanswered_searches (searches DESC, last_searched_at DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'unanswered_searches',
      'article_deflections',
      'article_ticket_links',
      'article_stats',
      'article_views',
      'article_votes',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
