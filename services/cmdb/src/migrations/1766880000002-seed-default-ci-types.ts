import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_CI_TYPES } from '../domain/ci-type';

/**
 * The types a new CMDB starts with. A key an administrator created first is left alone; the
 * seed is data from then on, which administrators change like any other type.
 */
export class SeedDefaultCiTypes1766880000002 implements MigrationInterface {
  name = 'SeedDefaultCiTypes1766880000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const type of DEFAULT_CI_TYPES) {
      await queryRunner.query(
        `INSERT INTO ci_types (id, key, name_en, name_ru, attribute_schema, asset, business_service, licence,
           version, created_at, updated_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, 1, now(), now())
         ON CONFLICT (key) DO NOTHING`,
        [
          type.key,
          type.nameEn,
          type.nameRu,
          JSON.stringify(type.attributeSchema),
          type.asset,
          type.businessService,
          type.licence,
        ],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Types that have items stay: their items need them.
    await queryRunner.query(
      `DELETE FROM ci_types t WHERE t.key = ANY($1::text[])
         AND NOT EXISTS (SELECT 1 FROM configuration_items i WHERE i.type_id = t.id)`,
      [DEFAULT_CI_TYPES.map(({ key }) => key)],
    );
  }
}
