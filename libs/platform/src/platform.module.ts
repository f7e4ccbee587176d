import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { HealthHttpController } from './health/health.http-controller';
import { Readiness } from './health/readiness';
import { loggerParams, type LoggingOptions } from './logging/logger-options';

/** What every service gets: structured logging, health endpoints, readiness registry. */
@Module({})
export class PlatformModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggerParams(options)),
        TerminusModule.forRoot({ logger: false }),
      ],
      controllers: [HealthHttpController],
      providers: [Readiness],
      exports: [Readiness],
    };
  }
}
