import { DataSource, type DataSourceOptions } from 'typeorm';

export interface DataSourceSettings {
  url: string;
  poolSize: number;
  /** Shown in pg_stat_activity, so DBAs can tell the services apart. */
  applicationName: string;
  entities: NonNullable<DataSourceOptions['entities']>;
  /** Migration classes, imported explicitly so bundles carry them. */
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

/** A TypeORM data source per service. The schema changes only through migrations. */
export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource({
    type: 'postgres',
    url: settings.url,
    applicationName: settings.applicationName,
    entities: settings.entities,
    migrations: settings.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'warn', 'migration'],
    extra: { max: settings.poolSize, connectionTimeoutMillis: 5000 },
  });
}

/** Applies pending migrations; returns their names. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const initializedHere = !dataSource.isInitialized;
  if (initializedHere) await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    if (initializedHere) await dataSource.destroy();
  }
}
