import { z } from 'zod';
import { loadConfig } from '@itsm/config';

/** Where the real infrastructure of `deploy/local/infra.sh` listens; overridable by env. */
export const testEnvironmentSchema = z.object({
  PGHOST: z.string().default('127.0.0.1'),
  PGPORT: z.coerce.number().int().default(5432),
  PGUSER: z.string().default('postgres'),
  KAFKA_BROKERS: z.string().default('127.0.0.1:9092'),
  OPENSEARCH_URL: z.url().default('http://127.0.0.1:9200'),
});

export type TestEnvironment = z.infer<typeof testEnvironmentSchema> & { kafkaBrokers: string[] };

export function testEnvironment(): TestEnvironment {
  const environment = loadConfig(testEnvironmentSchema);
  return {
    ...environment,
    kafkaBrokers: environment.KAFKA_BROKERS.split(',').map((broker) => broker.trim()),
  };
}

export function postgresUrl(
  database: string,
  environment: TestEnvironment = testEnvironment(),
): string {
  return `postgres://${environment.PGUSER}@${environment.PGHOST}:${environment.PGPORT}/${database}`;
}
