import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Readiness } from '@itsm/platform';
import { createDataSource, type DataSourceSettings } from './data-source';
import { observeConnectionPool } from './pool-metrics';

const DATA_SOURCE_SETTINGS = Symbol('DATA_SOURCE_SETTINGS');

@Injectable()
class DataSourceLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readiness: Readiness,
    @Inject(DATA_SOURCE_SETTINGS) private readonly settings: DataSourceSettings,
  ) {}

  onModuleInit(): void {
    observeConnectionPool(this.dataSource, this.settings.applicationName, this.settings.poolSize);
    this.readiness.register({
      name: 'database',
      check: async () => {
        await this.dataSource.query('SELECT 1');
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** Provides the service's initialised TypeORM DataSource and its readiness check. */
@Module({})
export class PersistenceModule {
  static forRoot(settings: DataSourceSettings): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      providers: [
        { provide: DATA_SOURCE_SETTINGS, useValue: settings },
        {
          provide: DataSource,
          inject: [DATA_SOURCE_SETTINGS],
          useFactory: (dataSourceSettings: DataSourceSettings) =>
            createDataSource(dataSourceSettings).initialize(),
        },
        DataSourceLifecycle,
      ],
      exports: [DataSource],
    };
  }
}
